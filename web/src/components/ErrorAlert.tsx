// A failed request as an alert, in the user's language, with an optional retry. A refusal (409)
// also shows the server's own explanation when it says more than the translated sentence.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, serverDetail } from '../i18n/errors';

/** The server's words under a translated refusal (English, as the server writes them). */
export function ServerDetail({ detail }: { detail: string | null }) {
  if (!detail) return null;
  return (
    <span className="server-detail" lang="en" dir="ltr" data-testid="server-detail">
      {detail}
    </span>
  );
}

export function ErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t, i18n } = useTranslation();
  const message = errorMessage(t, error, (k) => i18n.exists(k));
  const detail = serverDetail(error, message);
  const description =
    title || detail ? (
      <>
        {title && <span>{message}</span>}
        <ServerDetail detail={detail} />
      </>
    ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="block-alert"
      title={title ?? message}
      description={description}
      data-testid="error-alert"
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
