// Demerit points on the driving record: the points of the last 12 months against the next
// suspension threshold, whether the driver is suspended now (from / to), the suspension history,
// and the person's violations (for roles that read violations).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Progress, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPoints, fetchViolations, violationKeys, type Suspension } from '../../api/violations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ViolationsTable } from '../../components/ViolationsTable';
import { formatDate, formatDateTime } from '../../lib/format';
import { newestFirst } from '../../lib/licensing';
import { SUSPENSION_THRESHOLDS, nextThreshold } from '../../lib/violations';
import { usePermissions } from '../../lib/usePermissions';
import { pageTotals } from '../../lib/paging';

const LAST = SUSPENSION_THRESHOLDS[SUSPENSION_THRESHOLDS.length - 1].above;

export function PointsCard({ personId }: { personId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const points = useQuery({
    queryKey: violationKeys.points(personId),
    queryFn: ({ signal }) => fetchPoints(personId, signal),
  });
  const p = points.data;
  const next = p ? nextThreshold(p.points) : null;
  const columns: TableProps<Suspension>['columns'] = [
    { key: 'from', title: t('points.from'), render: (_, s) => formatDate(s.startDate, lang) },
    { key: 'to', title: t('points.to'), render: (_, s) => formatDate(s.endDate, lang) },
    { key: 'days', title: t('points.days'), align: 'end', render: (_, s) => <bdi>{s.days}</bdi> },
    { key: 'points', title: t('points.pointsAtStart'), align: 'end', render: (_, s) => <bdi>{s.points}</bdi> },
    {
      key: 'lifted',
      title: t('points.lifted'),
      render: (_, s) => (s.liftedAt ? formatDateTime(s.liftedAt, lang) : t('common.none')),
    },
  ];
  return (
    <Card title={<h2 className="card-title">{t('points.title')}</h2>} className="form-card" size="small" data-testid="points-card">
      {points.isError && <ErrorAlert error={points.error} onRetry={() => void points.refetch()} />}
      {p && (
        <>
          {p.suspended && (
            <Alert
              type="error"
              showIcon
              className="block-alert"
              data-testid="suspended-alert"
              title={
                p.activeSuspension
                  ? t('points.suspendedFromTo', {
                      from: formatDate(p.activeSuspension.startDate, lang),
                      to: formatDate(p.activeSuspension.endDate, lang),
                    })
                  : t('points.suspended')
              }
            />
          )}
          <Descriptions
            column={{ xs: 1, md: 3 }}
            size="small"
            items={[
              {
                key: 'points',
                label: t('points.last12Months'),
                children: (
                  <span className="points-value">
                    <strong data-testid="points-value">{p.points}</strong>
                    <Progress
                      percent={Math.min(100, Math.round((p.points / (LAST + 1)) * 100))}
                      showInfo={false}
                      size="small"
                      strokeColor={p.suspended ? '#cf1322' : next && p.points > next.above - 4 ? '#d48806' : '#0b5394'}
                      aria-hidden="true"
                      className="points-bar"
                    />
                  </span>
                ),
              },
              {
                key: 'suspended',
                label: t('points.suspendedLabel'),
                children: p.suspended ? (
                  <Tag color="red" data-testid="points-suspended">
                    {t('points.yes')}
                  </Tag>
                ) : (
                  <Tag color="green" data-testid="points-suspended">
                    {t('points.no')}
                  </Tag>
                ),
              },
              {
                key: 'next',
                label: t('points.nextThreshold'),
                children: next ? t('points.nextText', { above: next.above, days: next.days }) : t('points.pastLast'),
              },
            ]}
          />
          <h3 className="sub-title">{t('points.history')}</h3>
          {p.suspensions.length === 0 ? (
            <p className="muted">{t('points.noSuspensions')}</p>
          ) : (
            <Table<Suspension>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={newestFirst(p.suspensions, (s) => s.startDate)}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="suspensions-table"
            />
          )}
        </>
      )}
    </Card>
  );
}

export function PersonViolations({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const query = { personId, ...paging };
  const list = useQuery({
    queryKey: violationKeys.list(query),
    queryFn: ({ signal }) => fetchViolations(query, signal),
    placeholderData: keepPreviousData,
    enabled: can('violations.read'),
  });
  if (!can('violations.read')) return null;
  return (
    <Card title={<h2 className="card-title">{t('points.violations')}</h2>} className="form-card" size="small" data-testid="record-violations">
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <ViolationsTable
        rows={list.data?.items ?? []}
        loading={list.isFetching}
        hide={['person']}
        emptyText={t('record.none')}
        testId="person-violations"
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: pageTotals(list.data, paging.page, paging.pageSize).pagerTotal,
          hideOnSinglePage: true,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Card>
  );
}
