// English / Arabic switch. Each option is written in its own language and script.
// Compact form (narrow headers): one button that offers the other language.
import { Button, Segmented } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, isLanguage, type Language } from '../i18n/language';

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const value: Language = isLanguage(i18n.language) ? i18n.language : 'en';

  if (compact) {
    const other: Language = value === 'ar' ? 'en' : 'ar';
    return (
      <Button
        className="language-switch"
        icon={<GlobalOutlined aria-hidden="true" />}
        onClick={() => void i18n.changeLanguage(other)}
        data-testid="language-toggle"
      >
        <span lang={other}>{t(`language.${other}`)}</span>
      </Button>
    );
  }

  return (
    <Segmented<Language>
      className="language-switch"
      aria-label={t('language.label')}
      // The radio inputs inside are the tab stop; the wrapper would be a second, redundant one.
      tabIndex={-1}
      value={value}
      options={SUPPORTED_LANGUAGES.map((lng) => ({
        value: lng,
        label: <span lang={lng}>{t(`language.${lng}`)}</span>,
      }))}
      onChange={(lng) => void i18n.changeLanguage(lng)}
    />
  );
}
