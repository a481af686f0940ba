// Violations: filters (person, vehicle, status) kept in the address, a server-paged table with
// the row actions the role may take (dispute, decide, pay the fine); "Record violation" for
// officers.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Select, Typography } from 'antd';
import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { clampPaging } from '../../api/query';
import { VIOLATION_STATUSES, fetchViolations, violationKeys, type ViolationStatus, type ViolationsQuery } from '../../api/violations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PersonPicker } from '../../components/PersonPicker';
import { VehiclePicker } from '../../components/VehiclePicker';
import { ViolationsTable } from '../../components/ViolationsTable';
import { useUrlParams } from '../../lib/useUrlParams';
import { usePermissions } from '../../lib/usePermissions';
import { RecordViolationModal } from './RecordViolationModal';
import { pagerTotal } from '../../lib/paging';

export function ViolationsListPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const { params, update, id, oneOf } = useUrlParams();
  const { page, pageSize } = clampPaging(params.get('page'), params.get('pageSize'));
  const [recording, setRecording] = useState(false);
  const query: ViolationsQuery = {
    personId: id('personId'),
    vehicleId: id('vehicleId'),
    status: oneOf('status', VIOLATION_STATUSES),
    page,
    pageSize,
  };
  const list = useQuery({
    queryKey: violationKeys.list(query),
    queryFn: ({ signal }) => fetchViolations(query, signal),
    placeholderData: keepPreviousData,
  });
  const filter = (changes: Record<string, string | number | null | undefined>) => update({ ...changes, page: undefined });
  const filtered = !!(query.personId || query.vehicleId || query.status);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} className="page-head">
        <Typography.Title level={1} className="page-title" data-testid="page-title">
          {t('violations.title')}
        </Typography.Title>
        {can('violations.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="record-violation">
            {t('violations.record')}
          </Button>
        )}
      </Flex>
      <div className="toolbar" role="search" aria-label={t('violations.filters')}>
        <Flex gap={8} wrap align="center">
          <PersonPicker
            aria-label={t('violations.columns.person')}
            placeholder={t('applications.anyPerson')}
            value={query.personId ?? null}
            onChange={(v) => filter({ personId: v ?? undefined })}
            className="toolbar-person"
          />
          <VehiclePicker
            aria-label={t('violations.columns.vehicle')}
            placeholder={t('violations.anyVehicle')}
            value={query.vehicleId ?? null}
            onChange={(v) => filter({ vehicleId: v ?? undefined })}
            className="toolbar-person"
          />
          <Select<ViolationStatus>
            aria-label={t('violations.columns.status')}
            placeholder={t('violations.anyStatus')}
            allowClear
            value={query.status}
            onChange={(v) => filter({ status: v })}
            options={VIOLATION_STATUSES.map((s) => ({ value: s, label: t(`violations.statuses.${s}`) }))}
            className="toolbar-select"
            data-testid="violation-status-filter"
          />
          {filtered && (
            <Button
              icon={<ClearOutlined />}
              onClick={() => update({ personId: undefined, vehicleId: undefined, status: undefined, page: undefined })}
            >
              {t('applications.clearFilters')}
            </Button>
          )}
        </Flex>
      </div>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <ViolationsTable
        rows={list.data?.items ?? []}
        loading={list.isFetching}
        emptyText={filtered ? t('violations.noMatch') : t('violations.empty')}
        pagination={{
          current: page,
          pageSize,
          ...pagerTotal(t, list.data, page, pageSize),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          onChange: (p, size) =>
            update({ page: size !== pageSize || p <= 1 ? undefined : p, pageSize: size === 20 ? undefined : size }),
        }}
      />
      <RecordViolationModal
        open={recording}
        onClose={() => setRecording(false)}
        vehicleId={query.vehicleId}
        onRecorded={() => filter({ status: undefined })}
      />
    </>
  );
}
