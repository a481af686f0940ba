// Reference data: countries, branches (offices), licence classes, services and tests.
import { apiRequest } from './client';

export interface Country {
  code: string;
  nameEn: string;
  nameAr: string;
}

export interface Branch {
  id: number;
  code: string;
  nameAr: string;
  nameEn: string;
  cityAr: string;
  cityEn: string;
  active: boolean;
}
export type BranchInput = Omit<Branch, 'id'>;

export interface LicenseClass {
  id: number;
  code: string;
  nameAr: string;
  nameEn: string;
  minimumAge: number;
  validityYears: number;
  fee: number; // fils
  currency: string;
}
export type LicenseClassInput = Pick<LicenseClass, 'nameAr' | 'nameEn' | 'minimumAge' | 'validityYears' | 'fee'>;

export interface ApplicationType {
  id: number;
  code: string;
  nameAr: string;
  nameEn: string;
  fee: number;
  currency: string;
}

export interface TestType {
  id: number;
  code: string;
  sequence: number;
  nameAr: string;
  nameEn: string;
  fee: number;
  currency: string;
}
export type FeeItemInput = { nameAr: string; nameEn: string; fee: number };

export const referenceKeys = {
  countries: ['reference', 'countries'] as const,
  branches: ['reference', 'branches'] as const,
  licenseClasses: ['reference', 'license-classes'] as const,
  applicationTypes: ['reference', 'application-types'] as const,
  testTypes: ['reference', 'test-types'] as const,
};

export const fetchCountries = (signal?: AbortSignal) => apiRequest<Country[]>('/countries', { signal });
export const fetchBranches = (signal?: AbortSignal) => apiRequest<Branch[]>('/branches', { signal });
export const fetchLicenseClasses = (signal?: AbortSignal) => apiRequest<LicenseClass[]>('/license-classes', { signal });
export const fetchApplicationTypes = (signal?: AbortSignal) =>
  apiRequest<ApplicationType[]>('/application-types', { signal });
export const fetchTestTypes = (signal?: AbortSignal) => apiRequest<TestType[]>('/test-types', { signal });

export const createBranch = (input: BranchInput) => apiRequest<Branch>('/branches', { method: 'POST', body: input });
export const updateBranch = (id: number, input: BranchInput) =>
  apiRequest<Branch>(`/branches/${id}`, { method: 'PUT', body: input });
export const updateLicenseClass = (id: number, input: LicenseClassInput) =>
  apiRequest<LicenseClass>(`/license-classes/${id}`, { method: 'PUT', body: input });
export const updateApplicationType = (id: number, input: FeeItemInput) =>
  apiRequest<ApplicationType>(`/application-types/${id}`, { method: 'PUT', body: input });
export const updateTestType = (id: number, input: FeeItemInput) =>
  apiRequest<TestType>(`/test-types/${id}`, { method: 'PUT', body: input });
