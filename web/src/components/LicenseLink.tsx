// A link to a licence by its number (looked up when the user may read licences), else by id.
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { fetchLicense, licenseKeys } from '../api/licensing';
import { usePermissions } from '../lib/usePermissions';

export function LicenseLink({ id, testId }: { id: number; testId?: string }) {
  const { can } = usePermissions();
  const license = useQuery({
    queryKey: licenseKeys.one(id),
    queryFn: ({ signal }) => fetchLicense(id, signal),
    enabled: can('licenses.read'),
    staleTime: 60_000,
  });
  const text = license.data?.number ?? `#${id}`;
  if (!can('licenses.read')) return <bdi className="mono">{text}</bdi>;
  return (
    <Link to={`/licenses/${id}`} data-testid={testId}>
      <bdi className="mono">{text}</bdi>
    </Link>
  );
}
