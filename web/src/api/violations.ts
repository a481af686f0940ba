// Traffic violations: the types (fine and points, editable by an administrator), recording a
// violation against a licence and/or a vehicle, disputes and their decision, and a person's
// demerit points with their suspensions.
import { apiRequest, unlessRouteMissing } from './client';
import { buildQuery, type Page } from './query';

export const VIOLATION_STATUSES = ['recorded', 'disputed', 'upheld', 'cancelled'] as const;
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];

export interface ViolationType {
  id: number;
  code: string;
  nameAr: string;
  nameEn: string;
  fine: number; // fils
  currency: string;
  points: number;
}
export type ViolationTypeInput = Pick<ViolationType, 'nameAr' | 'nameEn' | 'fine' | 'points'>;

export interface Violation {
  id: number;
  /** The type's code, e.g. `phone`. */
  violationType: string;
  nameEn: string;
  nameAr: string;
  licenseId: number | null;
  vehicleId: number | null;
  /** Who answers for it: the driver, else the vehicle's owner. */
  personId: number;
  place: string;
  occurredAt: string;
  notes: string | null;
  fine: number; // fils
  currency: string;
  points: number;
  billId: number | null;
  billStatus: string | null;
  status: ViolationStatus;
  recordedBy: string;
  createdAt: string;
}

export interface ViolationInput {
  violationType: string;
  licenseId?: number;
  vehicleId?: number;
  place: string;
  occurredAt: string;
  notes?: string;
}

export interface ViolationsQuery {
  personId?: number;
  vehicleId?: number;
  status?: ViolationStatus;
  page: number;
  pageSize: number;
}

export interface Suspension {
  id: number;
  startDate: string;
  endDate: string;
  points: number;
  days: number;
  violationId: number | null;
  liftedAt: string | null;
}

export interface Points {
  personId: number;
  /** Points of the last 12 months. */
  points: number;
  suspended: boolean;
  activeSuspension: Suspension | null;
  suspensions: Suspension[];
}

export const violationKeys = {
  all: ['violations'] as const,
  list: (query: ViolationsQuery) => ['violations', 'list', query] as const,
  one: (id: number) => ['violations', 'one', id] as const,
  types: ['reference', 'violation-types'] as const,
  points: (personId: number) => ['points', personId] as const,
};

export const fetchViolationTypes = (signal?: AbortSignal) => apiRequest<ViolationType[]>('/violation-types', { signal });

/** Older servers have no PUT on violation types: that becomes `feature-unavailable`. */
export const updateViolationType = (id: number, input: ViolationTypeInput) =>
  unlessRouteMissing(apiRequest<ViolationType>(`/violation-types/${id}`, { method: 'PUT', body: input }));

export const fetchViolations = (query: ViolationsQuery, signal?: AbortSignal) =>
  apiRequest<Page<Violation>>(`/violations${buildQuery({ ...query })}`, { signal });

export const fetchViolation = (id: number, signal?: AbortSignal) => apiRequest<Violation>(`/violations/${id}`, { signal });

export const recordViolation = (input: ViolationInput) =>
  apiRequest<Violation>('/violations', { method: 'POST', body: input });

export const disputeViolation = (id: number) =>
  apiRequest<Violation>(`/violations/${id}/dispute`, { method: 'POST', body: {} });

export const decideViolation = (id: number, upheld: boolean) =>
  apiRequest<Violation>(`/violations/${id}/decision`, { method: 'POST', body: { upheld } });

export const fetchPoints = (personId: number, signal?: AbortSignal) =>
  apiRequest<Points>(`/people/${personId}/points`, { signal });
