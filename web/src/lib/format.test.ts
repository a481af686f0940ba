import { describe, expect, it } from 'vitest';
import { ageOn, formatDate, localName, todayIso } from './format';

describe('format', () => {
  it('picks the name of the interface language', () => {
    const c = { nameAr: 'الأردن', nameEn: 'Jordan' };
    expect(localName(c, 'ar')).toBe('الأردن');
    expect(localName(c, 'en')).toBe('Jordan');
    expect(localName({ nameAr: '', nameEn: 'Jordan' }, 'ar')).toBe('Jordan');
  });
  it('formats calendar dates without a time-zone shift', () => {
    expect(formatDate('1990-05-01', 'en')).toBe('1 May 1990');
    expect(formatDate('1990-05-01', 'ar')).toMatch(/1990/);
    expect(formatDate('1990-05-01', 'ar')).not.toMatch(/[٠-٩]/);
    expect(formatDate('', 'en')).toBe('');
    expect(formatDate('garbage', 'en')).toBe('garbage');
  });
  it('counts whole years of age', () => {
    expect(ageOn('2008-11-28', '2026-11-28')).toBe(18);
    expect(ageOn('2008-11-28', '2026-11-27')).toBe(17);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
    expect(ageOn('x', '2026-01-01')).toBeNull();
  });
  it('writes today as YYYY-MM-DD', () => {
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
