// A link to a vehicle by id, shown by its plate (looked up when the user may read vehicles;
// otherwise the id).
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { fetchVehicle, vehicleKeys } from '../api/vehicles';
import { usePermissions } from '../lib/usePermissions';

export function VehicleLink({ id, plate, testId }: { id: number; plate?: string; testId?: string }) {
  const { can } = usePermissions();
  const vehicle = useQuery({
    queryKey: vehicleKeys.one(id),
    queryFn: ({ signal }) => fetchVehicle(id, signal),
    enabled: !plate && can('vehicles.read'),
    staleTime: 60_000,
  });
  const text = <bdi className="mono plate-text">{plate ?? vehicle.data?.plate ?? `#${id}`}</bdi>;
  if (!can('vehicles.read')) return text;
  return (
    <Link to={`/vehicles/${id}`} data-testid={testId}>
      {text}
    </Link>
  );
}
