// A failed request as an alert, in the user's language, with an optional retry.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errors';

export function ErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="block-alert"
      title={title ?? errorMessage(t, error, (k) => i18n.exists(k))}
      description={title ? errorMessage(t, error, (k) => i18n.exists(k)) : undefined}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
