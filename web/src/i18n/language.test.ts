import { describe, expect, it } from 'vitest';
import { detectLanguage, directionOf, isLanguage } from './language';

describe('directionOf', () => {
  it('is rtl for Arabic and its regional variants', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('ar-JO')).toBe('rtl');
    expect(directionOf('AR')).toBe('rtl');
  });
  it('is ltr for everything else', () => {
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('en-US')).toBe('ltr');
    expect(directionOf('fr')).toBe('ltr');
    expect(directionOf('')).toBe('ltr');
  });
});

describe('detectLanguage', () => {
  it('prefers the remembered choice', () => {
    expect(detectLanguage('ar', ['en-US'])).toBe('ar');
    expect(detectLanguage('en', ['ar-JO'])).toBe('en');
  });
  it('ignores a remembered value it does not support', () => {
    expect(detectLanguage('fr', ['ar'])).toBe('ar');
    expect(detectLanguage('', ['en'])).toBe('en');
  });
  it('follows the browser only when its first language is Arabic', () => {
    expect(detectLanguage(null, ['ar-JO', 'en'])).toBe('ar');
    expect(detectLanguage(null, ['en-GB', 'ar'])).toBe('en');
    expect(detectLanguage(undefined, ['de'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });
  it('recognises supported languages', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('ar')).toBe(true);
    expect(isLanguage('ar-JO')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});
