import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { pageTotals, pagerTotal } from './paging';

const items = (n: number) => Array.from({ length: n }, (_, i) => i);
// A stand-in for i18next's t: the key and its values, so the test sees what was asked for.
const t = ((key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})}`) as unknown as TFunction;

describe('pageTotals', () => {
  it('passes an exact count through (and an older server without totalExact)', () => {
    expect(pageTotals({ items: items(20), total: 57, totalExact: true }, 1, 20)).toEqual({ total: 57, exact: true, pagerTotal: 57 });
    expect(pageTotals({ items: items(20), total: 57 }, 1, 20)).toEqual({ total: 57, exact: true, pagerTotal: 57 });
    expect(pageTotals(undefined, 1, 20)).toEqual({ total: 0, exact: true, pagerTotal: 0 });
  });

  it('keeps Next enabled while a full page comes back from an unfinished count', () => {
    expect(pageTotals({ items: items(20), total: 1000, totalExact: false }, 1, 20)).toEqual({ total: 1000, exact: false, pagerTotal: 1020 });
    // Past the counted thousand: page 60 of 20 is rows 1181-1200, so the pager knows of page 61.
    expect(pageTotals({ items: items(20), total: 1000, totalExact: false }, 60, 20)).toEqual({ total: 1000, exact: false, pagerTotal: 1220 });
  });

  it('knows the count once a short page came back', () => {
    expect(pageTotals({ items: items(7), total: 1000, totalExact: false }, 61, 20)).toEqual({ total: 1207, exact: true, pagerTotal: 1207 });
  });

  it('lets an empty page past the end still go back', () => {
    expect(pageTotals({ items: [], total: 1000, totalExact: false }, 80, 20)).toEqual({ total: 1000, exact: false, pagerTotal: 1580 });
  });
});

describe('pagerTotal', () => {
  it('says the exact total, formatted', () => {
    const p = pagerTotal(t, { items: items(20), total: 1234, totalExact: true }, 1, 20);
    expect(p.total).toBe(1234);
    expect(p.showTotal()).toBe('common.total {"total":"1,234"}');
  });
  it('says "more than" with the list\'s own sentence when the count stopped', () => {
    const p = pagerTotal(t, { items: items(50), total: 1000, totalExact: false }, 1, 50, 'people.totalAtLeast');
    expect(p.total).toBe(1050);
    expect(p.showTotal()).toBe('people.totalAtLeast {"total":"1,000"}');
    expect(pagerTotal(t, { items: items(50), total: 1000, totalExact: false }, 1, 50).showTotal()).toMatch(/^common\.totalAtLeast /);
  });
});
