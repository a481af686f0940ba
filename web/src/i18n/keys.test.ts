// Every literal key the code passes to t() exists in both dictionaries (dynamic keys such
// as `roles.${role}` are checked by the test next to their list, or fall back to a default).
import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import { VIOLATION_STATUSES } from '../api/violations';
import { FUELS, TRANSFER_STATUSES, VEHICLE_CATEGORIES, VEHICLE_STATUSES } from '../api/vehicles';

// The source text of every module (Vite reads them at test time).
const sources = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function has(tree: unknown, key: string): boolean {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

const used = new Set<string>();
for (const text of Object.values(sources)) {
  for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]);
  for (const m of text.matchAll(/\?\s*'([a-z]+\.[a-zA-Z0-9_.-]+)'\s*:\s*'([a-z]+\.[a-zA-Z0-9_.-]+)'/g)) {
    used.add(m[1]);
    used.add(m[2]);
  }
}

describe('translation keys used in the code', () => {
  it('finds the keys', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(30);
    expect(used.size).toBeGreaterThan(100);
  });
  it('exist in English and Arabic', () => {
    const missing = [...used].filter((k) => !has(en, k) || !has(ar, k));
    expect(missing).toEqual([]);
  });
  it('cover every role, scope, entity and document type the pages list', () => {
    for (const r of ['administrator', 'clerk', 'examiner', 'officer', 'finance', 'auditor']) expect(has(ar, `roles.${r}`)).toBe(true);
    for (const s of ['insurer', 'inspection', 'police', 'payment-gateway']) expect(has(ar, `apiKeys.scopes.${s}`)).toBe(true);
    for (const e of ['person', 'user', 'branch', 'license_class', 'application_type', 'test_type', 'api_key'])
      expect(has(ar, `audit.entities.${e}`)).toBe(true);
    for (const tab of ['staff', 'branches', 'license-classes', 'services', 'tests', 'violation-types', 'api-keys', 'audit'])
      expect(has(ar, `admin.tabs.${tab}`)).toBe(true);
  });
  it('cover the vehicle and violation lists the pages translate by value', () => {
    const expected = [
      ...VEHICLE_STATUSES.map((s) => `vehicle.statuses.${s}`),
      ...FUELS.map((f) => `vehicle.fuels.${f}`),
      ...VEHICLE_CATEGORIES.map((c) => `vehicle.categories.${c}`),
      ...TRANSFER_STATUSES.map((s) => `vehicle.transfers.statuses.${s}`),
      ...VIOLATION_STATUSES.map((s) => `violations.statuses.${s}`),
      ...['renew', 'plate', 'deregister'].flatMap((s) => ['action', 'title', 'submit', 'text', 'done'].map((k) => `vehicle.services.${s}.${k}`)),
      ...['deregistered', 'seized', 'lien', 'fines', 'insurance', 'inspection'].map((c) => `vehicle.renew.checks.${c}`),
      ...['length', 'characters', 'check-digit'].map((r) => `validation.byField.vin.${r}`),
      // The refusals the vehicle and violation services answer with.
      ...[
        'vin-taken', 'policy-taken', 'insurance-missing', 'inspection-missing', 'unpaid-fines', 'vehicle-seized', 'vehicle-lien',
        'vehicle-deregistered', 'vehicle-unlicensed', 'insurance-not-buyer', 'transfer-not-pending', 'already-disputed',
        'fine-paid', 'not-disputed', 'already-lifted', 'feature-unavailable',
      ].map((c) => `errors.${c}`),
      'bills.kinds.vehicle',
    ];
    expect(expected.filter((k) => !has(en, k) || !has(ar, k))).toEqual([]);
  });
});
