// Guards the app shell: waits for GET /auth/me, sends anonymous visitors to /login
// (remembering where they were going), shows a retry when the server is down, and gives the
// signed-in user to what it renders (useCurrentUser).
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { CurrentUserContext, useMe } from './useAuth';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) {
    return (
      <div className="center-screen" role="status" aria-live="polite">
        <Spin size="large" />
        <span className="visually-hidden">{t('common.loading')}</span>
      </div>
    );
  }
  if (me.isError) {
    return (
      <main className="center-screen">
        <Result
          status="warning"
          title={t('common.serverUnreachable')}
          extra={
            <Button type="primary" onClick={() => void me.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      </main>
    );
  }
  if (!me.data) {
    const from = location.pathname + location.search + location.hash;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <CurrentUserContext value={me.data}>{children}</CurrentUserContext>;
}
