// Placeholder for a section that a later release fills in.
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function ComingSoonPage({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={1} className="page-title" data-testid="page-title">
        {t(titleKey)}
      </Typography.Title>
      <Empty className="coming-soon" description={t('comingSoon.description')} />
    </>
  );
}
