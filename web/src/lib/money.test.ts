import { describe, expect, it } from 'vitest';
import { filsToJod, formatFils, jodToFils } from './money';

describe('filsToJod / formatFils', () => {
  it('shows three decimals', () => {
    expect(filsToJod(15000)).toBe('15.000');
    expect(filsToJod(7)).toBe('0.007');
    expect(filsToJod(19990)).toBe('19.990');
    expect(filsToJod(0)).toBe('0.000');
    expect(filsToJod(-2500)).toBe('-2.500');
  });
  it('groups thousands when asked', () => {
    expect(filsToJod(1250500, true)).toBe('1,250.500');
    expect(filsToJod(1250500)).toBe('1250.500');
  });
  it('names the currency in the interface language', () => {
    expect(formatFils(15000, 'en')).toBe('15.000 JOD');
    expect(formatFils(15000, 'ar')).toBe('15.000 د.أ');
    expect(formatFils(300000, 'en')).toBe('300.000 JOD');
    expect(formatFils(1500000, 'ar')).toBe('1,500.000 د.أ');
  });
});

describe('jodToFils', () => {
  it('reads whole and decimal amounts exactly', () => {
    expect(jodToFils('15')).toBe(15000);
    expect(jodToFils('15.5')).toBe(15500);
    expect(jodToFils('15.250')).toBe(15250);
    expect(jodToFils('19.99')).toBe(19990);
    expect(jodToFils('.5')).toBe(500);
    expect(jodToFils('0.001')).toBe(1);
    expect(jodToFils(' 1,250.000 ')).toBe(1250000);
    expect(jodToFils('15.')).toBe(15000);
  });
  it('reads numbers without floating-point drift', () => {
    expect(jodToFils(19.99)).toBe(19990);
    expect(jodToFils(0.1 + 0.2)).toBe(300);
    expect(jodToFils(20)).toBe(20000);
  });
  it('reads Arabic-Indic digits and the Arabic decimal separator', () => {
    expect(jodToFils('١٥٫٥')).toBe(15500);
    expect(jodToFils('۲۰')).toBe(20000);
  });
  it('refuses what is not an amount', () => {
    expect(jodToFils('')).toBeNull();
    expect(jodToFils('abc')).toBeNull();
    expect(jodToFils('1.2345')).toBeNull();
    expect(jodToFils('1e3')).toBeNull();
    expect(jodToFils(null)).toBeNull();
    expect(jodToFils(undefined)).toBeNull();
    expect(jodToFils(Number.NaN)).toBeNull();
    expect(jodToFils('99999999999999999999')).toBeNull();
  });
  it('round-trips with filsToJod', () => {
    for (const fils of [0, 1, 999, 1000, 15000, 123456789]) expect(jodToFils(filsToJod(fils, true))).toBe(fils);
  });
  it('keeps the sign', () => {
    expect(jodToFils('-2.5')).toBe(-2500);
    expect(jodToFils('-0')).toBe(0);
  });
});
