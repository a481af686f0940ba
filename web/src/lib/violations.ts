// Pure helpers of the violation pages: status colours, what may be done with a violation now
// (dispute once before the fine is paid, decide a dispute, pay an open fine), the time of a
// violation as the server takes it, and the demerit-point thresholds of suspension.
import type { Violation, ViolationStatus } from '../api/violations';

export const VIOLATION_STATUS_COLORS: Readonly<Record<ViolationStatus, string>> = {
  recorded: 'blue',
  disputed: 'gold',
  upheld: 'red',
  cancelled: 'default',
};

export interface ViolationActions {
  dispute: boolean;
  decide: boolean;
  pay: boolean;
}

/** What the violation's state allows (permissions aside; the server has the last word). */
export function violationActions(v: Pick<Violation, 'status' | 'billStatus' | 'billId'>): ViolationActions {
  return {
    dispute: v.status === 'recorded' && v.billStatus !== 'paid',
    decide: v.status === 'disputed',
    pay: v.billStatus === 'open' && !!v.billId && v.status !== 'cancelled',
  };
}

/** "2026-11-28T09:30:00Z": RFC 3339 in UTC, to the second (no milliseconds). */
export function utcTimestamp(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Points over the rolling 12 months above which a suspension starts, and its length in days. */
export const SUSPENSION_THRESHOLDS: readonly { above: number; days: number }[] = [
  { above: 16, days: 60 },
  { above: 20, days: 90 },
  { above: 24, days: 120 },
  { above: 28, days: 180 },
];

/** The suspension these points call for (0 = none). */
export function suspensionDaysFor(points: number): number {
  let days = 0;
  for (const t of SUSPENSION_THRESHOLDS) if (points > t.above) days = t.days;
  return days;
}

/** The next threshold above the current points, or null past the last one. */
export function nextThreshold(points: number): { above: number; days: number } | null {
  return SUSPENSION_THRESHOLDS.find((t) => points <= t.above) ?? null;
}
