// Turns an API failure into a sentence in the user's language: known problem codes have
// their own translation; otherwise the server's own title/detail, then a generic line.
import type { TFunction } from 'i18next';
import { isApiError, type FieldProblem } from '../api/client';

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

/**
 * One field problem of a 422 as a sentence: a translation for this field and rule, then for the
 * rule, then the server's own message, then a generic line.
 */
export function fieldProblemMessage(
  t: TFunction,
  exists: (key: string) => boolean,
  problem: FieldProblem,
  field: string | undefined,
): string {
  if (field && exists(`validation.byField.${field}.${problem.rule}`)) return t(`validation.byField.${field}.${problem.rule}`);
  if (exists(`validation.rules.${problem.rule}`)) return t(`validation.rules.${problem.rule}`);
  if (problem.message) return problem.message;
  return t('validation.invalid');
}

/**
 * The server's own explanation of a refusal (the `detail` of a 409), when it says more than the
 * sentence already shown (e.g. the date from which a licence may be renewed); else null.
 */
export function serverDetail(error: unknown, shown: string | null | undefined): string | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const detail = error.problem.detail?.trim();
  if (!detail || detail === (shown ?? '').trim()) return null;
  return detail;
}
