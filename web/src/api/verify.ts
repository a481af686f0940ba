// Public licence verification (GET /verify/licenses/{number}[?code=], no sign-in) and, for staff,
// the signed code a licence card carries in its QR (GET /licenses/{id}/verification).
import { apiRequest } from './client';
import { buildQuery } from './query';

export interface LicenseVerification {
  number: string;
  /** Valid to drive on now (active and not expired, detained or suspended). */
  valid: boolean;
  status: string;
  /** The server's reason for the status, in English; may be empty. */
  statusReason: string;
  licenseClass: { code: string; nameEn: string; nameAr: string };
  issueDate: string;
  expiryDate: string;
  /** `full: false`: first initial and family name only (no code, or a code that is not genuine). */
  holder: { nameEn: string; nameAr: string; full: boolean };
  /** null: no code was given; true: the department's signature; false: a wrong or altered code. */
  authentic: boolean | null;
  checkedAt: string;
}

export interface VerificationLink {
  number: string;
  code: string;
  /** The web path of the public check, e.g. /verify/DL-00000012?code=... */
  path: string;
}

export const verifyKeys = {
  check: (number: string, code: string | null) => ['verify', number, code ?? ''] as const,
  link: (licenseId: number) => ['licenses', 'one', licenseId, 'verification'] as const,
};

export function verifyLicense(number: string, code: string | null, signal?: AbortSignal): Promise<LicenseVerification> {
  return apiRequest<LicenseVerification>(`/verify/licenses/${encodeURIComponent(number)}${buildQuery({ code })}`, {
    signal,
  });
}

export function fetchVerificationLink(licenseId: number, signal?: AbortSignal): Promise<VerificationLink> {
  return apiRequest<VerificationLink>(`/licenses/${licenseId}/verification`, { signal });
}
