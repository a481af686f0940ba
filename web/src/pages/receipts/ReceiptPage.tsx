// A printable payment receipt with Arabic and English labels side by side (English on the left,
// Arabic on the right, whatever the interface language), as the department hands it out.
import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Result, Skeleton, Typography } from 'antd';
import { SafetyCertificateFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { isApiError } from '../../api/client';
import { useBranches } from '../../api/hooks';
import { fetchReceipt, receiptKeys } from '../../api/licensing';
import { fetchPerson, peopleKeys } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PrintToolbar } from '../../components/PrintToolbar';
import { formatDateTime } from '../../lib/format';
import { filsToJod } from '../../lib/money';
import { usePermissions } from '../../lib/usePermissions';

/** One line of the receipt: English label, value, Arabic label. */
function Field({ en, ar, children, testId }: { en: string; ar: string; children: ReactNode; testId?: string }) {
  return (
    <tr>
      <th scope="row" lang="en" dir="ltr" className="label-en">
        {en}
      </th>
      <td className="value" data-testid={testId}>
        {children}
      </td>
      <th scope="row" lang="ar" dir="rtl" className="label-ar">
        {ar}
      </th>
    </tr>
  );
}

/** "1,250.000 JOD": the same in both languages, as the amounts on the department's receipts. */
function Amount({ fils }: { fils: number }) {
  const n = filsToJod(fils, true);
  return (
    <bdi className="money" dir="ltr">
      {n} JOD
    </bdi>
  );
}

export function ReceiptPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.getFixedT('en');
  const ar = i18n.getFixedT('ar');
  const { can } = usePermissions();
  const { number = '' } = useParams();
  const receipt = useQuery({
    queryKey: receiptKeys.one(number),
    queryFn: ({ signal }) => fetchReceipt(number, signal),
    enabled: number !== '',
  });
  const personId = receipt.data?.personId ?? 0;
  const person = useQuery({
    queryKey: peopleKeys.one(personId),
    queryFn: ({ signal }) => fetchPerson(personId, signal),
    enabled: personId > 0 && can('people.read'),
  });
  const branches = useBranches();

  if (receipt.isError && isApiError(receipt.error) && receipt.error.status === 404) {
    return <Result status="404" title={<h1 className="page-title">{t('receipt.notFound', { number })}</h1>} />;
  }
  if (receipt.isError) return <ErrorAlert error={receipt.error} onRetry={() => void receipt.refetch()} />;
  if (!receipt.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const r = receipt.data;
  const p = person.data;
  const branch = branches.data?.find((b) => b.id === r.branchId);
  return (
    <>
      <Typography.Title level={1} className="page-title no-print" data-testid="page-title">
        {t('receipt.title', { number: r.number })}
      </Typography.Title>
      <PrintToolbar fallback="/" label={t('receipt.toolbar')} />
      <article className="receipt printable" dir="ltr" data-testid="receipt" aria-label={t('receipt.title', { number: r.number })}>
        <header className="doc-head">
          <div lang="en" dir="ltr" className="doc-head-en">
            <div className="doc-department">{en('print.department')}</div>
            <div className="doc-kind">{en('receipt.heading')}</div>
          </div>
          <span className="doc-mark" aria-hidden="true">
            <SafetyCertificateFilled />
          </span>
          <div lang="ar" dir="rtl" className="doc-head-ar">
            <div className="doc-department">{ar('print.department')}</div>
            <div className="doc-kind">{ar('receipt.heading')}</div>
          </div>
        </header>
        <table className="doc-fields">
          <tbody>
            <Field en={en('receipt.number')} ar={ar('receipt.number')} testId="receipt-number">
              <bdi className="mono">{r.number}</bdi>
            </Field>
            <Field en={en('receipt.paidAt')} ar={ar('receipt.paidAt')}>
              <time dateTime={r.paidAt}>{formatDateTime(r.paidAt, 'en')}</time>
            </Field>
            <Field en={en('receipt.person')} ar={ar('receipt.person')} testId="receipt-person">
              {p ? (
                <span className="doc-names">
                  <span lang="ar" dir="rtl">
                    {p.fullNameAr}
                  </span>
                  <span lang="en" dir="ltr">
                    {p.fullNameEn}
                  </span>
                </span>
              ) : (
                <bdi>#{r.personId}</bdi>
              )}
            </Field>
            {p && (p.nationalNo || p.documentNo) && (
              <Field en={en('receipt.document')} ar={ar('receipt.document')}>
                <bdi className="mono">{p.nationalNo ?? p.documentNo}</bdi>
              </Field>
            )}
            {r.applicationId !== null && (
              <Field en={en('receipt.application')} ar={ar('receipt.application')}>
                <bdi className="mono">#{r.applicationId}</bdi>
              </Field>
            )}
            <Field en={en('receipt.method')} ar={ar('receipt.method')} testId="receipt-method">
              <span lang="en">{en(`payment.methods.${r.method}`, { defaultValue: r.method })}</span>
              {' · '}
              <span lang="ar" dir="rtl">
                {ar(`payment.methods.${r.method}`, { defaultValue: r.method })}
              </span>
            </Field>
            <Field en={en('receipt.collectedBy')} ar={ar('receipt.collectedBy')}>
              <bdi className="mono">{r.collectedBy}</bdi>
            </Field>
            <Field en={en('receipt.office')} ar={ar('receipt.office')}>
              {branch ? (
                <span>
                  <span lang="en">{branch.nameEn}</span>
                  {' · '}
                  <span lang="ar" dir="rtl">
                    {branch.nameAr}
                  </span>
                </span>
              ) : (
                <bdi>#{r.branchId}</bdi>
              )}
            </Field>
          </tbody>
        </table>
        <table className="doc-lines">
          <caption className="visually-hidden">{t('receipt.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span lang="en">{en('bills.item')}</span> <span className="sep">/</span>{' '}
                <span lang="ar" dir="rtl">
                  {ar('bills.item')}
                </span>
              </th>
              <th scope="col" className="amount">
                <span lang="en">{en('bills.amount')}</span> <span className="sep">/</span>{' '}
                <span lang="ar" dir="rtl">
                  {ar('bills.amount')}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {r.lines.map((line, i) => (
              <tr key={`${line.code}-${i}`}>
                <td>
                  <span className="doc-line">
                    <span lang="en" dir="ltr">
                      {line.descriptionEn}
                    </span>
                    <span lang="ar" dir="rtl">
                      {line.descriptionAr}
                    </span>
                  </span>
                </td>
                <td className="amount">
                  <Amount fils={line.amount} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">
                <span lang="en">{en('bills.total')}</span> <span className="sep">/</span>{' '}
                <span lang="ar" dir="rtl">
                  {ar('bills.total')}
                </span>
              </th>
              <td className="amount" data-testid="receipt-total">
                <Amount fils={r.amount} />
              </td>
            </tr>
          </tfoot>
        </table>
        <footer className="doc-foot">
          <span lang="en" dir="ltr">
            {en('receipt.footer')}
          </span>
          <span lang="ar" dir="rtl">
            {ar('receipt.footer')}
          </span>
        </footer>
      </article>
    </>
  );
}
