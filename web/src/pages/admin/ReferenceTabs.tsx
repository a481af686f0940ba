// Reference data tabs: offices (branches), licence classes, services (application types), tests
// and violation types. Everyone with access reads them; reference.manage edits names, limits,
// fees, fines and points. Money is edited in JOD and sent as integer fils.
import { useState } from 'react';
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Switch, Table, Tag, type TableProps } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import {
  updateViolationType,
  violationKeys,
  fetchViolationTypes,
  type ViolationType,
} from '../../api/violations';
import {
  createBranch,
  fetchApplicationTypes,
  fetchBranches,
  fetchLicenseClasses,
  fetchTestTypes,
  referenceKeys,
  updateApplicationType,
  updateBranch,
  updateLicenseClass,
  updateTestType,
  type Branch,
  type BranchInput,
  type FeeItemInput,
} from '../../api/reference';
import { BothNames } from '../../components/BothNames';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { Money } from '../../components/Money';
import { filsToJod, jodToFils } from '../../lib/money';
import { usePermissions } from '../../lib/usePermissions';

/** Arabic and English names, each in its own direction. */
function NameCell({ ar, en }: { ar: string; en: string }) {
  return <BothNames ar={ar} en={en} />;
}

function NameFields({ prefix = 'name', labelKey = 'reference.fields.name' }: { prefix?: string; labelKey?: string }) {
  const { t } = useTranslation();
  const items = [
    { name: `${prefix}Ar`, script: 'ar' as const },
    { name: `${prefix}En`, script: 'en' as const },
  ];
  return (
    <Row gutter={12}>
      {items.map(({ name, script }) => {
        const label = `${t(labelKey)} (${t(`person.scripts.${script}`)})`;
        return (
          <Col xs={24} sm={12} key={name}>
            <Form.Item
              name={name}
              label={label}
              rules={[
                { required: true, whitespace: true, message: t('validation.requiredField', { field: label }) },
                { max: 100, message: t('validation.maxLength', { max: 100 }) },
              ]}
            >
              <Input dir={script === 'ar' ? 'rtl' : 'ltr'} lang={script} autoComplete="off" />
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}

/** The server's ceiling for any fee: 10,000 JOD. */
const MAX_FEE_FILS = 10_000_000;

/**
 * Fee in JOD (three decimals), kept as a string so no float creeps in. No min/max on the input:
 * it would silently clamp what was typed; the rule below says what is wrong instead.
 */
function FeeField({ name = 'fee', labelKey = 'reference.fields.feeJod', fieldKey = 'reference.fields.fee' }: { name?: string; labelKey?: string; fieldKey?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={t(labelKey)}
      rules={[
        { required: true, message: t('validation.requiredField', { field: t(fieldKey) }) },
        {
          validator: (_, v: string | number | null | undefined) => {
            if (v === null || v === undefined || v === '') return Promise.resolve();
            const fils = jodToFils(v);
            return fils !== null && fils >= 0 && fils <= MAX_FEE_FILS ? Promise.resolve() : Promise.reject(new Error(t('validation.money')));
          },
        },
      ]}
    >
      <InputNumber<string>
        stringMode
        step="0.5"
        precision={3}
        dir="ltr"
        className="full-width"
        suffix={t('reference.currency')}
        data-testid={`${name}-input`}
      />
    </Form.Item>
  );
}

function useList<T>(key: QueryKey, fetcher: (signal?: AbortSignal) => Promise<T[]>) {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => fetcher(signal) });
}

function editColumn<T>(t: (k: string, o?: Record<string, unknown>) => string, onEdit: (row: T) => void, name: (row: T) => string) {
  return {
    key: 'actions',
    title: t('common.actions'),
    render: (_: unknown, row: T) => (
      <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(row)} aria-label={t('reference.editFor', { name: name(row) })}>
        {t('common.edit')}
      </Button>
    ),
  };
}

// ---------------------------------------------------------------- branches
export function BranchesTab() {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const branches = useList(referenceKeys.branches, fetchBranches);
  const [editing, setEditing] = useState<Branch | 'new' | null>(null);
  const manage = can('reference.manage');
  const ar = i18n.language === 'ar';

  const columns: TableProps<Branch>['columns'] = [
    { key: 'code', title: t('reference.fields.code'), render: (_, b) => <bdi className="mono">{b.code}</bdi> },
    { key: 'name', title: t('reference.fields.name'), render: (_, b) => <NameCell ar={b.nameAr} en={b.nameEn} /> },
    { key: 'city', title: t('reference.fields.city'), render: (_, b) => <NameCell ar={b.cityAr} en={b.cityEn} /> },
    {
      key: 'active',
      title: t('reference.fields.active'),
      render: (_, b) => (b.active ? <Tag color="green">{t('staff.active')}</Tag> : <Tag>{t('staff.inactive')}</Tag>),
    },
  ];
  if (manage) columns.push(editColumn<Branch>(t, setEditing, (b) => (ar ? b.nameAr : b.nameEn)));

  const current = editing === 'new' ? null : editing;
  return (
    <>
      {manage && (
        <div className="toolbar toolbar-end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('reference.addBranch')}
          </Button>
        </div>
      )}
      {branches.isError && <ErrorAlert error={branches.error} onRetry={() => void branches.refetch()} />}
      <Table<Branch>
        rowKey="id"
        columns={columns}
        dataSource={branches.data ?? []}
        loading={branches.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="branches-table"
      />
      <FormModal<BranchInput>
        open={editing !== null}
        name="branch"
        title={current ? t('reference.editBranch', { name: ar ? current.nameAr : current.nameEn }) : t('reference.addBranch')}
        fields={['code', 'nameAr', 'nameEn', 'cityAr', 'cityEn', 'active']}
        initialValues={current ?? { active: true }}
        onClose={() => setEditing(null)}
        width={640}
        onSubmit={async (v) => {
          const input: BranchInput = {
            code: v.code.trim().toUpperCase(),
            nameAr: v.nameAr.trim(),
            nameEn: v.nameEn.trim(),
            cityAr: v.cityAr.trim(),
            cityEn: v.cityEn.trim(),
            active: !!v.active,
          };
          if (current) await updateBranch(current.id, input);
          else await createBranch(input);
          void queryClient.invalidateQueries({ queryKey: referenceKeys.branches });
          void message.success(t('reference.saved'));
        }}
      >
        {() => (
          <>
            <Form.Item
              name="code"
              label={t('reference.fields.code')}
              rules={[
                { required: true, whitespace: true, message: t('validation.requiredField', { field: t('reference.fields.code') }) },
                { pattern: /^[A-Z]{2,8}$/, message: t('reference.codeHint') },
              ]}
              normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
              extra={current ? t('reference.codeFixed') : undefined}
            >
              <Input dir="ltr" className="mono" autoComplete="off" maxLength={8} disabled={!!current} />
            </Form.Item>
            <NameFields />
            <NameFields prefix="city" labelKey="reference.fields.city" />
            <Form.Item name="active" label={t('reference.fields.open')} valuePropName="checked" required>
              <Switch />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}

// ---------------------------------------------------------------- fee items
interface FeeRow {
  id: number;
  code: string;
  nameAr: string;
  nameEn: string;
  fee: number;
  sequence?: number;
  minimumAge?: number;
  validityYears?: number;
}

interface FeeValues {
  nameAr: string;
  nameEn: string;
  fee: string;
  minimumAge?: number;
  validityYears?: number;
}

function FeeItemsTab<T extends FeeRow>({
  kind,
  queryKey,
  fetcher,
  save,
  extraColumns = [],
  limits = false,
  testId,
}: {
  kind: 'licenseClass' | 'service' | 'test';
  queryKey: QueryKey;
  fetcher: (signal?: AbortSignal) => Promise<T[]>;
  save: (row: T, input: FeeItemInput & { minimumAge?: number; validityYears?: number }) => Promise<unknown>;
  extraColumns?: NonNullable<TableProps<T>['columns']>;
  limits?: boolean;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useList(queryKey, fetcher);
  const [editing, setEditing] = useState<T | null>(null);
  const manage = can('reference.manage');
  const ar = i18n.language === 'ar';
  const nameOf = (r: T) => (ar ? r.nameAr : r.nameEn);

  const columns: NonNullable<TableProps<T>['columns']> = [
    { key: 'code', title: t('reference.fields.code'), render: (_, r) => <bdi className="mono">{r.code}</bdi> },
    { key: 'name', title: t('reference.fields.name'), render: (_, r) => <NameCell ar={r.nameAr} en={r.nameEn} /> },
    ...extraColumns,
    { key: 'fee', title: t('reference.fields.fee'), align: 'end', render: (_, r) => <Money fils={r.fee} /> },
  ];
  if (manage) columns.push(editColumn<T>(t, setEditing, nameOf));

  return (
    <>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<T>
        rowKey="id"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
      />
      <FormModal<FeeValues>
        open={!!editing}
        name={`edit-${kind}`}
        title={t(`reference.edit.${kind}`, { name: editing ? nameOf(editing) : '' })}
        fields={['nameAr', 'nameEn', 'fee', 'minimumAge', 'validityYears']}
        initialValues={
          editing
            ? {
                nameAr: editing.nameAr,
                nameEn: editing.nameEn,
                fee: filsToJod(editing.fee),
                minimumAge: editing.minimumAge,
                validityYears: editing.validityYears,
              }
            : undefined
        }
        onClose={() => setEditing(null)}
        width={640}
        onSubmit={async (v) => {
          if (!editing) return;
          const fee = jodToFils(v.fee);
          if (fee === null) throw new Error(t('validation.money'));
          const input: FeeItemInput & { minimumAge?: number; validityYears?: number } = {
            nameAr: v.nameAr.trim(),
            nameEn: v.nameEn.trim(),
            fee,
          };
          if (limits) {
            input.minimumAge = v.minimumAge;
            input.validityYears = v.validityYears;
          }
          await save(editing, input);
          void queryClient.invalidateQueries({ queryKey });
          void message.success(t('reference.saved'));
        }}
      >
        {() => (
          <>
            <NameFields />
            {limits && (
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="minimumAge"
                    label={t('reference.fields.minimumAge')}
                    rules={[{ required: true, type: 'integer', min: 16, max: 99, message: t('validation.range', { min: 16, max: 99 }) }]}
                  >
                    <InputNumber precision={0} dir="ltr" className="full-width" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="validityYears"
                    label={t('reference.fields.validityYears')}
                    rules={[{ required: true, type: 'integer', min: 1, max: 20, message: t('validation.range', { min: 1, max: 20 }) }]}
                  >
                    <InputNumber precision={0} dir="ltr" className="full-width" />
                  </Form.Item>
                </Col>
              </Row>
            )}
            <FeeField />
          </>
        )}
      </FormModal>
    </>
  );
}

export function LicenseClassesTab() {
  const { t } = useTranslation();
  return (
    <FeeItemsTab
      kind="licenseClass"
      testId="license-classes-table"
      queryKey={referenceKeys.licenseClasses}
      fetcher={fetchLicenseClasses}
      limits
      save={(row, input) =>
        updateLicenseClass(row.id, {
          nameAr: input.nameAr,
          nameEn: input.nameEn,
          fee: input.fee,
          minimumAge: input.minimumAge ?? row.minimumAge,
          validityYears: input.validityYears ?? row.validityYears,
        })
      }
      extraColumns={[
        { key: 'minimumAge', title: t('reference.fields.minimumAge'), align: 'end', render: (_, r) => r.minimumAge },
        { key: 'validityYears', title: t('reference.fields.validityYears'), align: 'end', render: (_, r) => r.validityYears },
      ]}
    />
  );
}

export function ApplicationTypesTab() {
  return (
    <FeeItemsTab
      kind="service"
      testId="application-types-table"
      queryKey={referenceKeys.applicationTypes}
      fetcher={fetchApplicationTypes}
      save={(row, input) => updateApplicationType(row.id, input)}
    />
  );
}

export function TestTypesTab() {
  const { t } = useTranslation();
  return (
    <FeeItemsTab
      kind="test"
      testId="test-types-table"
      queryKey={referenceKeys.testTypes}
      fetcher={async (signal) => (await fetchTestTypes(signal)).sort((a, b) => a.sequence - b.sequence)}
      save={(row, input) => updateTestType(row.id, input)}
      extraColumns={[{ key: 'sequence', title: t('reference.fields.sequence'), align: 'end', render: (_, r) => r.sequence }]}
    />
  );
}

// ---------------------------------------------------------------- violation types
interface ViolationTypeValues {
  nameAr: string;
  nameEn: string;
  fine: string;
  points: number;
}

/** The most points a violation type may carry. */
const MAX_POINTS = 30;

export function ViolationTypesTab() {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useList(violationKeys.types, fetchViolationTypes);
  const [editing, setEditing] = useState<ViolationType | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const manage = can('reference.manage');
  const ar = i18n.language === 'ar';
  const nameOf = (r: ViolationType) => (ar ? r.nameAr : r.nameEn);

  const columns: NonNullable<TableProps<ViolationType>['columns']> = [
    { key: 'code', title: t('reference.fields.code'), render: (_, r) => <bdi className="mono">{r.code}</bdi> },
    { key: 'name', title: t('reference.fields.name'), render: (_, r) => <NameCell ar={r.nameAr} en={r.nameEn} /> },
    { key: 'fine', title: t('reference.fields.fine'), align: 'end', render: (_, r) => <Money fils={r.fine} /> },
    { key: 'points', title: t('reference.fields.points'), align: 'end', render: (_, r) => <bdi>{r.points}</bdi> },
  ];
  if (manage) columns.push(editColumn<ViolationType>(t, setEditing, nameOf));

  return (
    <>
      {unavailable && (
        <Alert type="info" showIcon className="block-alert" title={t('errors.feature-unavailable')} data-testid="violation-types-readonly" />
      )}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<ViolationType>
        rowKey="id"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="violation-types-table"
      />
      <FormModal<ViolationTypeValues>
        open={!!editing}
        name="edit-violation-type"
        title={t('reference.edit.violationType', { name: editing ? nameOf(editing) : '' })}
        fields={['nameAr', 'nameEn', 'fine', 'points']}
        initialValues={editing ? { nameAr: editing.nameAr, nameEn: editing.nameEn, fine: filsToJod(editing.fine), points: editing.points } : undefined}
        onClose={() => setEditing(null)}
        width={640}
        onSubmit={async (v) => {
          if (!editing) return;
          const fine = jodToFils(v.fine);
          if (fine === null) throw new Error(t('validation.money'));
          try {
            await updateViolationType(editing.id, { nameAr: v.nameAr.trim(), nameEn: v.nameEn.trim(), fine, points: v.points });
          } catch (e) {
            if (isApiError(e) && e.code === 'feature-unavailable') setUnavailable(true);
            throw e;
          }
          void queryClient.invalidateQueries({ queryKey: violationKeys.types });
          void message.success(t('reference.saved'));
        }}
      >
        {() => (
          <>
            <NameFields />
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <FeeField name="fine" labelKey="reference.fields.fineJod" fieldKey="reference.fields.fine" />
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="points"
                  label={t('reference.fields.points')}
                  rules={[
                    { required: true, message: t('validation.requiredField', { field: t('reference.fields.points') }) },
                    { type: 'integer', min: 0, max: MAX_POINTS, message: t('validation.range', { min: 0, max: MAX_POINTS }) },
                  ]}
                >
                  <InputNumber precision={0} dir="ltr" className="full-width" data-testid="points-input" />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
      </FormModal>
    </>
  );
}
