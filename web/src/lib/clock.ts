// The department's calendar, as the server keeps it. "Today" (the date a test is booked for, the
// day an appointment becomes due, a licence's expiry) is the server's day in the department's
// time zone, not the browser's: a counter computer set to another time zone, or with a clock a
// few minutes off around midnight, would otherwise offer a day the server refuses.
//
// GET /auth/me (and the sign-in answer) carry the server's clock; from it we keep the skew between
// the two clocks and the department's UTC offset, so the day still turns at the department's
// midnight while a page stays open.
import dayjs, { type Dayjs } from 'dayjs';
import { todayIso } from './format';

export interface ServerClock {
  /** The server's time, RFC 3339 UTC. */
  now: string;
  /** The department's calendar day at `now`, YYYY-MM-DD. */
  today: string;
  /** The department's offset from UTC, "+03:00". */
  utcOffset: string;
}

let skewMs = 0;
let offsetMinutes: number | null = null;

/** Parses "+03:00" / "-05:30" / "Z" into minutes; null if unreadable. */
export function parseUtcOffset(text: string): number | null {
  if (text === 'Z') return 0;
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** Remembers the server's clock from an answer received at `receivedAt` (ms since the epoch). */
export function syncServerClock(clock: ServerClock | undefined | null, receivedAt: number = Date.now()): void {
  if (!clock) return;
  const offset = parseUtcOffset(clock.utcOffset);
  const serverNow = Date.parse(clock.now);
  if (offset === null || Number.isNaN(serverNow)) return;
  offsetMinutes = offset;
  skewMs = serverNow - receivedAt;
}

/** Forgets the server's clock (tests). */
export function resetServerClock(): void {
  skewMs = 0;
  offsetMinutes = null;
}

/** The department's today, YYYY-MM-DD; the browser's own day until the server has been heard. */
export function serverToday(nowMs: number = Date.now()): string {
  if (offsetMinutes === null) return todayIso(new Date(nowMs));
  return new Date(nowMs + skewMs + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The department's today as a date-picker value (local midnight of that calendar day). */
export function serverTodayDayjs(): Dayjs {
  return dayjs(serverToday());
}
