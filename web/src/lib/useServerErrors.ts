// Shows a failed save on the form: field problems on their items (first one focused), and
// returns the sentence to show above the form (null when there is nothing else to say).
import { useCallback } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { errorMessage, fieldProblemMessage } from '../i18n/errors';
import { problemFieldErrors } from './formErrors';

export function useServerErrors() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (form: FormInstance, error: unknown, fields: readonly string[]): string | null => {
      const exists = (k: string) => i18n.exists(k);
      const result = problemFieldErrors(
        error,
        fields,
        (fp, field) => fieldProblemMessage(t, exists, fp, field),
        (code) => (exists(`errors.${code}`) ? t(`errors.${code}`) : errorMessage(t, error, exists)),
      );
      if (result.fields.length > 0) {
        form.setFields(result.fields.map((f) => ({ name: f.name, errors: f.errors })));
        // After the form is enabled again (it is disabled while saving).
        const first = result.fields[0].name;
        window.setTimeout(() => form.scrollToField(first, { focus: true, block: 'center' }), 0);
      }
      if (result.other.length > 0) return result.other.join(' ');
      if (result.placed) return null;
      if (isApiError(error) && error.status === 422) return t('validation.checkFields');
      return errorMessage(t, error, exists);
    },
    [t, i18n],
  );
}
