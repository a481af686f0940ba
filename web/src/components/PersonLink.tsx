// A link to a person by id, with the name in the interface language (looked up when the user
// may read people; otherwise the id). Names already at hand are shown without a request.
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchPerson, peopleKeys } from '../api/people';
import { langOf, personName } from '../lib/format';
import { usePermissions } from '../lib/usePermissions';

export function PersonLink({
  id,
  nameAr,
  nameEn,
  testId,
}: {
  id: number;
  nameAr?: string | null;
  nameEn?: string | null;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const { can } = usePermissions();
  const known = !!(nameAr || nameEn);
  const person = useQuery({
    queryKey: peopleKeys.one(id),
    queryFn: ({ signal }) => fetchPerson(id, signal),
    enabled: !known && can('people.read') && id > 0,
    staleTime: 60_000,
  });
  const ar = langOf(i18n.language) === 'ar';
  const name = known
    ? (ar ? nameAr || nameEn : nameEn || nameAr)
    : person.data
      ? personName(person.data, i18n.language)
      : `#${id}`;
  const text = (
    <bdi lang={known || person.data ? (ar ? 'ar' : 'en') : undefined}>{name}</bdi>
  );
  if (!can('people.read')) return text;
  return (
    <Link to={`/people/${id}`} data-testid={testId}>
      {text}
    </Link>
  );
}
