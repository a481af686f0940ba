// A person's driving record: demerit points and suspensions, licences, international permits,
// applications with their test attempts, detentions, violations, and bills with their payments,
// each newest first.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Skeleton, Table, Tag, type TableProps } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLicenseClasses } from '../../api/hooks';
import {
  drivingRecordKeys,
  fetchDrivingRecord,
  type Application,
  type Bill,
  type Detention,
  type License,
  type Permit,
} from '../../api/licensing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { AppointmentStatusTag, ApplicationStatusTag, BillStatusTag, LicenseStatusTag } from '../../components/StatusTags';
import { formatDate, formatDateTime, localName } from '../../lib/format';
import { newestFirst, testSteps } from '../../lib/licensing';
import { usePermissions } from '../../lib/usePermissions';
import { NewApplicationModal } from '../applications/NewApplicationModal';
import { PersonViolations, PointsCard } from './PointsCard';

function Section<T extends object>({
  title,
  rows,
  columns,
  rowKey,
  testId,
  expandable,
}: {
  title: string;
  rows: T[];
  columns: TableProps<T>['columns'];
  rowKey: keyof T & string;
  testId: string;
  expandable?: TableProps<T>['expandable'];
}) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 className="card-title">{title}</h2>} className="form-card" data-testid={testId} size="small">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.none')} />
      ) : (
        <Table<T>
          rowKey={rowKey}
          size="small"
          pagination={rows.length > 10 ? { pageSize: 10, hideOnSinglePage: true } : false}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          expandable={expandable}
        />
      )}
    </Card>
  );
}

function TestsSummary({ app }: { app: Application }) {
  const { t, i18n } = useTranslation();
  const { steps } = testSteps(app.appointments);
  const withAttempts = steps.filter((s) => s.attempts.length > 0);
  if (withAttempts.length === 0) return <p className="muted">{t('record.noTests')}</p>;
  return (
    <ul className="plain-list record-tests">
      {withAttempts.map((s) => (
        <li key={s.test}>
          <strong>{t(`tests.types.${s.test}`)}</strong>
          <ul className="plain-list">
            {s.attempts.map((a) => (
              <li key={a.id}>
                {t('record.attempt', { attempt: a.attempt, date: formatDate(a.date, i18n.language) })}{' '}
                <AppointmentStatusTag status={a.status} />
                {a.notes && <bdi dir="auto" className="muted"> {a.notes}</bdi>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function DrivingRecordTab({ personId }: { personId: number }) {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const classes = useLicenseClasses();
  const [applying, setApplying] = useState(false);
  const lang = i18n.language;
  const record = useQuery({
    queryKey: drivingRecordKeys.one(personId),
    queryFn: ({ signal }) => fetchDrivingRecord(personId, signal),
  });
  if (record.isError) return <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />;
  if (!record.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const r = record.data;
  const className = (id: number | null) => {
    if (!id) return t('common.none');
    const c = classes.data?.find((x) => x.id === id);
    return c ? localName(c, lang) : `#${id}`;
  };
  const licenseNumber = (id: number) => r.licenses.find((l) => l.id === id)?.number ?? `#${id}`;

  const licenseColumns: TableProps<License>['columns'] = [
    {
      key: 'number',
      title: t('licenses.columns.number'),
      render: (_, l) => (
        <Link to={`/licenses/${l.id}`}>
          <bdi className="mono">{l.number}</bdi>
        </Link>
      ),
    },
    { key: 'class', title: t('licenses.columns.licenseClass'), render: (_, l) => className(l.licenseClassId) },
    { key: 'issueDate', title: t('licenses.columns.issueDate'), render: (_, l) => formatDate(l.issueDate, lang) },
    { key: 'expiryDate', title: t('licenses.columns.expiryDate'), render: (_, l) => formatDate(l.expiryDate, lang) },
    { key: 'status', title: t('licenses.columns.status'), render: (_, l) => <LicenseStatusTag status={l.status} /> },
    { key: 'reason', title: t('license.fields.issueReason'), render: (_, l) => t(`license.issueReasons.${l.issueReason}`, { defaultValue: l.issueReason }) },
  ];
  const permitColumns: TableProps<Permit>['columns'] = [
    { key: 'number', title: t('record.permitNumber'), render: (_, p) => <bdi className="mono">{p.number}</bdi> },
    {
      key: 'license',
      title: t('record.license'),
      render: (_, p) => (
        <Link to={`/licenses/${p.licenseId}`}>
          <bdi className="mono">{licenseNumber(p.licenseId)}</bdi>
        </Link>
      ),
    },
    { key: 'issueDate', title: t('licenses.columns.issueDate'), render: (_, p) => formatDate(p.issueDate, lang) },
    { key: 'expiryDate', title: t('licenses.columns.expiryDate'), render: (_, p) => formatDate(p.expiryDate, lang) },
    {
      key: 'active',
      title: t('licenses.columns.status'),
      render: (_, p) => (p.active ? <Tag color="green">{t('record.permitActive')}</Tag> : <Tag>{t('record.permitEnded')}</Tag>),
    },
  ];
  const applicationColumns: TableProps<Application>['columns'] = [
    {
      key: 'id',
      title: t('applications.columns.number'),
      render: (_, a) => (
        <Link to={`/applications/${a.id}`}>
          <bdi className="mono">#{a.id}</bdi>
        </Link>
      ),
    },
    { key: 'date', title: t('applications.columns.date'), render: (_, a) => formatDate(a.applicationDate, lang) },
    { key: 'type', title: t('applications.columns.type'), render: (_, a) => t(`application.types.${a.type}`, { defaultValue: a.type }) },
    { key: 'class', title: t('applications.columns.licenseClass'), render: (_, a) => className(a.licenseClassId) },
    { key: 'status', title: t('applications.columns.status'), render: (_, a) => <ApplicationStatusTag status={a.status} /> },
  ];
  const detentionColumns: TableProps<Detention>['columns'] = [
    { key: 'on', title: t('license.detention.detainedOn'), render: (_, d) => formatDate(d.detainedOn, lang) },
    {
      key: 'license',
      title: t('record.license'),
      render: (_, d) => (
        <Link to={`/licenses/${d.licenseId}`}>
          <bdi className="mono">{licenseNumber(d.licenseId)}</bdi>
        </Link>
      ),
    },
    { key: 'fine', title: t('license.detention.fine'), render: (_, d) => <Money fils={d.fine} /> },
    { key: 'reason', title: t('license.detention.reason'), render: (_, d) => <bdi dir="auto">{d.reason}</bdi> },
    {
      key: 'released',
      title: t('record.released'),
      render: (_, d) => (d.releasedAt ? formatDateTime(d.releasedAt, lang) : <Tag color="red">{t('license.statuses.detained')}</Tag>),
    },
  ];
  const billColumns: TableProps<Bill>['columns'] = [
    { key: 'date', title: t('record.billDate'), render: (_, b) => formatDateTime(b.createdAt, lang) },
    { key: 'kind', title: t('record.billKind'), render: (_, b) => t(`bills.kinds.${b.kind}`, { defaultValue: b.kind }) },
    {
      key: 'application',
      title: t('record.application'),
      render: (_, b) => (b.applicationId ? <Link to={`/applications/${b.applicationId}`}>#{b.applicationId}</Link> : t('common.none')),
    },
    { key: 'total', title: t('bills.total'), render: (_, b) => <Money fils={b.total} /> },
    { key: 'status', title: t('licenses.columns.status'), render: (_, b) => <BillStatusTag status={b.status} /> },
    {
      key: 'receipt',
      title: t('record.receipt'),
      render: (_, b) =>
        b.receipt ? (
          <Link to={`/receipts/${encodeURIComponent(b.receipt.number)}`}>
            <bdi className="mono">{b.receipt.number}</bdi>
          </Link>
        ) : (
          t('common.none')
        ),
    },
  ];

  return (
    <div data-testid="driving-record">
      {can('applications.write') && (
        <Flex justify="flex-end" className="toolbar">
          <Button icon={<FileAddOutlined />} onClick={() => setApplying(true)} data-testid="record-new-application">
            {t('applications.new')}
          </Button>
        </Flex>
      )}
      <PointsCard personId={personId} />
      <Section title={t('record.licenses')} rows={newestFirst(r.licenses, (l) => l.issueDate)} columns={licenseColumns} rowKey="id" testId="record-licenses" />
      <Section title={t('record.permits')} rows={newestFirst(r.permits, (p) => p.issueDate)} columns={permitColumns} rowKey="id" testId="record-permits" />
      <Section
        title={t('record.applications')}
        rows={newestFirst(r.applications, (a) => a.createdAt)}
        columns={applicationColumns}
        rowKey="id"
        testId="record-applications"
        expandable={{
          expandedRowRender: (a) => <TestsSummary app={a} />,
          rowExpandable: (a) => a.type === 'new-local-license',
        }}
      />
      <Section title={t('record.detentions')} rows={newestFirst(r.detentions, (d) => d.detainedOn)} columns={detentionColumns} rowKey="id" testId="record-detentions" />
      <PersonViolations personId={personId} />
      <Section title={t('record.bills')} rows={newestFirst(r.bills, (b) => b.paidAt ?? b.createdAt)} columns={billColumns} rowKey="id" testId="record-bills" />
      <NewApplicationModal open={applying} onClose={() => setApplying(false)} personId={personId} />
    </div>
  );
}
