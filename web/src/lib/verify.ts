// Pure helpers of the public licence check: what a typed number becomes, where the check lives,
// and how a result reads (valid or not, and whether the card's code is the department's).
import type { LicenseVerification } from '../api/verify';

/** A typed licence number as the registry writes it: trimmed, no inner spaces, upper case. */
export function normaliseLicenseNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** Something that could be a licence number (letters, digits and dashes, 3 to 32 of them). */
export function looksLikeLicenseNumber(value: string): boolean {
  return /^[A-Z0-9][A-Z0-9-]{2,31}$/.test(value);
}

/** The web path of the check for a number, with the card's code when there is one. */
export function verifyPath(number: string, code?: string | null): string {
  const base = `/verify/${encodeURIComponent(number)}`;
  return code ? `${base}?code=${encodeURIComponent(code)}` : base;
}

/**
 * The absolute address a QR code carries: this site's origin and the server's path. A path that
 * is not site-relative (or is protocol-relative) is refused, so a QR never points elsewhere.
 */
export function absoluteVerifyUrl(origin: string, path: string): string | null {
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  return origin.replace(/\/+$/, '') + path;
}

export type Authenticity = 'authentic' | 'forged' | 'unchecked';

export function authenticityOf(v: Pick<LicenseVerification, 'authentic'>): Authenticity {
  if (v.authentic === true) return 'authentic';
  if (v.authentic === false) return 'forged';
  return 'unchecked';
}

/** The holder's name in the interface language, the other script as fallback. */
export function holderName(v: Pick<LicenseVerification, 'holder'>, language: string): string {
  const { nameAr, nameEn } = v.holder;
  return language.startsWith('ar') ? nameAr || nameEn : nameEn || nameAr;
}
