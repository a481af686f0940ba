// Driving licences: applications and their tests, licences and the services on them, bills,
// counter payments and receipts, international permits, a person's driving record.
// Requests that can pay a bill take an optional `payment` and an Idempotency-Key (one per user
// action), so that a repeated click never pays twice.
import { apiRequest } from './client';
import { buildQuery, type Page } from './query';

export const APPLICATION_TYPES = [
  'new-local-license',
  'renew-license',
  'replace-lost-license',
  'replace-damaged-license',
  'release-detained-license',
  'international-permit',
] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export const APPLICATION_STATUSES = ['new', 'completed', 'cancelled'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const TEST_TYPES = ['vision', 'written', 'street'] as const;
export type TestType = (typeof TEST_TYPES)[number];

export const LICENSE_STATUSES = ['active', 'expired', 'detained', 'suspended', 'replaced', 'renewed'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export const PAYMENT_METHODS = ['cash', 'card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export type NextStep = 'schedule-test' | 'pay' | 'take-test' | 'issue' | 'none';
export type AppointmentStatus = 'scheduled' | 'passed' | 'failed' | 'cancelled';
export type BillStatus = 'open' | 'paid' | 'cancelled';
export type IssueReason = 'first-issue' | 'renewal' | 'replacement-lost' | 'replacement-damaged';

export interface BillLine {
  code: string;
  descriptionEn: string;
  descriptionAr: string;
  amount: number; // fils
}

export interface Receipt {
  number: string;
  billId: number;
  personId: number;
  applicationId: number | null;
  amount: number; // fils
  currency: string;
  method: PaymentMethod;
  paidAt: string;
  collectedBy: string;
  branchId: number;
  lines: BillLine[];
}

export interface Bill {
  id: number;
  personId: number;
  applicationId: number | null;
  kind: string;
  status: BillStatus;
  total: number; // fils
  currency: string;
  createdAt: string;
  /** Fines: the day they are due (30 days after the violation is recorded). */
  dueDate?: string | null;
  paidAt: string | null;
  lines: BillLine[];
  receipt: Receipt | null;
}

export interface Appointment {
  id: number;
  applicationId: number;
  testType: TestType;
  sequence: number;
  date: string;
  branchId: number;
  status: AppointmentStatus;
  attempt: number;
  billId: number;
  billPaid: boolean;
  notes: string | null;
  recordedAt: string | null;
}

export interface Detention {
  id: number;
  licenseId: number;
  detainedOn: string;
  fine: number; // fils
  reason: string;
  releasedAt?: string | null;
}

export interface License {
  id: number;
  number: string;
  personId: number;
  personNameEn: string;
  personNameAr: string;
  licenseClassId: number;
  issueDate: string;
  expiryDate: string;
  status: LicenseStatus;
  statusReason: string;
  issueReason: IssueReason;
  lost: boolean;
  detention: Detention | null;
}

export interface Permit {
  id: number;
  number: string;
  licenseId: number;
  personId: number;
  issueDate: string;
  expiryDate: string;
  active: boolean;
}

export interface Application {
  id: number;
  personId: number;
  personNameEn: string;
  personNameAr: string;
  type: ApplicationType;
  licenseClassId: number | null;
  licenseId: number | null;
  status: ApplicationStatus;
  applicationDate: string;
  reason: string | null;
  branchId: number;
  createdAt: string;
  closedAt: string | null;
  resultLicenseId: number | null;
  resultPermitId: number | null;
  // Present on a single application (not in lists).
  bills?: Bill[];
  appointments?: Appointment[];
  nextStep?: NextStep;
  /** The test concerned by schedule-test / take-test / pay (a name; a 1..3 sequence is tolerated). */
  nextTest?: TestType | number | null;
  blockedReason?: string | null;
  license?: License | null;
  permit?: Permit | null;
}

export interface DrivingRecord {
  personId: number;
  licenses: License[];
  permits: Permit[];
  applications: Application[];
  detentions: Detention[];
  bills: Bill[];
}

export interface ApplicationsQuery {
  status?: ApplicationStatus;
  type?: ApplicationType;
  personId?: number;
  licenseClassId?: number;
  branchId?: number;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface LicensesQuery {
  personId?: number;
  licenseClassId?: number;
  number?: string;
  page: number;
  pageSize: number;
}

/** Pay the bill in the same request (`"payment": {"method": ...}`); none = leave it open. */
export type PayNow = PaymentMethod | 'none';

export const applicationKeys = {
  all: ['applications'] as const,
  list: (query: ApplicationsQuery) => ['applications', 'list', query] as const,
  one: (id: number) => ['applications', 'one', id] as const,
};

export const licenseKeys = {
  all: ['licenses'] as const,
  list: (query: LicensesQuery) => ['licenses', 'list', query] as const,
  one: (id: number) => ['licenses', 'one', id] as const,
};

export const receiptKeys = { one: (number: string) => ['receipts', number] as const };
export const drivingRecordKeys = { one: (personId: number) => ['driving-record', personId] as const };
export const permitKeys = { one: (id: number) => ['permits', id] as const };

export function withPayment<T extends object>(body: T, pay: PayNow | undefined): T & { payment?: { method: PaymentMethod } } {
  return pay && pay !== 'none' ? { ...body, payment: { method: pay } } : body;
}

export function keyHeader(idempotencyKey: string | undefined): Record<string, string> | undefined {
  return idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined;
}

/** Options of a request that may pay money. */
export interface PayOptions {
  pay?: PayNow;
  idempotencyKey?: string;
}

// ---- applications ----
export const fetchApplications = (query: ApplicationsQuery, signal?: AbortSignal) =>
  apiRequest<Page<Application>>(`/applications${buildQuery({ ...query })}`, { signal });

export const fetchApplication = (id: number, signal?: AbortSignal) =>
  apiRequest<Application>(`/applications/${id}`, { signal });

export const applyForLocalLicense = (input: { personId: number; licenseClassId: number }, o: PayOptions = {}) =>
  apiRequest<Application>('/applications/local-license', {
    method: 'POST',
    body: withPayment(input, o.pay),
    headers: keyHeader(o.idempotencyKey),
  });

export const cancelApplication = (id: number) =>
  apiRequest<Application>(`/applications/${id}/cancel`, { method: 'POST', body: {} });

export const scheduleTest = (
  applicationId: number,
  input: { testType: TestType; date: string; branchId?: number },
  o: PayOptions = {},
) =>
  apiRequest<Appointment>(`/applications/${applicationId}/appointments`, {
    method: 'POST',
    body: withPayment(input, o.pay),
    headers: keyHeader(o.idempotencyKey),
  });

export const recordResult = (appointmentId: number, input: { passed: boolean; notes: string | null }) =>
  apiRequest<Appointment>(`/appointments/${appointmentId}/result`, { method: 'POST', body: input });

export const issueLicense = (applicationId: number, o: PayOptions = {}) =>
  apiRequest<License>(`/applications/${applicationId}/issue`, {
    method: 'POST',
    body: withPayment({}, o.pay),
    headers: keyHeader(o.idempotencyKey),
  });

// ---- licences ----
export const fetchLicenses = (query: LicensesQuery, signal?: AbortSignal) =>
  apiRequest<Page<License>>(`/licenses${buildQuery({ ...query })}`, { signal });

export const fetchLicense = (id: number, signal?: AbortSignal) => apiRequest<License>(`/licenses/${id}`, { signal });

export const fetchLicenseByNumber = (number: string, signal?: AbortSignal) =>
  apiRequest<License>(`/licenses/by-number/${encodeURIComponent(number)}`, { signal });

export type LicenseService = 'renew' | 'replace' | 'release' | 'permit';

export const renewLicense = (id: number, o: PayOptions = {}) =>
  apiRequest<Application>(`/licenses/${id}/renew`, {
    method: 'POST',
    body: withPayment({}, o.pay),
    headers: keyHeader(o.idempotencyKey),
  });

export const replaceLicense = (id: number, reason: 'lost' | 'damaged', o: PayOptions = {}) =>
  apiRequest<Application>(`/licenses/${id}/replace`, {
    method: 'POST',
    body: withPayment({ reason }, o.pay),
    headers: keyHeader(o.idempotencyKey),
  });

export const detainLicense = (id: number, input: { fine: number; reason: string }) =>
  apiRequest<License>(`/licenses/${id}/detain`, { method: 'POST', body: input });

export const releaseLicense = (id: number, o: PayOptions = {}) =>
  apiRequest<Application>(`/licenses/${id}/release`, {
    method: 'POST',
    body: withPayment({}, o.pay),
    headers: keyHeader(o.idempotencyKey),
  });

export const requestInternationalPermit = (licenseId: number, o: PayOptions = {}) =>
  apiRequest<Application>('/international-permits', {
    method: 'POST',
    body: withPayment({ licenseId }, o.pay),
    headers: keyHeader(o.idempotencyKey),
  });

export const fetchPermit = (id: number, signal?: AbortSignal) =>
  apiRequest<Permit>(`/international-permits/${id}`, { signal });

// ---- bills and receipts ----
export const fetchBill = (id: number, signal?: AbortSignal) => apiRequest<Bill>(`/bills/${id}`, { signal });

export const payBill = (billId: number, method: PaymentMethod, idempotencyKey?: string) =>
  apiRequest<Receipt>(`/bills/${billId}/payments`, {
    method: 'POST',
    body: { method },
    headers: keyHeader(idempotencyKey),
  });

export const fetchReceipt = (number: string, signal?: AbortSignal) =>
  apiRequest<Receipt>(`/receipts/${encodeURIComponent(number)}`, { signal });

export const fetchDrivingRecord = (personId: number, signal?: AbortSignal) =>
  apiRequest<DrivingRecord>(`/people/${personId}/driving-record`, { signal });
