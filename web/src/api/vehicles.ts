// Vehicles: registration, the vehicle record (insurance, inspections, liens, seizures, owners,
// transfers, violations, bills), annual renewal, plate replacement, deregistration and ownership
// transfer. Vehicle services are paid at the counter in the same request (`payment` required),
// with an Idempotency-Key per user action.
import { apiRequest, unlessRouteMissing } from './client';
import { keyHeader, type Bill, type PaymentMethod } from './licensing';
import { buildQuery, type Page } from './query';
import type { Violation } from './violations';

export const VEHICLE_STATUSES = ['licensed', 'expired', 'deregistered'] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];

export const FUELS = ['petrol', 'diesel', 'hybrid', 'lpg', 'electric'] as const;
export type Fuel = (typeof FUELS)[number];

export const VEHICLE_CATEGORIES = ['private', 'public', 'commercial', 'motorcycle'] as const;
export type VehicleCategory = (typeof VEHICLE_CATEGORIES)[number];

export const TRANSFER_STATUSES = ['pending', 'completed', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export interface InsurancePolicy {
  id: number;
  vehicleId?: number;
  insurer: string;
  policyNumber: string;
  insuredPersonId: number;
  startDate: string;
  endDate: string;
}

export interface Inspection {
  id: number;
  vehicleId?: number;
  centre: string;
  date: string;
  passed: boolean;
  odometerKm: number;
  notes: string | null;
}

export interface Lien {
  id: number;
  vehicleId?: number;
  holder: string;
  amount: number; // fils
  placedAt: string;
  liftedAt: string | null;
}

export interface Seizure {
  id: number;
  vehicleId?: number;
  authority: string;
  reason: string;
  placedAt: string;
  liftedAt: string | null;
}

export interface Owner {
  personId: number;
  nameEn: string;
  nameAr: string;
  fromDate: string;
  toDate: string | null;
  transferId: number | null;
}

export interface Transfer {
  id: number;
  vehicleId: number;
  sellerPersonId: number;
  buyerPersonId: number;
  status: TransferStatus;
  fee: number; // fils
  currency: string;
  createdAt: string;
  completedAt: string | null;
}

/** A vehicle as lists answer it (the record's own fields; `status` may be absent there). */
export interface VehicleSummary {
  id: number;
  vin: string;
  plate: string;
  make: string;
  model: string;
  year: number;
  color: string;
  engineCc: number | null;
  electric: boolean;
  fuel: Fuel;
  seats: number;
  weightKg: number;
  category: VehicleCategory;
  ownerPersonId: number;
  ownerNameEn: string;
  ownerNameAr: string;
  licenseExpiryDate: string;
  registeredAt: string;
  seized: boolean;
  lien: boolean;
  status?: VehicleStatus;
}

/** One vehicle with everything on its record. */
export interface Vehicle extends VehicleSummary {
  status: VehicleStatus;
  insurance: InsurancePolicy[];
  inspections: Inspection[];
  liens: Lien[];
  seizures: Seizure[];
  owners: Owner[];
  transfers: Transfer[];
  violations: Violation[];
  bills: Bill[];
}

export interface VehicleInput {
  vin: string;
  make: string;
  model: string;
  year: number;
  color: string;
  engineCc?: number;
  electric?: boolean;
  fuel: Fuel;
  seats: number;
  weightKg: number;
  category: VehicleCategory;
  ownerPersonId: number;
}

export interface VehiclesQuery {
  q?: string;
  ownerPersonId?: number;
  page: number;
  pageSize: number;
}

export type InsuranceInput = Omit<InsurancePolicy, 'id' | 'vehicleId'>;
export type InspectionInput = Omit<Inspection, 'id' | 'vehicleId'>;

export const vehicleKeys = {
  all: ['vehicles'] as const,
  list: (query: VehiclesQuery) => ['vehicles', 'list', query] as const,
  one: (id: number) => ['vehicles', 'one', id] as const,
};

/** Options of a vehicle service: the payment is required (paid at the counter with the request). */
export interface VehiclePay {
  method: PaymentMethod;
  idempotencyKey?: string;
}

const paid = <T extends object>(body: T, pay: VehiclePay) => ({
  method: 'POST' as const,
  body: { ...body, payment: { method: pay.method } },
  headers: keyHeader(pay.idempotencyKey),
});

export const fetchVehicles = (query: VehiclesQuery, signal?: AbortSignal) =>
  apiRequest<Page<VehicleSummary>>(`/vehicles${buildQuery({ ...query })}`, { signal });

export const fetchVehicle = (id: number, signal?: AbortSignal) => apiRequest<Vehicle>(`/vehicles/${id}`, { signal });

export const registerVehicle = (input: VehicleInput, pay: VehiclePay) =>
  apiRequest<Vehicle>('/vehicles', paid(input, pay));

export const renewVehicle = (id: number, pay: VehiclePay) => apiRequest<Vehicle>(`/vehicles/${id}/renew`, paid({}, pay));

/** A new plate number (plate replacement); older servers may not have the route. */
export const replacePlate = (id: number, pay: VehiclePay) =>
  unlessRouteMissing(apiRequest<Vehicle>(`/vehicles/${id}/plate`, paid({}, pay)));

/** Deregistration; older servers may not have the route. */
export const deregisterVehicle = (id: number, pay: VehiclePay) =>
  unlessRouteMissing(apiRequest<Vehicle>(`/vehicles/${id}/deregister`, paid({}, pay)));

export const addInsurance = (vehicleId: number, input: InsuranceInput) =>
  apiRequest<InsurancePolicy>(`/vehicles/${vehicleId}/insurance`, { method: 'POST', body: input });

export const addInspection = (vehicleId: number, input: InspectionInput) =>
  apiRequest<Inspection>(`/vehicles/${vehicleId}/inspections`, { method: 'POST', body: input });

export const placeLien = (vehicleId: number, input: { holder: string; amount: number }) =>
  apiRequest<Lien>(`/vehicles/${vehicleId}/liens`, { method: 'POST', body: input });

export const liftLien = (lienId: number) => apiRequest<void>(`/liens/${lienId}/lift`, { method: 'POST', body: {} });

export const placeSeizure = (vehicleId: number, input: { authority: string; reason: string }) =>
  apiRequest<Seizure>(`/vehicles/${vehicleId}/seizures`, { method: 'POST', body: input });

export const liftSeizure = (seizureId: number) =>
  apiRequest<void>(`/seizures/${seizureId}/lift`, { method: 'POST', body: {} });

export const startTransfer = (vehicleId: number, buyerPersonId: number) =>
  apiRequest<Transfer>(`/vehicles/${vehicleId}/transfers`, { method: 'POST', body: { buyerPersonId } });

export const acceptTransfer = (transferId: number, pay: VehiclePay) =>
  apiRequest<Transfer>(`/transfers/${transferId}/accept`, paid({}, pay));
