// Cached reference lists used by many pages (they change rarely).
import { useQuery } from '@tanstack/react-query';
import { fetchBranches, fetchCountries, fetchLicenseClasses, referenceKeys } from './reference';

export function useCountries() {
  return useQuery({
    queryKey: referenceKeys.countries,
    queryFn: ({ signal }) => fetchCountries(signal),
    staleTime: Infinity,
  });
}

export function useBranches() {
  return useQuery({
    queryKey: referenceKeys.branches,
    queryFn: ({ signal }) => fetchBranches(signal),
    staleTime: 5 * 60_000,
  });
}

export function useLicenseClasses() {
  return useQuery({
    queryKey: referenceKeys.licenseClasses,
    queryFn: ({ signal }) => fetchLicenseClasses(signal),
    staleTime: 5 * 60_000,
  });
}
