// Vehicles: search by plate, VIN or the owner's national number, and an owner filter, kept in
// the address; a server-paged table with the licence status, seizure and lien; "Register
// vehicle" for those who may.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Table, Typography, type TableProps } from 'antd';
import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { clampPaging } from '../../api/query';
import { fetchVehicles, vehicleKeys, type VehicleSummary, type VehiclesQuery } from '../../api/vehicles';
import { BothNames } from '../../components/BothNames';
import { ErrorAlert } from '../../components/ErrorAlert';
import { GuardedButton } from '../../components/GuardedButton';
import { PersonPicker } from '../../components/PersonPicker';
import { VehicleTags } from '../../components/StatusTags';
import { formatDate } from '../../lib/format';
import { serverToday } from '../../lib/clock';
import { useUrlParams } from '../../lib/useUrlParams';
import { usePermissions } from '../../lib/usePermissions';
import { vehicleStatus } from '../../lib/vehicles';
import { RegisterVehicleModal } from './RegisterVehicleModal';
import { pagerTotal } from '../../lib/paging';

export function VehiclesListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const { params, update, id } = useUrlParams();
  const lang = i18n.language;
  const { page, pageSize } = clampPaging(params.get('page'), params.get('pageSize'));
  const q = (params.get('q') ?? '').trim();
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const [registering, setRegistering] = useState(false);
  const today = serverToday();

  const query: VehiclesQuery = { q: q || undefined, ownerPersonId: id('ownerPersonId'), page, pageSize };
  const list = useQuery({
    queryKey: vehicleKeys.list(query),
    queryFn: ({ signal }) => fetchVehicles(query, signal),
    placeholderData: keepPreviousData,
  });
  const filter = (changes: Record<string, string | number | null | undefined>) => update({ ...changes, page: undefined });
  const filtered = !!(q || query.ownerPersonId);

  const columns: TableProps<VehicleSummary>['columns'] = [
    {
      key: 'plate',
      title: t('vehicles.columns.plate'),
      render: (_, v) => (
        <Link to={`/vehicles/${v.id}`} data-testid="vehicle-link">
          <bdi className="mono plate-text">{v.plate}</bdi>
        </Link>
      ),
    },
    { key: 'vin', title: t('vehicles.columns.vin'), render: (_, v) => <bdi className="mono small">{v.vin}</bdi> },
    {
      key: 'vehicle',
      title: t('vehicles.columns.vehicle'),
      render: (_, v) => (
        <bdi dir="ltr">
          {v.make} {v.model} <span className="muted">{v.year}</span>
        </bdi>
      ),
    },
    {
      key: 'owner',
      title: t('vehicles.columns.owner'),
      render: (_, v) => <BothNames ar={v.ownerNameAr} en={v.ownerNameEn} language={lang} />,
    },
    { key: 'expiry', title: t('vehicles.columns.expiry'), render: (_, v) => formatDate(v.licenseExpiryDate, lang) },
    {
      key: 'status',
      title: t('vehicles.columns.status'),
      render: (_, v) => <VehicleTags status={vehicleStatus(v, today)} seized={v.seized} lien={v.lien} />,
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} className="page-head">
        <Typography.Title level={1} className="page-title" data-testid="page-title">
          {t('vehicles.title')}
        </Typography.Title>
        {can('vehicles.write') && (
          <GuardedButton
            type="primary"
            icon={<PlusOutlined />}
            reason={can('payments.collect') ? null : t('vehicles.needsCashier')}
            onClick={() => setRegistering(true)}
            data-testid="register-vehicle"
          >
            {t('vehicles.register')}
          </GuardedButton>
        )}
      </Flex>
      <div className="toolbar" role="search" aria-label={t('vehicles.filters')}>
        <Flex gap={8} wrap align="center">
          <Input.Search
            id="vehicle-search"
            aria-label={t('vehicles.search')}
            placeholder={t('vehicles.searchPlaceholder')}
            allowClear
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onSearch={(v) => filter({ q: v.trim().toUpperCase() || undefined })}
            enterButton
            dir="ltr"
            className="toolbar-search wide-search mono-input"
            spellCheck={false}
            maxLength={40}
            data-testid="vehicle-search"
          />
          <PersonPicker
            aria-label={t('vehicles.columns.owner')}
            placeholder={t('vehicles.anyOwner')}
            value={query.ownerPersonId ?? null}
            onChange={(v) => filter({ ownerPersonId: v ?? undefined })}
            className="toolbar-person"
          />
          {filtered && (
            <Button icon={<ClearOutlined />} onClick={() => update({ q: undefined, ownerPersonId: undefined, page: undefined })}>
              {t('applications.clearFilters')}
            </Button>
          )}
        </Flex>
      </div>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<VehicleSummary>
        rowKey="id"
        data-testid="vehicles-table"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: filtered ? t('vehicles.noMatch') : t('vehicles.empty') }}
        pagination={{
          current: page,
          pageSize,
          ...pagerTotal(t, list.data, page, pageSize),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          onChange: (p, size) =>
            update({ page: size !== pageSize || p <= 1 ? undefined : p, pageSize: size === 20 ? undefined : size }),
        }}
        onRow={(v) => ({
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('a,button')) return;
            navigate(`/vehicles/${v.id}`);
          },
          className: 'clickable-row',
        })}
      />
      <RegisterVehicleModal open={registering} onClose={() => setRegistering(false)} ownerPersonId={query.ownerPersonId} />
    </>
  );
}
