// The outcome of a service requested on a licence (renewal, replacement, release, permit): the
// application it opened, whether it completed, the new licence or permit, and its bill(s).
import { Descriptions, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Application } from '../api/licensing';
import { openBills } from '../lib/licensing';
import { Money } from './Money';
import { ApplicationStatusTag } from './StatusTags';

export function ApplicationResult({ application: app }: { application: Application }) {
  const { t } = useTranslation();
  const completed = app.status === 'completed';
  const newLicenseId = app.license?.id ?? app.resultLicenseId;
  const open = openBills(app);
  const receipts = (app.bills ?? []).flatMap((b) => (b.receipt ? [b.receipt] : []));
  return (
    <Result
      status={completed ? 'success' : 'info'}
      className="application-result"
      data-testid="application-result"
      title={
        completed
          ? t('serviceResult.completed', { service: t(`application.types.${app.type}`) })
          : t('serviceResult.awaitingPayment', { service: t(`application.types.${app.type}`) })
      }
      subTitle={completed ? undefined : t('serviceResult.payLater')}
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'application',
            label: t('serviceResult.application'),
            children: (
              <span>
                <Link to={`/applications/${app.id}`} data-testid="result-application-link">
                  #{app.id}
                </Link>{' '}
                <ApplicationStatusTag status={app.status} />
              </span>
            ),
          },
          ...(newLicenseId
            ? [
                {
                  key: 'license',
                  label: t('serviceResult.newLicense'),
                  children: (
                    <Link to={`/licenses/${newLicenseId}`} data-testid="result-license-link">
                      <bdi className="mono">{app.license?.number ?? `#${newLicenseId}`}</bdi>
                    </Link>
                  ),
                },
              ]
            : []),
          ...(app.permit
            ? [
                {
                  key: 'permit',
                  label: t('serviceResult.permit'),
                  children: (
                    <bdi className="mono" data-testid="result-permit">
                      {app.permit.number}
                    </bdi>
                  ),
                },
              ]
            : []),
          ...(open.length > 0
            ? [
                {
                  key: 'due',
                  label: t('serviceResult.due'),
                  children: <Money fils={open.reduce((s, b) => s + b.total, 0)} />,
                },
              ]
            : []),
          ...receipts.map((r) => ({
            key: `receipt-${r.number}`,
            label: t('serviceResult.receipt'),
            children: (
              <span>
                <Link to={`/receipts/${encodeURIComponent(r.number)}`} data-testid="result-receipt-link">
                  <bdi className="mono">{r.number}</bdi>
                </Link>{' '}
                · <Money fils={r.amount} />
              </span>
            ),
          })),
        ]}
      />
    </Result>
  );
}
