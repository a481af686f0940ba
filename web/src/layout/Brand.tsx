// The product mark and name, shown in the header and on the sign-in page.
// A language may leave app.tagline empty when its name already says it all.
import { SafetyCertificateFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function Brand() {
  const { t } = useTranslation();
  const tagline = t('app.tagline');
  return (
    <span className="brand">
      <span className="brand-mark" aria-hidden="true">
        <SafetyCertificateFilled />
      </span>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        {tagline && <span className="brand-tagline">{tagline}</span>}
      </span>
    </span>
  );
}
