// People: one search box (national number, document number, phone, or name prefix in either
// script) over a server-paged, server-sorted table. The search, page and order live in the URL,
// so Back from a person returns to the same result page.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Table, Tag, Typography, type TableProps } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCountries } from '../../api/hooks';
import { PEOPLE_SORTS, peopleKeys, searchPeople, type PeopleSort, type Person } from '../../api/people';
import { clampPaging } from '../../api/query';
import { BothNames, PersonDocument } from '../../components/BothNames';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, localName } from '../../lib/format';
import { usePermissions } from '../../lib/usePermissions';
import { pagerTotal } from '../../lib/paging';

const DEFAULT_SORT: PeopleSort = 'name';

function parseSort(value: string | null): PeopleSort {
  return (PEOPLE_SORTS as readonly string[]).includes(value ?? '') ? (value as PeopleSort) : DEFAULT_SORT;
}

export function PeopleListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const { page, pageSize } = clampPaging(params.get('page'), params.get('pageSize'));
  const sort = parseSort(params.get('sort'));
  const [draft, setDraft] = useState(q);
  const countries = useCountries();
  const lang = i18n.language;

  const query = { q: q || undefined, page, pageSize, sort };
  const people = useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: ({ signal }) => searchPeople(query, signal),
    placeholderData: keepPreviousData,
  });

  const countryName = useMemo(() => {
    const map = new Map((countries.data ?? []).map((c) => [c.code, c]));
    return (code: string) => {
      const c = map.get(code);
      return c ? localName(c, lang) : code;
    };
  }, [countries.data, lang]);

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: false });
  };

  const orderOf = (key: string) => (sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null);

  const columns: TableProps<Person>['columns'] = [
    {
      key: 'document',
      title: t('people.columns.document'),
      render: (_, p) => <PersonDocument person={p} />,
    },
    {
      key: 'name',
      title: t('people.columns.name'),
      sorter: true,
      sortOrder: orderOf('name'),
      sortDirections: ['ascend', 'descend', 'ascend'],
      render: (_, p) => (
        <Link to={`/people/${p.id}`} className="person-link" data-testid="person-link">
          <BothNames ar={p.fullNameAr} en={p.fullNameEn} language={lang} />
        </Link>
      ),
    },
    {
      key: 'dateOfBirth',
      title: t('people.columns.dateOfBirth'),
      sorter: true,
      sortOrder: orderOf('dateOfBirth'),
      sortDirections: ['ascend', 'descend', 'ascend'],
      render: (_, p) => formatDate(p.dateOfBirth, lang),
    },
    {
      key: 'gender',
      title: t('people.columns.gender'),
      render: (_, p) => t(`person.genders.${p.gender}`),
    },
    {
      key: 'nationality',
      title: t('people.columns.nationality'),
      render: (_, p) => countryName(p.nationalityCode),
    },
    {
      key: 'phone',
      title: t('people.columns.phone'),
      render: (_, p) => (p.phone ? <bdi dir="ltr" className="mono">{p.phone}</bdi> : t('common.none')),
    },
    {
      key: 'status',
      title: <span className="visually-hidden">{t('people.columns.status')}</span>,
      render: (_, p) => (p.deceased ? <Tag color="default">{t('person.deceasedTag')}</Tag> : null),
    },
  ];

  const onChange: TableProps<Person>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = String(s?.columnKey ?? 'name');
      const next = s?.order === 'descend' ? `-${key}` : key;
      update({ sort: next === DEFAULT_SORT ? undefined : next, page: undefined });
    } else if (extra.action === 'paginate') {
      update({
        page: pagination.current && pagination.current > 1 ? pagination.current : undefined,
        pageSize: pagination.pageSize && pagination.pageSize !== 20 ? pagination.pageSize : undefined,
      });
    }
  };

  const search = (value: string) => {
    setDraft(value);
    update({ q: value.trim() || undefined, page: undefined });
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} className="page-head">
        <Typography.Title level={1} className="page-title" data-testid="page-title">
          {t('people.title')}
        </Typography.Title>
        {can('people.write') && (
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => navigate('/people/new')}
            data-testid="register-person"
          >
            {t('people.register')}
          </Button>
        )}
      </Flex>
      <div className="people-search" role="search">
        <label htmlFor="people-search" className="visually-hidden">
          {t('people.searchLabel')}
        </label>
        <Input.Search
          id="people-search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={search}
          allowClear
          enterButton={t('common.search')}
          placeholder={t('people.searchPlaceholder')}
          size="large"
          autoComplete="off"
          spellCheck={false}
          dir="auto"
          data-testid="people-search"
        />
      </div>
      {people.isError && <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />}
      <Table<Person>
        rowKey="id"
        className="people-table"
        data-testid="people-table"
        columns={columns}
        dataSource={people.data?.items ?? []}
        loading={people.isFetching}
        onChange={onChange}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: q ? t('people.noMatch', { q }) : t('people.empty') }}
        pagination={{
          current: page,
          pageSize,
          ...pagerTotal(t, people.data, page, pageSize, 'people.totalAtLeast'),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
        }}
        onRow={(p) => ({
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('a,button')) return;
            navigate(`/people/${p.id}`);
          },
          className: 'clickable-row',
        })}
      />
    </>
  );
}
