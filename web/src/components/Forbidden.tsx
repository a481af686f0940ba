// Shown in place of a page the signed-in user has no permission for.
import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../lib/usePermissions';

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={<h1 className="page-title">{t('forbidden.title')}</h1>}
      subTitle={t('forbidden.description')}
      data-testid="forbidden"
    />
  );
}

/** Renders its children only for a user holding one of `anyOf`; others see Forbidden. */
export function RequirePermission({ anyOf, children }: { anyOf: readonly string[]; children: ReactNode }) {
  const { canAny } = usePermissions();
  return canAny(anyOf) ? <>{children}</> : <Forbidden />;
}
