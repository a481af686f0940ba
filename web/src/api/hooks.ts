// Cached reference lists used by many pages (they change rarely).
import { useQuery } from '@tanstack/react-query';
import { fetchApplicationTypes, fetchBranches, fetchCountries, fetchLicenseClasses, referenceKeys } from './reference';
import { fetchViolationTypes, violationKeys } from './violations';

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

/** The services with their fees (licence and vehicle services). */
export function useApplicationTypes() {
  return useQuery({
    queryKey: referenceKeys.applicationTypes,
    queryFn: ({ signal }) => fetchApplicationTypes(signal),
    staleTime: 5 * 60_000,
  });
}

/** The violation types with their fine and points. */
export function useViolationTypes() {
  return useQuery({
    queryKey: violationKeys.types,
    queryFn: ({ signal }) => fetchViolationTypes(signal),
    staleTime: 5 * 60_000,
  });
}
