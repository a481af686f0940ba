// Licences: filters (holder, class, number) kept in the address, a server-paged table with
// coloured status tags; a row opens the licence.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Table, Typography, type TableProps } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLicenseClasses } from '../../api/hooks';
import { fetchLicenses, licenseKeys, type License, type LicensesQuery } from '../../api/licensing';
import { clampPaging } from '../../api/query';
import { BothNames } from '../../components/BothNames';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PersonPicker } from '../../components/PersonPicker';
import { LicenseStatusTag } from '../../components/StatusTags';
import { formatDate, localName } from '../../lib/format';
import { useUrlParams } from '../../lib/useUrlParams';
import { pagerTotal } from '../../lib/paging';

const FILTERS = ['personId', 'licenseClassId', 'number'] as const;

export function LicensesListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { params, update, id } = useUrlParams();
  const classes = useLicenseClasses();
  const lang = i18n.language;
  const { page, pageSize } = clampPaging(params.get('page'), params.get('pageSize'));
  const number = (params.get('number') ?? '').trim();
  const [draft, setDraft] = useState(number);
  useEffect(() => setDraft(number), [number]);

  const query: LicensesQuery = {
    personId: id('personId'),
    licenseClassId: id('licenseClassId'),
    number: number || undefined,
    page,
    pageSize,
  };
  const list = useQuery({
    queryKey: licenseKeys.list(query),
    queryFn: ({ signal }) => fetchLicenses(query, signal),
    placeholderData: keepPreviousData,
  });
  const className = (classId: number) => {
    const c = classes.data?.find((x) => x.id === classId);
    return c ? localName(c, lang) : `#${classId}`;
  };
  const filter = (changes: Record<string, string | number | null | undefined>) => update({ ...changes, page: undefined });
  const filtered = FILTERS.some((f) => params.get(f));

  const columns: TableProps<License>['columns'] = [
    {
      key: 'number',
      title: t('licenses.columns.number'),
      render: (_, l) => (
        <Link to={`/licenses/${l.id}`} data-testid="license-link">
          <bdi className="mono">{l.number}</bdi>
        </Link>
      ),
    },
    {
      key: 'holder',
      title: t('licenses.columns.holder'),
      render: (_, l) => <BothNames ar={l.personNameAr} en={l.personNameEn} language={lang} />,
    },
    { key: 'class', title: t('licenses.columns.licenseClass'), render: (_, l) => className(l.licenseClassId) },
    { key: 'issueDate', title: t('licenses.columns.issueDate'), render: (_, l) => formatDate(l.issueDate, lang) },
    { key: 'expiryDate', title: t('licenses.columns.expiryDate'), render: (_, l) => formatDate(l.expiryDate, lang) },
    { key: 'status', title: t('licenses.columns.status'), render: (_, l) => <LicenseStatusTag status={l.status} /> },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} className="page-head">
        <Typography.Title level={1} className="page-title" data-testid="page-title">
          {t('licenses.title')}
        </Typography.Title>
      </Flex>
      <div className="toolbar" role="search" aria-label={t('licenses.filters')}>
        <Flex gap={8} wrap align="center">
          <Input.Search
            id="license-number-search"
            aria-label={t('licenses.numberSearch')}
            placeholder={t('licenses.numberPlaceholder')}
            allowClear
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onSearch={(v) => filter({ number: v.trim().toUpperCase() || undefined })}
            enterButton
            dir="ltr"
            className="toolbar-search mono-input"
            spellCheck={false}
            data-testid="license-number-search"
          />
          <PersonPicker
            aria-label={t('licenses.columns.holder')}
            placeholder={t('applications.anyPerson')}
            value={query.personId ?? null}
            onChange={(v) => filter({ personId: v ?? undefined })}
            className="toolbar-person"
          />
          <Select<number>
            aria-label={t('licenses.columns.licenseClass')}
            placeholder={t('applications.allClasses')}
            allowClear
            value={query.licenseClassId}
            onChange={(v) => filter({ licenseClassId: v })}
            options={(classes.data ?? []).map((c) => ({ value: c.id, label: localName(c, lang) }))}
            className="toolbar-select wide-select"
            popupMatchSelectWidth={false}
          />
          {filtered && (
            <Button icon={<ClearOutlined />} onClick={() => update({ personId: undefined, licenseClassId: undefined, number: undefined, page: undefined })}>
              {t('applications.clearFilters')}
            </Button>
          )}
        </Flex>
      </div>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<License>
        rowKey="id"
        className="licenses-table"
        data-testid="licenses-table"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: filtered ? t('licenses.noMatch') : t('licenses.empty') }}
        pagination={{
          current: page,
          pageSize,
          ...pagerTotal(t, list.data, page, pageSize),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          onChange: (p, size) =>
            update({ page: size !== pageSize || p <= 1 ? undefined : p, pageSize: size === 20 ? undefined : size }),
        }}
        onRow={(l) => ({
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('a,button')) return;
            navigate(`/licenses/${l.id}`);
          },
          className: 'clickable-row',
        })}
      />
    </>
  );
}
