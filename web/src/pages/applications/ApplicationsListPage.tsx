// Applications: filters (status, service, licence class, office, date range, person) kept in the
// address, a server-paged table, and "New licence application" for clerks.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Select, Table, Typography, type TableProps } from 'antd';
import { ClearOutlined, FileAddOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useBranches, useLicenseClasses } from '../../api/hooks';
import {
  APPLICATION_STATUSES,
  APPLICATION_TYPES,
  applicationKeys,
  fetchApplications,
  type Application,
  type ApplicationsQuery,
} from '../../api/licensing';
import { clampPaging } from '../../api/query';
import { BothNames } from '../../components/BothNames';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PersonPicker } from '../../components/PersonPicker';
import { ApplicationStatusTag } from '../../components/StatusTags';
import { formatDate, localName } from '../../lib/format';
import { usePermissions } from '../../lib/usePermissions';
import { useUrlParams } from '../../lib/useUrlParams';
import { NewApplicationModal } from './NewApplicationModal';
import { pagerTotal } from '../../lib/paging';

const FILTERS = ['status', 'type', 'licenseClassId', 'branchId', 'from', 'to', 'personId'] as const;

export function ApplicationsListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const { params, update, id, oneOf, date } = useUrlParams();
  const [creating, setCreating] = useState(false);
  const classes = useLicenseClasses();
  const branches = useBranches();
  const lang = i18n.language;
  const { page, pageSize } = clampPaging(params.get('page'), params.get('pageSize'));

  const query: ApplicationsQuery = {
    status: oneOf('status', APPLICATION_STATUSES),
    type: oneOf('type', APPLICATION_TYPES),
    licenseClassId: id('licenseClassId'),
    branchId: id('branchId'),
    from: date('from'),
    to: date('to'),
    personId: id('personId'),
    page,
    pageSize,
  };
  const list = useQuery({
    queryKey: applicationKeys.list(query),
    queryFn: ({ signal }) => fetchApplications(query, signal),
    placeholderData: keepPreviousData,
  });

  const className = (classId: number | null) => {
    if (classId === null) return t('common.none');
    const c = classes.data?.find((x) => x.id === classId);
    return c ? localName(c, lang) : `#${classId}`;
  };
  const branchName = (branchId: number) => {
    const b = branches.data?.find((x) => x.id === branchId);
    return b ? localName(b, lang) : `#${branchId}`;
  };
  const filter = (changes: Record<string, string | number | null | undefined>) => update({ ...changes, page: undefined });
  const filtered = FILTERS.some((f) => params.get(f));

  const columns: TableProps<Application>['columns'] = [
    {
      key: 'id',
      title: t('applications.columns.number'),
      render: (_, a) => (
        <Link to={`/applications/${a.id}`} data-testid="application-link">
          <bdi className="mono">#{a.id}</bdi>
        </Link>
      ),
    },
    {
      key: 'person',
      title: t('applications.columns.person'),
      render: (_, a) => <BothNames ar={a.personNameAr} en={a.personNameEn} language={lang} />,
    },
    { key: 'type', title: t('applications.columns.type'), render: (_, a) => t(`application.types.${a.type}`, { defaultValue: a.type }) },
    { key: 'class', title: t('applications.columns.licenseClass'), render: (_, a) => className(a.licenseClassId) },
    { key: 'status', title: t('applications.columns.status'), render: (_, a) => <ApplicationStatusTag status={a.status} /> },
    { key: 'date', title: t('applications.columns.date'), render: (_, a) => formatDate(a.applicationDate, lang) },
    { key: 'branch', title: t('applications.columns.branch'), render: (_, a) => branchName(a.branchId) },
  ];

  const from = query.from ? dayjs(query.from, 'YYYY-MM-DD') : null;
  const to = query.to ? dayjs(query.to, 'YYYY-MM-DD') : null;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} className="page-head">
        <Typography.Title level={1} className="page-title" data-testid="page-title">
          {t('applications.title')}
        </Typography.Title>
        {can('applications.write') && (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setCreating(true)} data-testid="new-application">
            {t('applications.new')}
          </Button>
        )}
      </Flex>
      <div className="toolbar" role="search" aria-label={t('applications.filters')}>
        <Flex gap={8} wrap align="center">
          <Select
            aria-label={t('applications.columns.status')}
            placeholder={t('applications.allStatuses')}
            allowClear
            value={query.status}
            onChange={(v) => filter({ status: v })}
            options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`application.statuses.${s}`) }))}
            className="toolbar-select"
            data-testid="filter-status"
          />
          <Select
            aria-label={t('applications.columns.type')}
            placeholder={t('applications.allTypes')}
            allowClear
            value={query.type}
            onChange={(v) => filter({ type: v })}
            options={APPLICATION_TYPES.map((s) => ({ value: s, label: t(`application.types.${s}`) }))}
            className="toolbar-select wide-select"
            popupMatchSelectWidth={false}
          />
          <Select<number>
            aria-label={t('applications.columns.licenseClass')}
            placeholder={t('applications.allClasses')}
            allowClear
            value={query.licenseClassId}
            onChange={(v) => filter({ licenseClassId: v })}
            options={(classes.data ?? []).map((c) => ({ value: c.id, label: localName(c, lang) }))}
            className="toolbar-select wide-select"
            popupMatchSelectWidth={false}
          />
          <Select<number>
            aria-label={t('applications.columns.branch')}
            placeholder={t('staff.allBranches')}
            allowClear
            value={query.branchId}
            onChange={(v) => filter({ branchId: v })}
            options={(branches.data ?? []).map((b) => ({ value: b.id, label: localName(b, lang) }))}
            className="toolbar-select"
          />
          <DatePicker.RangePicker
            aria-label={t('applications.dateRange')}
            value={[from, to]}
            allowEmpty={[true, true]}
            placeholder={[t('applications.from'), t('applications.to')]}
            onChange={(range) =>
              filter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
            data-testid="filter-dates"
          />
          <PersonPicker
            aria-label={t('applications.columns.person')}
            placeholder={t('applications.anyPerson')}
            value={query.personId ?? null}
            onChange={(v) => filter({ personId: v ?? undefined })}
            className="toolbar-person"
          />
          {filtered && (
            <Button
              icon={<ClearOutlined />}
              onClick={() => update(Object.fromEntries([...FILTERS, 'page'].map((f) => [f, undefined])))}
            >
              {t('applications.clearFilters')}
            </Button>
          )}
        </Flex>
      </div>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Application>
        rowKey="id"
        className="applications-table"
        data-testid="applications-table"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: filtered ? t('applications.noMatch') : t('applications.empty') }}
        pagination={{
          current: page,
          pageSize,
          ...pagerTotal(t, list.data, page, pageSize),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          onChange: (p, size) =>
            update({ page: size !== pageSize || p <= 1 ? undefined : p, pageSize: size === 20 ? undefined : size }),
        }}
        onRow={(a) => ({
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('a,button')) return;
            navigate(`/applications/${a.id}`);
          },
          className: 'clickable-row',
        })}
      />
      <NewApplicationModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
