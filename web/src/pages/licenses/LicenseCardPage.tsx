// The printable licence card: credit-card size (85.6 x 54 mm) when printed, shown enlarged on
// screen; photo, names in both scripts, number, class, dates, the department in both languages,
// and a QR code that opens the public check with the department's signed code. When that code
// cannot be had, the card is shown without the QR and a note says so.
import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Result, Skeleton, Typography } from 'antd';
import { SafetyCertificateFilled, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useLicenseClasses } from '../../api/hooks';
import { fetchLicense, licenseKeys } from '../../api/licensing';
import { fetchPerson, peopleKeys, photoSrc } from '../../api/people';
import { CardQr, useVerificationUrl } from '../../components/CardQr';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PrintToolbar } from '../../components/PrintToolbar';
import { usePermissions } from '../../lib/usePermissions';

/** A card date: 2026-11-28 as 28/11/2026, the same in both languages. */
export function cardDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function LicenseCardPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.getFixedT('en');
  const ar = i18n.getFixedT('ar');
  const { can } = usePermissions();
  const { id } = useParams();
  const licenseId = Number(id);
  const valid = Number.isInteger(licenseId) && licenseId > 0;
  const license = useQuery({
    queryKey: licenseKeys.one(licenseId),
    queryFn: ({ signal }) => fetchLicense(licenseId, signal),
    enabled: valid,
  });
  const personId = license.data?.personId ?? 0;
  const person = useQuery({
    queryKey: peopleKeys.one(personId),
    queryFn: ({ signal }) => fetchPerson(personId, signal),
    enabled: personId > 0 && can('people.read'),
  });
  const classes = useLicenseClasses();
  const qr = useVerificationUrl(valid ? licenseId : 0);

  if (!valid || (license.isError && isApiError(license.error) && license.error.status === 404)) {
    return <Result status="404" title={<h1 className="page-title">{t('license.notFound')}</h1>} />;
  }
  if (license.isError) return <ErrorAlert error={license.error} onRetry={() => void license.refetch()} />;
  if (!license.data) return <Skeleton active paragraph={{ rows: 6 }} />;

  const l = license.data;
  const p = person.data;
  const cls = classes.data?.find((c) => c.id === l.licenseClassId);
  const photo = p?.hasPhoto ? photoSrc(p, 'thumb') : null;
  return (
    <>
      <Typography.Title level={1} className="page-title no-print" data-testid="page-title">
        {t('card.title', { number: l.number })}
      </Typography.Title>
      <PrintToolbar fallback={`/licenses/${l.id}`} label={t('card.toolbar')} />
      {l.status !== 'active' && (
        <p className="no-print muted" data-testid="card-not-active">
          {t('card.notActive', { status: t(`license.statuses.${l.status}`, { defaultValue: l.status }) })}
        </p>
      )}
      {qr.failed && (
        <p className="no-print muted" role="note" data-testid="card-qr-missing">
          {t('card.qrMissing')}
        </p>
      )}
      <div className="card-stage">
        <article className="license-card printable" dir="ltr" data-testid="license-card" aria-label={t('card.title', { number: l.number })}>
          <header className="lc-band">
            <span className="lc-en" lang="en">
              <span className="lc-country">{en('card.country')}</span>
              <span className="lc-dept">{en('print.department')}</span>
            </span>
            <span className="lc-mark" aria-hidden="true">
              <SafetyCertificateFilled />
            </span>
            <span className="lc-ar" lang="ar" dir="rtl">
              <span className="lc-country">{ar('card.country')}</span>
              <span className="lc-dept">{ar('print.department')}</span>
            </span>
          </header>
          <div className="lc-kind">
            <span lang="en">{en('card.kind')}</span>
            <span lang="ar" dir="rtl">
              {ar('card.kind')}
            </span>
          </div>
          <div className="lc-body">
            <div className="lc-photo">
              {photo ? (
                <img src={photo} alt={t('photo.alt', { name: i18n.language === 'ar' ? l.personNameAr : l.personNameEn })} />
              ) : (
                <UserOutlined aria-label={t('photo.none')} />
              )}
            </div>
            <dl className="lc-fields">
              <div className="lc-names">
                <dt className="visually-hidden">{t('license.fields.holder')}</dt>
                <dd lang="ar" dir="rtl" className="lc-name-ar" data-testid="card-name-ar">
                  {l.personNameAr}
                </dd>
                <dd lang="en" dir="ltr" className="lc-name-en" data-testid="card-name-en">
                  {l.personNameEn}
                </dd>
              </div>
              <div className="lc-row">
                <dt>
                  <span lang="en">{en('card.number')}</span> / <span lang="ar">{ar('card.number')}</span>
                </dt>
                <dd className="mono lc-number" data-testid="card-number">
                  {l.number}
                </dd>
              </div>
              <div className="lc-row">
                <dt>
                  <span lang="en">{en('card.class')}</span> / <span lang="ar">{ar('card.class')}</span>
                </dt>
                <dd data-testid="card-class" className="lc-class">
                  <span className="lc-class-no">{l.licenseClassId}</span>
                  {cls && (
                    <span className="lc-class-names">
                      <span lang="en">{cls.nameEn}</span>
                      <span lang="ar" dir="rtl">
                        {cls.nameAr}
                      </span>
                    </span>
                  )}
                </dd>
              </div>
              <div className="lc-dates">
                <div className="lc-row">
                  <dt>
                    <span lang="en">{en('card.issued')}</span> / <span lang="ar">{ar('card.issued')}</span>
                  </dt>
                  <dd className="mono" data-testid="card-issued">
                    {cardDate(l.issueDate)}
                  </dd>
                </div>
                <div className="lc-row">
                  <dt>
                    <span lang="en">{en('card.expires')}</span> / <span lang="ar">{ar('card.expires')}</span>
                  </dt>
                  <dd className="mono" data-testid="card-expires">
                    {cardDate(l.expiryDate)}
                  </dd>
                </div>
              </div>
            </dl>
            {qr.url && qr.image ? (
              <CardQr url={qr.url} image={qr.image} number={l.number} />
            ) : (
              qr.pending && <div className="lc-qr lc-qr-pending" aria-hidden="true" />
            )}
          </div>
        </article>
      </div>
      {qr.url && (
        <p className="no-print muted card-qr-target">
          {t('card.qrTarget')}{' '}
          <a href={qr.url} dir="ltr" className="mono" data-testid="card-qr-link">
            {qr.url}
          </a>
        </p>
      )}
    </>
  );
}
