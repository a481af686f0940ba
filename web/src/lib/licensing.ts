// Pure helpers of the licence pages: status colours, the three tests as steps with their
// attempts, "what comes next" in plain words, which licence services the state allows, and
// idempotency keys for requests that pay money.
import {
  TEST_TYPES,
  type Application,
  type ApplicationStatus,
  type Appointment,
  type AppointmentStatus,
  type Bill,
  type BillStatus,
  type License,
  type LicenseStatus,
  type TestType,
} from '../api/licensing';

// ---------------------------------------------------------------- colours
export const LICENSE_STATUS_COLORS: Readonly<Record<LicenseStatus, string>> = {
  active: 'green',
  expired: 'orange',
  detained: 'red',
  suspended: 'red',
  replaced: 'default',
  renewed: 'default',
};

export const APPLICATION_STATUS_COLORS: Readonly<Record<ApplicationStatus, string>> = {
  new: 'blue',
  completed: 'green',
  cancelled: 'default',
};

export const APPOINTMENT_STATUS_COLORS: Readonly<Record<AppointmentStatus, string>> = {
  scheduled: 'blue',
  passed: 'green',
  failed: 'red',
  cancelled: 'default',
};

export const BILL_STATUS_COLORS: Readonly<Record<BillStatus, string>> = {
  open: 'orange',
  paid: 'green',
  cancelled: 'default',
};

/** A tag colour for a status of the given table; 'default' for anything unknown. */
export function statusColor(colors: Readonly<Record<string, string>>, status: string): string {
  return colors[status] ?? 'default';
}

// ---------------------------------------------------------------- dates
function parseIso(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** YYYY-MM-DD plus `days` (may be negative), by the calendar, never shifted by time zone. */
export function addDays(iso: string, days: number): string {
  const d = parseIso(iso);
  if (!d) return iso;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- tests
/** The test named by `nextTest`: a name, or a sequence 1..3 (as the service counts them). */
export function testOf(next: TestType | number | string | null | undefined): TestType | null {
  if (typeof next === 'number') return TEST_TYPES[next - 1] ?? null;
  if (typeof next === 'string') {
    if ((TEST_TYPES as readonly string[]).includes(next)) return next as TestType;
    const n = Number(next);
    return Number.isInteger(n) ? (TEST_TYPES[n - 1] ?? null) : null;
  }
  return null;
}

/**
 * The state of one test: passed; scheduled (an open appointment); failed (the last recorded
 * attempt failed, nothing booked); ready (may be booked now); locked (an earlier test is not
 * passed yet).
 */
export type TestState = 'passed' | 'scheduled' | 'failed' | 'ready' | 'locked';

export interface TestStep {
  test: TestType;
  state: TestState;
  /** Every appointment of this test, first attempt first (cancelled ones included). */
  attempts: Appointment[];
  /** The open appointment, if any. */
  open: Appointment | null;
}

/** The three tests in order with their attempts, and the index of the current one (3 = all passed). */
export function testSteps(appointments: readonly Appointment[] | undefined): { steps: TestStep[]; current: number } {
  const steps: TestStep[] = [];
  let previousPassed = true;
  for (const test of TEST_TYPES) {
    const attempts = (appointments ?? [])
      .filter((a) => a.testType === test || testOf(a.sequence) === test)
      .filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i)
      .sort((a, b) => a.attempt - b.attempt || a.id - b.id);
    const open = attempts.find((a) => a.status === 'scheduled') ?? null;
    const recorded = attempts.filter((a) => a.status === 'passed' || a.status === 'failed');
    let state: TestState;
    if (recorded.some((a) => a.status === 'passed')) state = 'passed';
    else if (open) state = 'scheduled';
    else if (!previousPassed) state = 'locked';
    else if (recorded.length > 0) state = 'failed';
    else state = 'ready';
    steps.push({ test, state, attempts, open });
    previousPassed = state === 'passed';
  }
  const current = steps.findIndex((s) => s.state !== 'passed');
  return { steps, current: current < 0 ? steps.length : current };
}

/** Ant Design Steps status of a test. */
export function stepStatus(state: TestState): 'wait' | 'process' | 'finish' | 'error' {
  switch (state) {
    case 'passed':
      return 'finish';
    case 'failed':
      return 'error';
    case 'locked':
      return 'wait';
    default:
      return 'process';
  }
}

/** True once any test result is recorded (passed or failed): the application cannot be cancelled. */
export function anyTestTaken(app: Pick<Application, 'appointments'>): boolean {
  return (app.appointments ?? []).some((a) => a.status === 'passed' || a.status === 'failed');
}

export function canCancel(app: Pick<Application, 'status' | 'appointments'>): boolean {
  return app.status === 'new' && !anyTestTaken(app);
}

export function openBills(app: Pick<Application, 'bills'>): Bill[] {
  return (app.bills ?? []).filter((b) => b.status === 'open');
}

export function billsTotal(bills: readonly Pick<Bill, 'total'>[]): number {
  return bills.reduce((sum, b) => sum + b.total, 0);
}

/** The test fee bill of an appointment. */
export function billOf(app: Pick<Application, 'bills'>, appointment: Pick<Appointment, 'billId'>): Bill | undefined {
  return (app.bills ?? []).find((b) => b.id === appointment.billId);
}

/** An examiner may record the result: booked, paid and the day has come. */
export function resultRecordable(a: Pick<Appointment, 'status' | 'billPaid' | 'date'>, today: string): boolean {
  return a.status === 'scheduled' && a.billPaid && a.date <= today;
}

// ---------------------------------------------------------------- what comes next
export type Tone = 'info' | 'warning' | 'success' | 'neutral';

export interface Explanation {
  /** i18n key under `next.` */
  key: string;
  tone: Tone;
  test?: TestType;
  date?: string;
  /** Further sentences (i18n keys under `next.`). */
  notes: string[];
}

/**
 * "What comes next" for an application, from the server's nextStep/nextTest and the facts
 * behind them, as i18n keys: what to do now and, when something is not possible yet, why.
 */
export function explainNextStep(app: Application, today: string): Explanation {
  const notes: string[] = [];
  if (app.status === 'cancelled') return { key: 'cancelled', tone: 'neutral', notes };
  if (app.status === 'completed') {
    const key =
      app.type === 'new-local-license' ? 'completedLicense' : app.type === 'international-permit' ? 'completedPermit' : app.type === 'release-detained-license' ? 'completedRelease' : 'completedService';
    return { key, tone: 'success', notes };
  }
  const test = testOf(app.nextTest) ?? undefined;
  const { steps } = testSteps(app.appointments);
  const stepOf = (t: TestType | undefined) => steps.find((s) => s.test === t);
  const hasOpenBill = openBills(app).length > 0;

  if (app.type !== 'new-local-license') {
    if (app.nextStep === 'pay' || hasOpenBill) return { key: 'payService', tone: 'warning', notes };
    return { key: 'nothing', tone: 'neutral', notes };
  }

  switch (app.nextStep) {
    case 'issue':
      return { key: 'issue', tone: 'success', notes };
    case 'pay': {
      const step = stepOf(test);
      if (test && step?.open && !step.open.billPaid) {
        notes.push('testNeedsPayment');
        return { key: 'payTest', tone: 'warning', test, date: step.open.date, notes };
      }
      if (steps.every((s) => s.state === 'passed')) {
        notes.push('issueNeedsPayment');
        return { key: 'payLicenseFee', tone: 'warning', notes };
      }
      return { key: 'payBills', tone: 'warning', notes };
    }
    case 'take-test': {
      const open = stepOf(test)?.open;
      if (open && open.date > today) {
        notes.push('resultAfterTest');
        return { key: 'testOn', tone: 'info', test, date: open.date, notes };
      }
      return { key: 'takeTest', tone: 'info', test, date: open?.date, notes };
    }
    case 'schedule-test': {
      const step = stepOf(test);
      if (test && test !== 'vision') notes.push('inOrder');
      if (step?.state === 'failed') notes.push('retakeFee');
      if (hasOpenBill) notes.push('openBill');
      return { key: step?.state === 'failed' ? 'scheduleRetake' : 'schedule', tone: 'info', test, notes };
    }
    default:
      return { key: 'nothing', tone: 'neutral', notes };
  }
}

// ---------------------------------------------------------------- licence services
export const EARLY_RENEWAL_DAYS = 90;
export const ORDINARY_CLASS_ID = 3;

export type LicenseAction = 'renew' | 'replace' | 'detain' | 'release' | 'permit';

export interface ActionState {
  allowed: boolean;
  /** i18n key under `license.blocked.` when not allowed. */
  reason?: string;
  date?: string;
}

const superseded = (s: LicenseStatus) => s === 'renewed' || s === 'replaced';

/**
 * What the licence's state allows (the server checks again and has the last word, e.g. about
 * unpaid fines or an active permit, which the licence alone does not show).
 */
export function licenseActions(license: Pick<License, 'status' | 'expiryDate' | 'licenseClassId' | 'detention'>, today: string): Record<LicenseAction, ActionState> {
  const s = license.status;
  const detained = s === 'detained' || !!license.detention;
  const renewFrom = addDays(license.expiryDate, -EARLY_RENEWAL_DAYS);
  const renew: ActionState = superseded(s)
    ? { allowed: false, reason: 'superseded' }
    : detained
      ? { allowed: false, reason: 'detained' }
      : s === 'suspended'
        ? { allowed: false, reason: 'suspended' }
        : today < renewFrom
          ? { allowed: false, reason: 'tooEarly', date: renewFrom }
          : { allowed: true };
  const replace: ActionState = detained
    ? { allowed: false, reason: 'detained' }
    : s !== 'active'
      ? { allowed: false, reason: superseded(s) ? 'superseded' : 'notActive' }
      : { allowed: true };
  const detain: ActionState = detained
    ? { allowed: false, reason: 'alreadyDetained' }
    : superseded(s)
      ? { allowed: false, reason: 'superseded' }
      : { allowed: true };
  const release: ActionState = detained ? { allowed: true } : { allowed: false, reason: 'notDetained' };
  const permit: ActionState =
    license.licenseClassId !== ORDINARY_CLASS_ID
      ? { allowed: false, reason: 'wrongClass' }
      : detained
        ? { allowed: false, reason: 'detained' }
        : s !== 'active'
          ? { allowed: false, reason: superseded(s) ? 'superseded' : 'notActive' }
          : { allowed: true };
  return { renew, replace, detain, release, permit };
}

// ---------------------------------------------------------------- ordering
/** Newest first by a date or timestamp string (ISO strings compare as text); stable. */
export function newestFirst<T>(items: readonly T[], dateOf: (item: T) => string | null | undefined): T[] {
  return items
    .map((item, i) => ({ item, i, d: dateOf(item) ?? '' }))
    .sort((a, b) => (a.d < b.d ? 1 : a.d > b.d ? -1 : a.i - b.i))
    .map((x) => x.item);
}

// ---------------------------------------------------------------- idempotency
/** A random UUID (v4) for an Idempotency-Key; also where crypto.randomUUID is missing (plain http). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
