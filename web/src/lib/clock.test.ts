import { afterEach, describe, expect, it } from 'vitest';
import { parseUtcOffset, resetServerClock, serverToday, syncServerClock } from './clock';
import { todayIso } from './format';

describe('the department calendar', () => {
  afterEach(() => resetServerClock());

  it('reads ISO 8601 offsets', () => {
    expect(parseUtcOffset('+03:00')).toBe(180);
    expect(parseUtcOffset('-05:30')).toBe(-330);
    expect(parseUtcOffset('Z')).toBe(0);
    expect(parseUtcOffset('3')).toBeNull();
    expect(parseUtcOffset('+3:00')).toBeNull();
  });

  it("is the browser's day until the server has been heard", () => {
    const now = Date.UTC(2026, 10, 28, 22, 30);
    expect(serverToday(now)).toBe(todayIso(new Date(now)));
  });

  it("turns at the department's midnight, whatever the browser's time zone", () => {
    const received = Date.UTC(2026, 10, 28, 20, 0);
    syncServerClock({ now: '2026-11-28T20:00:00Z', today: '2026-11-28', utcOffset: '+03:00' }, received);
    expect(serverToday(received)).toBe('2026-11-28');
    expect(serverToday(received + 59 * 60_000)).toBe('2026-11-28');
    expect(serverToday(received + 60 * 60_000)).toBe('2026-11-29'); // 21:00 UTC is midnight in Amman
  });

  it("follows the server's clock when the browser's is wrong", () => {
    // The browser is six hours behind: it thinks it is 16:00 UTC when the server says 22:00 UTC.
    const browser = Date.UTC(2026, 10, 28, 16, 0);
    syncServerClock({ now: '2026-11-28T22:00:00Z', today: '2026-11-29', utcOffset: '+03:00' }, browser);
    expect(serverToday(browser)).toBe('2026-11-29');
  });

  it('ignores an unreadable clock', () => {
    const now = Date.UTC(2026, 10, 28, 12, 0);
    syncServerClock({ now: 'soon', today: '2026-11-28', utcOffset: '+03:00' }, now);
    expect(serverToday(now)).toBe(todayIso(new Date(now)));
  });
});
