// Names in both scripts (each in its own direction, the interface language's first) and the
// identity document column of people tables.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '../api/people';

/** The document column: the national number, or the foreign document with its type. */
export function PersonDocument({ person }: { person: Pick<Person, 'nationalNo' | 'documentType' | 'documentNo'> }) {
  const { t } = useTranslation();
  if (person.nationalNo) return <bdi className="mono">{person.nationalNo}</bdi>;
  if (person.documentNo)
    return (
      <span>
        <Tag>{t(`person.documentTypes.${person.documentType ?? 'passport'}`)}</Tag>
        <bdi className="mono">{person.documentNo}</bdi>
      </span>
    );
  return <>{t('common.none')}</>;
}

/** Both scripts, each in its own direction; the interface language's first. */
export function BothNames({ ar, en, language }: { ar: string; en: string; language?: string }) {
  const { i18n } = useTranslation();
  const lang = language ?? i18n.language;
  const arabic = (
    <span lang="ar" dir="rtl" className="name-ar" key="ar">
      {ar}
    </span>
  );
  const english = (
    <span lang="en" dir="ltr" className="name-en" key="en">
      {en}
    </span>
  );
  return <span className="both-names">{lang === 'ar' ? [arabic, english] : [english, arabic]}</span>;
}

