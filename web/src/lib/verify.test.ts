import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import ar from '../i18n/ar.json';
import {
  absoluteVerifyUrl,
  authenticityOf,
  holderName,
  looksLikeLicenseNumber,
  normaliseLicenseNumber,
  verifyPath,
} from './verify';

describe('licence numbers typed on the public check', () => {
  it('are trimmed, freed of spaces and upper-cased', () => {
    expect(normaliseLicenseNumber('  dl-0000 0012 ')).toBe('DL-00000012');
  });
  it('must look like a number', () => {
    expect(looksLikeLicenseNumber('DL-00000012')).toBe(true);
    expect(looksLikeLicenseNumber('12345')).toBe(true);
    expect(looksLikeLicenseNumber('')).toBe(false);
    expect(looksLikeLicenseNumber('DL')).toBe(false);
    expect(looksLikeLicenseNumber('../admin')).toBe(false);
    expect(looksLikeLicenseNumber('-DL1')).toBe(false);
  });
});

describe('verification addresses', () => {
  it('carry the code when there is one', () => {
    expect(verifyPath('DL-00000012')).toBe('/verify/DL-00000012');
    expect(verifyPath('DL-00000012', 'ab-_c')).toBe('/verify/DL-00000012?code=ab-_c');
  });
  it('are absolute on this site only', () => {
    expect(absoluteVerifyUrl('https://dvld.gov.jo/', '/verify/DL-1?code=x')).toBe('https://dvld.gov.jo/verify/DL-1?code=x');
    expect(absoluteVerifyUrl('https://dvld.gov.jo', '//evil.example/verify')).toBeNull();
    expect(absoluteVerifyUrl('https://dvld.gov.jo', 'https://evil.example/verify')).toBeNull();
  });
});

describe('a check result', () => {
  it('tells the three states of the code apart', () => {
    expect(authenticityOf({ authentic: true })).toBe('authentic');
    expect(authenticityOf({ authentic: false })).toBe('forged');
    expect(authenticityOf({ authentic: null })).toBe('unchecked');
  });
  it('names the holder in the interface language, the other script as fallback', () => {
    const v = { holder: { nameEn: 'M. Al-Abbadi', nameAr: 'م. العبادي', full: false } };
    expect(holderName(v, 'ar')).toBe('م. العبادي');
    expect(holderName(v, 'en')).toBe('M. Al-Abbadi');
    expect(holderName({ holder: { ...v.holder, nameAr: '' } }, 'ar')).toBe('M. Al-Abbadi');
  });
  it('has its sentences in both languages', () => {
    expect(en.verify.authentic).toBe('Issued by the Drivers and Vehicles Licensing Department');
    expect(en.verify.forged).toBe('This code is NOT genuine');
    expect(ar.people.totalAtLeast.replace('{{total}}', '1,000')).toBe('أكثر من 1,000 شخص');
    expect(en.people.totalAtLeast.replace('{{total}}', '1,000')).toBe('More than 1,000 people');
    expect(en.card.scan).toBe('Scan to verify');
    expect(ar.card.scan).not.toBe('');
  });
});
