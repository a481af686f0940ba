import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  APPLICATION_TYPES,
  LICENSE_STATUSES,
  TEST_TYPES,
  type Application,
  type Appointment,
  type Bill,
  type License,
} from '../api/licensing';
import ar from '../i18n/ar.json';
import en from '../i18n/en.json';
import {
  LICENSE_STATUS_COLORS,
  addDays,
  canCancel,
  explainNextStep,
  licenseActions,
  newIdempotencyKey,
  newestFirst,
  resultRecordable,
  statusColor,
  stepStatus,
  testOf,
  testSteps,
  type Explanation,
} from './licensing';

let nextId = 1;
function appt(testType: Appointment['testType'], status: Appointment['status'], extra: Partial<Appointment> = {}): Appointment {
  const id = nextId++;
  return {
    id,
    applicationId: 1,
    testType,
    sequence: TEST_TYPES.indexOf(testType) + 1,
    date: '2026-11-28',
    branchId: 1,
    status,
    attempt: 1,
    billId: 100 + id,
    billPaid: true,
    notes: null,
    recordedAt: null,
    ...extra,
  };
}

function bill(status: Bill['status'], extra: Partial<Bill> = {}): Bill {
  return {
    id: nextId++,
    personId: 7,
    applicationId: 1,
    kind: 'test',
    status,
    total: 10000,
    currency: 'JOD',
    createdAt: '2026-11-28T10:00:00Z',
    paidAt: status === 'paid' ? '2026-11-28T10:00:00Z' : null,
    lines: [],
    receipt: null,
    ...extra,
  };
}

function application(extra: Partial<Application> = {}): Application {
  return {
    id: 1,
    personId: 7,
    personNameEn: 'Rami Saeed',
    personNameAr: 'رامي سعيد',
    type: 'new-local-license',
    licenseClassId: 3,
    licenseId: null,
    status: 'new',
    applicationDate: '2026-11-28',
    reason: null,
    branchId: 1,
    createdAt: '2026-11-28T10:00:00Z',
    closedAt: null,
    resultLicenseId: null,
    resultPermitId: null,
    bills: [bill('paid', { kind: 'application' })],
    appointments: [],
    nextStep: 'schedule-test',
    nextTest: 'vision',
    blockedReason: null,
    license: null,
    permit: null,
    ...extra,
  };
}

const license = (extra: Partial<License> = {}): License => ({
  id: 1,
  number: 'DL-00000001',
  personId: 7,
  personNameEn: 'Rami Saeed',
  personNameAr: 'رامي سعيد',
  licenseClassId: 3,
  issueDate: '2026-11-28',
  expiryDate: '2036-11-28',
  status: 'active',
  statusReason: 'Valid until 2036-11-28.',
  issueReason: 'first-issue',
  lost: false,
  detention: null,
  ...extra,
});

type Tree = { [k: string]: string | Tree };
function has(tree: unknown, key: string): boolean {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Tree)[part];
  }
  return typeof node === 'string';
}

describe('status colours', () => {
  it('colour licences as the counter expects', () => {
    expect(LICENSE_STATUS_COLORS.active).toBe('green');
    expect(LICENSE_STATUS_COLORS.expired).toBe('orange');
    expect(LICENSE_STATUS_COLORS.detained).toBe('red');
    expect(LICENSE_STATUS_COLORS.suspended).toBe('red');
    expect(LICENSE_STATUS_COLORS.replaced).toBe('default');
    expect(LICENSE_STATUS_COLORS.renewed).toBe('default');
    expect(statusColor(LICENSE_STATUS_COLORS, 'unheard-of')).toBe('default');
  });
});

describe('testOf', () => {
  it('reads a test name or its sequence', () => {
    expect(testOf('written')).toBe('written');
    expect(testOf(3)).toBe('street');
    expect(testOf('1')).toBe('vision');
    expect(testOf(4)).toBeNull();
    expect(testOf(null)).toBeNull();
    expect(testOf('driving')).toBeNull();
  });
});

describe('testSteps', () => {
  it('starts with vision ready and the others locked', () => {
    const { steps, current } = testSteps([]);
    expect(steps.map((s) => s.state)).toEqual(['ready', 'locked', 'locked']);
    expect(current).toBe(0);
    expect(steps.map((s) => stepStatus(s.state))).toEqual(['process', 'wait', 'wait']);
  });

  it('orders attempts and follows a failed written test into a retake', () => {
    const retake = appt('written', 'scheduled', { attempt: 2, billPaid: false });
    const { steps, current } = testSteps([retake, appt('vision', 'passed'), appt('written', 'failed')]);
    expect(steps.map((s) => s.state)).toEqual(['passed', 'scheduled', 'locked']);
    expect(steps[1].attempts.map((a) => a.attempt)).toEqual([1, 2]);
    expect(steps[1].open?.id).toBe(retake.id);
    expect(current).toBe(1);
  });

  it('shows a failed test with nothing booked as failed (error)', () => {
    const { steps } = testSteps([appt('vision', 'passed'), appt('written', 'failed')]);
    expect(steps[1].state).toBe('failed');
    expect(stepStatus('failed')).toBe('error');
    expect(steps[2].state).toBe('locked');
  });

  it('counts all three passed as done', () => {
    const { steps, current } = testSteps([appt('vision', 'passed'), appt('written', 'passed'), appt('street', 'passed')]);
    expect(steps.every((s) => s.state === 'passed')).toBe(true);
    expect(current).toBe(3);
  });

  it('keeps cancelled appointments in the history without making them open', () => {
    const { steps } = testSteps([appt('vision', 'cancelled')]);
    expect(steps[0].attempts).toHaveLength(1);
    expect(steps[0].open).toBeNull();
    expect(steps[0].state).toBe('ready');
  });
});

describe('canCancel and resultRecordable', () => {
  it('allows cancelling only an open application before any result', () => {
    expect(canCancel(application())).toBe(true);
    expect(canCancel(application({ appointments: [appt('vision', 'scheduled')] }))).toBe(true);
    expect(canCancel(application({ appointments: [appt('vision', 'failed')] }))).toBe(false);
    expect(canCancel(application({ status: 'completed' }))).toBe(false);
  });
  it('records a result once paid and on or after the test day', () => {
    expect(resultRecordable(appt('vision', 'scheduled'), '2026-11-28')).toBe(true);
    expect(resultRecordable(appt('vision', 'scheduled', { billPaid: false }), '2026-11-28')).toBe(false);
    expect(resultRecordable(appt('vision', 'scheduled', { date: '2026-12-01' }), '2026-11-28')).toBe(false);
    expect(resultRecordable(appt('vision', 'passed'), '2026-11-28')).toBe(false);
  });
});

describe('explainNextStep', () => {
  const today = '2026-11-28';
  it('asks to book the first test', () => {
    expect(explainNextStep(application(), today)).toMatchObject({ key: 'schedule', test: 'vision', notes: [] });
  });
  it('explains the order and the retake fee after a failure', () => {
    const app = application({
      appointments: [appt('vision', 'passed'), appt('written', 'failed')],
      nextStep: 'schedule-test',
      nextTest: 'written',
    });
    const e = explainNextStep(app, today);
    expect(e.key).toBe('scheduleRetake');
    expect(e.notes).toEqual(['inOrder', 'retakeFee']);
  });
  it('says why the result cannot be recorded: the fee is unpaid', () => {
    const open = appt('written', 'scheduled', { attempt: 2, billPaid: false });
    const app = application({
      appointments: [appt('vision', 'passed'), appt('written', 'failed'), open],
      bills: [bill('open', { id: open.billId })],
      nextStep: 'pay',
      nextTest: 'written',
    });
    expect(explainNextStep(app, today)).toMatchObject({ key: 'payTest', test: 'written', date: open.date, notes: ['testNeedsPayment'] });
  });
  it('says why the result cannot be recorded yet: the test is in the future', () => {
    const app = application({
      appointments: [appt('vision', 'scheduled', { date: '2026-12-03' })],
      nextStep: 'take-test',
      nextTest: 'vision',
    });
    expect(explainNextStep(app, today)).toMatchObject({ key: 'testOn', date: '2026-12-03', notes: ['resultAfterTest'] });
    expect(explainNextStep({ ...app, appointments: [appt('vision', 'scheduled')] }, today).key).toBe('takeTest');
  });
  it('asks for the licence fee, then offers issue', () => {
    const passed = [appt('vision', 'passed'), appt('written', 'passed'), appt('street', 'passed')];
    const unpaid = application({ appointments: passed, bills: [bill('open', { kind: 'license-fee' })], nextStep: 'pay', nextTest: null });
    expect(explainNextStep(unpaid, today)).toMatchObject({ key: 'payLicenseFee', notes: ['issueNeedsPayment'] });
    expect(explainNextStep({ ...unpaid, bills: [], nextStep: 'issue' }, today).key).toBe('issue');
  });
  it('describes closed applications and other services', () => {
    expect(explainNextStep(application({ status: 'completed', nextStep: 'none' }), today).key).toBe('completedLicense');
    expect(explainNextStep(application({ status: 'cancelled', nextStep: 'none' }), today).key).toBe('cancelled');
    const renewal = application({ type: 'renew-license', bills: [bill('open')], nextStep: 'pay', nextTest: null });
    expect(explainNextStep(renewal, today).key).toBe('payService');
    expect(explainNextStep({ ...renewal, status: 'completed' }, today).key).toBe('completedService');
    expect(explainNextStep({ ...renewal, type: 'international-permit', status: 'completed' }, today).key).toBe('completedPermit');
  });
  it('has a sentence for every explanation in both languages', () => {
    const keys: Explanation['key'][] = [
      'schedule', 'scheduleRetake', 'payTest', 'testOn', 'takeTest', 'payLicenseFee', 'payBills', 'issue', 'payService',
      'completedLicense', 'completedPermit', 'completedRelease', 'completedService', 'cancelled', 'nothing',
    ];
    const notes = ['testNeedsPayment', 'issueNeedsPayment', 'resultAfterTest', 'inOrder', 'retakeFee', 'openBill'];
    for (const k of keys) expect(has(en, `next.${k}`) && has(ar, `next.${k}`), k).toBe(true);
    for (const n of notes) expect(has(en, `next.notes.${n}`) && has(ar, `next.notes.${n}`), n).toBe(true);
  });
});

describe('licenseActions', () => {
  const today = '2026-11-28';
  it('allows replace, detain and permit on an active class 3 licence; renewal only from 90 days before expiry', () => {
    const a = licenseActions(license(), today);
    expect(a.renew).toEqual({ allowed: false, reason: 'tooEarly', date: '2036-08-30' });
    expect(a.replace.allowed).toBe(true);
    expect(a.detain.allowed).toBe(true);
    expect(a.release).toEqual({ allowed: false, reason: 'notDetained' });
    expect(a.permit.allowed).toBe(true);
    expect(licenseActions(license({ expiryDate: '2027-01-15' }), today).renew.allowed).toBe(true);
  });
  it('lets an expired licence be renewed and detained but not replaced', () => {
    const a = licenseActions(license({ status: 'expired', expiryDate: '2026-10-01' }), today);
    expect(a.renew.allowed).toBe(true);
    expect(a.replace).toEqual({ allowed: false, reason: 'notActive' });
    expect(a.detain.allowed).toBe(true);
    expect(a.permit.reason).toBe('notActive');
  });
  it('blocks everything but release while detained', () => {
    const a = licenseActions(
      license({ status: 'detained', detention: { id: 1, licenseId: 1, detainedOn: today, fine: 50000, reason: 'x' } }),
      today,
    );
    expect(a.renew.reason).toBe('detained');
    expect(a.replace.reason).toBe('detained');
    expect(a.detain.reason).toBe('alreadyDetained');
    expect(a.permit.reason).toBe('detained');
    expect(a.release.allowed).toBe(true);
  });
  it('sends a superseded licence to the current one; permits only for class 3', () => {
    const a = licenseActions(license({ status: 'renewed' }), today);
    expect([a.renew.reason, a.replace.reason, a.detain.reason, a.permit.reason]).toEqual(Array(4).fill('superseded'));
    expect(licenseActions(license({ licenseClassId: 1 }), today).permit.reason).toBe('wrongClass');
    expect(licenseActions(license({ status: 'suspended' }), today).renew.reason).toBe('suspended');
  });
  it('has a reason sentence for every refusal in both languages', () => {
    for (const r of ['superseded', 'detained', 'suspended', 'tooEarly', 'notActive', 'alreadyDetained', 'notDetained', 'wrongClass'])
      expect(has(en, `license.blocked.${r}`) && has(ar, `license.blocked.${r}`), r).toBe(true);
  });
});

describe('dictionaries cover the licensing vocabulary', () => {
  it('names every status, service, test and issue reason in both languages', () => {
    const keys = [
      ...LICENSE_STATUSES.map((s) => `license.statuses.${s}`),
      ...LICENSE_STATUSES.map((s) => `license.reasons.${s}`),
      'license.reasons.replacedLost',
      ...APPLICATION_STATUSES.map((s) => `application.statuses.${s}`),
      ...APPLICATION_TYPES.map((s) => `application.types.${s}`),
      ...TEST_TYPES.flatMap((s) => [`tests.types.${s}`, `tests.lower.${s}`]),
      ...['passed', 'scheduled', 'failed', 'ready', 'locked'].map((s) => `tests.states.${s}`),
      ...['scheduled', 'passed', 'failed', 'cancelled'].map((s) => `tests.statuses.${s}`),
      ...['open', 'paid', 'cancelled'].map((s) => `bills.statuses.${s}`),
      ...['application', 'test', 'license-fee'].map((s) => `bills.kinds.${s}`),
      ...['first-issue', 'renewal', 'replacement-lost', 'replacement-damaged'].map((s) => `license.issueReasons.${s}`),
      ...['renew', 'replace', 'detain', 'release', 'permit'].map((s) => `license.actions.${s}`),
      ...['renew', 'replace', 'release', 'permit', 'detain'].flatMap((s) => [`license.dialogs.${s}.title`, `license.dialogs.${s}.submit`, `license.dialogs.${s}.text`]),
      ...['cash', 'card'].map((s) => `payment.methods.${s}`),
    ];
    expect(keys.filter((k) => !has(en, k) || !has(ar, k))).toEqual([]);
  });
  it('translates the conflict codes the licence pages can receive', () => {
    const codes = [
      'under-minimum-age', 'application-already-open', 'license-class-held', 'person-deceased', 'previous-test-not-passed',
      'test-already-passed', 'appointment-already-open', 'no-capacity', 'appointment-unpaid', 'appointment-in-future',
      'result-already-recorded', 'tests-taken', 'tests-not-passed', 'bills-unpaid', 'too-early-to-renew', 'license-detained',
      'license-suspended', 'license-superseded', 'license-not-active', 'license-already-detained', 'license-not-detained',
      'unpaid-fines', 'wrong-class', 'permit-already-active', 'bill-already-paid', 'bill-cancelled',
    ];
    expect(codes.filter((c) => !has(en, `errors.${c}`) || !has(ar, `errors.${c}`))).toEqual([]);
  });
});

describe('small helpers', () => {
  it('adds days by the calendar', () => {
    expect(addDays('2036-11-28', -90)).toBe('2036-08-30');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('not a date', 1)).toBe('not a date');
  });
  it('orders newest first, stable for equal dates', () => {
    const rows = [
      { id: 1, d: '2026-01-01' },
      { id: 2, d: '2026-03-01' },
      { id: 3, d: '2026-01-01' },
      { id: 4, d: null },
    ];
    expect(newestFirst(rows, (r) => r.d).map((r) => r.id)).toEqual([2, 1, 3, 4]);
  });
  it('makes v4 UUIDs, also without crypto.randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).toMatch(uuid);
    const original = globalThis.crypto.randomUUID;
    try {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
      const a = newIdempotencyKey();
      expect(a).toMatch(uuid);
      expect(newIdempotencyKey()).not.toBe(a);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
