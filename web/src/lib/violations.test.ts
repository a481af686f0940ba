import { describe, expect, it } from 'vitest';
import { VIOLATION_STATUSES } from '../api/violations';
import ar from '../i18n/ar.json';
import en from '../i18n/en.json';
import { VIOLATION_STATUS_COLORS, nextThreshold, suspensionDaysFor, utcTimestamp, violationActions } from './violations';

describe('violationActions', () => {
  it('disputes once, before the fine is paid', () => {
    expect(violationActions({ status: 'recorded', billStatus: 'open', billId: 1 }).dispute).toBe(true);
    expect(violationActions({ status: 'recorded', billStatus: 'paid', billId: 1 }).dispute).toBe(false);
    expect(violationActions({ status: 'disputed', billStatus: 'open', billId: 1 }).dispute).toBe(false);
    expect(violationActions({ status: 'upheld', billStatus: 'open', billId: 1 }).dispute).toBe(false);
  });
  it('decides only a disputed violation', () => {
    expect(violationActions({ status: 'disputed', billStatus: 'open', billId: 1 }).decide).toBe(true);
    for (const status of ['recorded', 'upheld', 'cancelled'] as const)
      expect(violationActions({ status, billStatus: 'open', billId: 1 }).decide).toBe(false);
  });
  it('pays an open fine that has a bill', () => {
    expect(violationActions({ status: 'recorded', billStatus: 'open', billId: 4 }).pay).toBe(true);
    expect(violationActions({ status: 'upheld', billStatus: 'open', billId: 4 }).pay).toBe(true);
    expect(violationActions({ status: 'recorded', billStatus: 'paid', billId: 4 }).pay).toBe(false);
    expect(violationActions({ status: 'cancelled', billStatus: 'cancelled', billId: 4 }).pay).toBe(false);
    expect(violationActions({ status: 'recorded', billStatus: 'open', billId: null }).pay).toBe(false);
  });
});

describe('utcTimestamp', () => {
  it('is RFC 3339 in UTC without milliseconds', () => {
    expect(utcTimestamp(new Date(Date.UTC(2026, 10, 28, 9, 30, 0, 456)))).toBe('2026-11-28T09:30:00Z');
    expect(utcTimestamp(new Date('2026-11-28T11:30:00+02:00'))).toBe('2026-11-28T09:30:00Z');
  });
});

describe('suspension thresholds', () => {
  it('suspend for more than 16, 20, 24 and 28 points', () => {
    expect(suspensionDaysFor(0)).toBe(0);
    expect(suspensionDaysFor(16)).toBe(0);
    expect(suspensionDaysFor(17)).toBe(60);
    expect(suspensionDaysFor(21)).toBe(90);
    expect(suspensionDaysFor(25)).toBe(120);
    expect(suspensionDaysFor(29)).toBe(180);
    expect(suspensionDaysFor(60)).toBe(180);
  });
  it('name the next threshold', () => {
    expect(nextThreshold(4)).toEqual({ above: 16, days: 60 });
    expect(nextThreshold(16)).toEqual({ above: 16, days: 60 });
    expect(nextThreshold(17)).toEqual({ above: 20, days: 90 });
    expect(nextThreshold(29)).toBeNull();
  });
});

describe('statuses', () => {
  it('have a colour and a name in both languages', () => {
    for (const s of VIOLATION_STATUSES) {
      expect(VIOLATION_STATUS_COLORS[s]).toBeTruthy();
      expect((en as unknown as { violations: { statuses: Record<string, string> } }).violations.statuses[s]).toBeTruthy();
      expect((ar as unknown as { violations: { statuses: Record<string, string> } }).violations.statuses[s]).toBeTruthy();
    }
  });
});
