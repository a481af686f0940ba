// Turns an API failure into a sentence in the user's language: known problem codes have
// their own translation; otherwise the server's own title/detail, then a generic line.
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

export function errorMessage(t: TFunction, error: unknown, exists: (key: string) => boolean): string {
  if (isApiError(error)) {
    const code = error.code;
    if (code && exists(`errors.${code}`)) return t(`errors.${code}`);
    const { detail, title } = error.problem;
    if (detail || title) return detail ?? title ?? '';
    return t('errors.generic', { status: error.status });
  }
  return t('errors.generic', { status: '?' });
}
