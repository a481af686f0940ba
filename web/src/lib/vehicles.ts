// Pure helpers of the vehicle pages: the VIN as typed and what is wrong with it, the vehicle's
// status (also where a list leaves it out), status colours, what annual renewal needs and
// whether the record shows it, and the fees the domain sets by engine size and age (an estimate
// shown before paying; the bill the server makes is what is paid).
import type { Transfer, Vehicle, VehicleStatus, VehicleSummary } from '../api/vehicles';
import { addDays } from './licensing';

// ---------------------------------------------------------------- VIN
export const VIN_LENGTH = 17;

const VIN_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const VIN_LETTER_VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9];
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The VIN as it should be sent: upper case, without spaces (what the clerk types, as typed). */
export function normalizeVin(input: string | null | undefined): string {
  return (input ?? '').toUpperCase().replace(/\s+/g, '');
}

function vinValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  const i = VIN_LETTERS.indexOf(c);
  return i < 0 ? -1 : VIN_LETTER_VALUES[i];
}

/** The check digit (position 9) of a 17-character VIN: '0'..'9' or 'X'. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH && i < vin.length; i++) sum += vinValue(vin[i]) * VIN_WEIGHTS[i];
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export type VinProblem = 'length' | 'characters' | 'check-digit';

/**
 * What is wrong with a VIN (already normalised), or null: 17 characters, digits and letters
 * other than I, O and Q; a North American VIN (first character 1 to 5) carries a check digit in
 * position 9. The same rules and rule names as the server.
 */
export function vinProblem(vin: string): VinProblem | null {
  if (vin.length !== VIN_LENGTH) return 'length';
  if ([...vin].some((c) => vinValue(c) < 0)) return 'characters';
  if (vin[0] >= '1' && vin[0] <= '5' && vin[8] !== vinCheckDigit(vin)) return 'check-digit';
  return null;
}

// ---------------------------------------------------------------- status
export const VEHICLE_STATUS_COLORS: Readonly<Record<VehicleStatus, string>> = {
  licensed: 'green',
  expired: 'orange',
  deregistered: 'default',
};

export const TRANSFER_STATUS_COLORS: Readonly<Record<string, string>> = {
  pending: 'blue',
  completed: 'green',
  cancelled: 'default',
};

/** The vehicle's status; a list item without one is licensed until its licence expiry date. */
export function vehicleStatus(v: Pick<VehicleSummary, 'status' | 'licenseExpiryDate'>, today: string): VehicleStatus {
  if (v.status) return v.status;
  return v.licenseExpiryDate && v.licenseExpiryDate < today ? 'expired' : 'licensed';
}

// ---------------------------------------------------------------- dates
/** YYYY-MM-DD plus whole years; 29 February becomes 28 February in a common year. */
export function addYears(iso: string, years: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const y = Number(m[1]) + years;
  const month = Number(m[2]);
  const lastDay = new Date(Date.UTC(y, month, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(y).padStart(4, '0')}-${m[2]}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- renewal
/** A passed inspection counts for renewal this many days. */
export const INSPECTION_VALID_DAYS = 60;

/** The licence expiry after renewal: one year after the old expiry, or after today if it lapsed. */
export function renewedExpiry(licenseExpiryDate: string, today: string): string {
  return addYears(today <= licenseExpiryDate ? licenseExpiryDate : today, 1);
}

export type RenewalCheckKey = 'deregistered' | 'seized' | 'lien' | 'fines' | 'insurance' | 'inspection';

export interface RenewalCheck {
  key: RenewalCheckKey;
  ok: boolean;
  /** insurance: the date the policy must reach; inspection: the earliest date that counts. */
  date?: string;
}

/**
 * What annual renewal needs, checked against the vehicle's record, in the order the server
 * refuses: not deregistered, not seized, no lien, no open fine on the vehicle (the owner's
 * other fines are checked by the server only), insurance covering the new licence year, a
 * passed inspection in the last 60 days.
 */
export function renewalChecks(
  v: Pick<Vehicle, 'status' | 'seized' | 'lien' | 'licenseExpiryDate' | 'insurance' | 'inspections' | 'violations'>,
  today: string,
): RenewalCheck[] {
  const newStart = today <= v.licenseExpiryDate ? v.licenseExpiryDate : today;
  const newExpiry = renewedExpiry(v.licenseExpiryDate, today);
  const insuranceEnd = v.insurance
    .filter((p) => p.startDate <= newStart)
    .reduce<string | null>((end, p) => (end === null || p.endDate > end ? p.endDate : end), null);
  const inspectedFrom = addDays(today, -INSPECTION_VALID_DAYS);
  const inspected = v.inspections.some((i) => i.passed && i.date >= inspectedFrom && i.date <= today);
  return [
    { key: 'deregistered', ok: v.status !== 'deregistered' },
    { key: 'seized', ok: !v.seized },
    { key: 'lien', ok: !v.lien },
    { key: 'fines', ok: !v.violations.some((x) => x.billStatus === 'open') },
    { key: 'insurance', ok: insuranceEnd !== null && insuranceEnd >= newExpiry, date: newExpiry },
    { key: 'inspection', ok: inspected, date: inspectedFrom },
  ];
}

// ---------------------------------------------------------------- fees (domain tables)
/** The engine-size part of the annual renewal fee, in fils (none for an electric vehicle). */
export function renewalEngineFeeFils(engineCc: number | null | undefined, electric: boolean): number {
  if (electric) return 0;
  const cc = engineCc ?? 0;
  if (cc <= 1500) return 10_000;
  if (cc <= 2000) return 25_000;
  if (cc <= 3000) return 60_000;
  return 100_000;
}

/** The ownership transfer fee in fils, by engine size and age (older than 10 years pays less). */
export function transferFeeFils(engineCc: number | null | undefined, electric: boolean, year: number, today: string): number {
  const old = Number(today.slice(0, 4)) - year > 10;
  if (electric) return old ? 40_000 : 50_000;
  const cc = engineCc ?? 0;
  if (cc <= 1500) return old ? 40_000 : 50_000;
  if (cc <= 2000) return old ? 80_000 : 100_000;
  if (cc <= 3000) return old ? 120_000 : 400_000;
  return old ? 150_000 : 500_000;
}

// ---------------------------------------------------------------- record
/** The transfer waiting for the buyer, if any. */
export function pendingTransfer(v: Pick<Vehicle, 'transfers'>): Transfer | undefined {
  return v.transfers.find((t) => t.status === 'pending');
}

/** Liens or seizures still in force. */
export function inForce<T extends { liftedAt: string | null }>(items: readonly T[]): T[] {
  return items.filter((x) => !x.liftedAt);
}
