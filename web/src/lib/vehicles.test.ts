import { describe, expect, it } from 'vitest';
import type { Vehicle } from '../api/vehicles';
import type { Violation } from '../api/violations';
import {
  addYears,
  inForce,
  normalizeVin,
  pendingTransfer,
  renewalChecks,
  renewalEngineFeeFils,
  renewedExpiry,
  transferFeeFils,
  vehicleStatus,
  vinCheckDigit,
  vinProblem,
} from './vehicles';

describe('VIN', () => {
  it('is upper-cased and loses spaces as typed', () => {
    expect(normalizeVin(' wvw zzz1jz3w386752 ')).toBe('WVWZZZ1JZ3W386752');
    expect(normalizeVin(undefined)).toBe('');
  });

  it('computes the North American check digit (position 9), X for 10', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(vinCheckDigit('11111111111111111')).toBe('1');
    expect(vinCheckDigit('1HGCM82633A004352')).toBe('3');
  });

  it('names what is wrong, with the server rule names', () => {
    expect(vinProblem('WVWZZZ1JZ3W38675')).toBe('length');
    expect(vinProblem('WVWZZZ1JZ3W3867522')).toBe('length');
    expect(vinProblem('WVWZZZ1JZ3W38675O')).toBe('characters');
    expect(vinProblem('WVWZZZ1JZ3W38675I')).toBe('characters');
    expect(vinProblem('WVWZZZ1JZ3W38675Q')).toBe('characters');
    expect(vinProblem('WVWZZZ1JZ3W38675-')).toBe('characters');
    // North American (first character 1-5): the check digit must match.
    expect(vinProblem('1M8GDM9AXKP042788')).toBeNull();
    expect(vinProblem('1M8GDM9A1KP042788')).toBe('check-digit');
    expect(vinProblem('1HGCM82633A004352')).toBeNull();
    // Elsewhere no check digit is defined.
    expect(vinProblem('WVWZZZ1JZ3W386752')).toBeNull();
    expect(vinProblem('JTDBR32E720123456')).toBeNull();
  });
});

describe('vehicleStatus', () => {
  it('uses the server status when there is one', () => {
    expect(vehicleStatus({ status: 'deregistered', licenseExpiryDate: '2030-01-01' }, '2026-11-28')).toBe('deregistered');
  });
  it('derives licensed / expired from the expiry date otherwise', () => {
    expect(vehicleStatus({ licenseExpiryDate: '2026-11-28' }, '2026-11-28')).toBe('licensed');
    expect(vehicleStatus({ licenseExpiryDate: '2026-11-27' }, '2026-11-28')).toBe('expired');
  });
});

describe('dates', () => {
  it('adds years, 29 February to 28 February', () => {
    expect(addYears('2026-11-28', 1)).toBe('2027-11-28');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('nonsense', 1)).toBe('nonsense');
  });
  it('renews one year after the old expiry, or after today once lapsed', () => {
    expect(renewedExpiry('2027-11-28', '2026-11-28')).toBe('2028-11-28');
    expect(renewedExpiry('2026-11-28', '2026-11-28')).toBe('2027-11-28');
    expect(renewedExpiry('2026-01-10', '2026-11-28')).toBe('2027-11-28');
  });
});

const violation = (billStatus: string): Violation =>
  ({ id: 1, billStatus, status: 'recorded' }) as unknown as Violation;

function vehicle(over: Partial<Vehicle> = {}): Vehicle {
  return {
    status: 'licensed',
    seized: false,
    lien: false,
    licenseExpiryDate: '2027-11-28',
    insurance: [{ id: 1, insurer: 'JIC', policyNumber: 'P1', insuredPersonId: 1, startDate: '2026-11-28', endDate: '2028-11-28' }],
    inspections: [{ id: 1, centre: 'Amman', date: '2026-11-20', passed: true, odometerKm: 1000, notes: null }],
    violations: [],
    transfers: [],
    ...over,
  } as Vehicle;
}

describe('renewalChecks', () => {
  const today = '2026-11-28';
  const failing = (v: Vehicle) => renewalChecks(v, today).filter((c) => !c.ok).map((c) => c.key);

  it('passes a vehicle with insurance to the new expiry and a recent passed inspection', () => {
    expect(failing(vehicle())).toEqual([]);
    const insurance = renewalChecks(vehicle(), today).find((c) => c.key === 'insurance');
    expect(insurance?.date).toBe('2028-11-28');
  });

  it('needs insurance that reaches the new expiry and started by the new licence year', () => {
    const short = vehicle({ insurance: [{ ...vehicle().insurance[0], endDate: '2028-11-27' }] });
    expect(failing(short)).toEqual(['insurance']);
    const late = vehicle({ insurance: [{ ...vehicle().insurance[0], startDate: '2027-12-01', endDate: '2029-01-01' }] });
    expect(failing(late)).toEqual(['insurance']);
    expect(failing(vehicle({ insurance: [] }))).toEqual(['insurance']);
  });

  it('needs a passed inspection of the last 60 days, not a failed or an old one', () => {
    const base = vehicle().inspections[0];
    expect(failing(vehicle({ inspections: [{ ...base, passed: false }] }))).toEqual(['inspection']);
    expect(failing(vehicle({ inspections: [{ ...base, date: '2026-09-28' }] }))).toEqual(['inspection']);
    expect(failing(vehicle({ inspections: [{ ...base, date: '2026-09-29' }] }))).toEqual([]);
    expect(renewalChecks(vehicle(), today).find((c) => c.key === 'inspection')?.date).toBe('2026-09-29');
  });

  it('lists seizure, lien, deregistration and open fines', () => {
    expect(
      failing(vehicle({ seized: true, lien: true, status: 'deregistered', violations: [violation('open'), violation('paid')] })),
    ).toEqual(['deregistered', 'seized', 'lien', 'fines']);
    expect(failing(vehicle({ violations: [violation('paid'), violation('cancelled')] }))).toEqual([]);
  });

  it('counts insurance from today once the licence has lapsed', () => {
    const lapsed = vehicle({
      licenseExpiryDate: '2026-10-01',
      insurance: [{ ...vehicle().insurance[0], startDate: '2026-11-01', endDate: '2027-11-28' }],
    });
    expect(failing(lapsed)).toEqual([]);
  });
});

describe('fees', () => {
  it('renewal engine fee by engine size, none for electric', () => {
    expect(renewalEngineFeeFils(1500, false)).toBe(10_000);
    expect(renewalEngineFeeFils(1600, false)).toBe(25_000);
    expect(renewalEngineFeeFils(3000, false)).toBe(60_000);
    expect(renewalEngineFeeFils(3001, false)).toBe(100_000);
    expect(renewalEngineFeeFils(null, true)).toBe(0);
  });
  it('transfer fee by engine size and age (DOMAIN.md table)', () => {
    const today = '2026-11-28';
    expect(transferFeeFils(1500, false, 2020, today)).toBe(50_000);
    expect(transferFeeFils(1500, false, 2015, today)).toBe(40_000);
    expect(transferFeeFils(1600, false, 2020, today)).toBe(100_000);
    expect(transferFeeFils(1600, false, 2010, today)).toBe(80_000);
    expect(transferFeeFils(2500, false, 2020, today)).toBe(400_000);
    expect(transferFeeFils(2500, false, 2000, today)).toBe(120_000);
    expect(transferFeeFils(4000, false, 2020, today)).toBe(500_000);
    expect(transferFeeFils(4000, false, 2000, today)).toBe(150_000);
    expect(transferFeeFils(null, true, 2022, today)).toBe(50_000);
    expect(transferFeeFils(null, true, 2012, today)).toBe(40_000);
    // Exactly ten years old is not "older than 10 years".
    expect(transferFeeFils(1500, false, 2016, today)).toBe(50_000);
  });
});

describe('record helpers', () => {
  it('finds the pending transfer and the liens in force', () => {
    const t = (id: number, status: 'pending' | 'completed') => ({ id, status }) as Vehicle['transfers'][number];
    expect(pendingTransfer({ transfers: [t(1, 'completed'), t(2, 'pending')] })?.id).toBe(2);
    expect(pendingTransfer({ transfers: [t(1, 'completed')] })).toBeUndefined();
    expect(inForce([{ id: 1, liftedAt: null }, { id: 2, liftedAt: '2026-11-28T10:00:00Z' }]).map((x) => x.id)).toEqual([1]);
  });
});
