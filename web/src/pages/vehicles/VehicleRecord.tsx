// The sections of a vehicle's record, each a table with what the signed-in role may add:
// insurance policies (insurance.write), technical inspections (inspections.write), liens
// (vehicles.write: place and lift), seizures (licenses.detain: place and lift), the ownership
// history, and ownership transfers (vehicles.write: start one, accept the pending one paying
// the fee).
import { useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Empty, Flex, Form, Input, InputNumber, Popconfirm, Radio, Table, Tag, type TableProps } from 'antd';
import { PlusOutlined, SwapOutlined, UnlockOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../api/licensing';
import {
  acceptTransfer,
  addInspection,
  addInsurance,
  liftLien,
  liftSeizure,
  placeLien,
  placeSeizure,
  startTransfer,
  vehicleKeys,
  type Inspection,
  type InsurancePolicy,
  type Lien,
  type Owner,
  type Seizure,
  type Transfer,
  type Vehicle,
} from '../../api/vehicles';
import { FormModal } from '../../components/FormModal';
import { GuardedButton } from '../../components/GuardedButton';
import { Money } from '../../components/Money';
import { PayNowField } from '../../components/PayNowField';
import { PersonLink } from '../../components/PersonLink';
import { PersonPicker } from '../../components/PersonPicker';
import { TransferStatusTag } from '../../components/StatusTags';
import { errorMessage, serverDetail } from '../../i18n/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { serverToday, serverTodayDayjs } from '../../lib/clock';
import { newestFirst } from '../../lib/licensing';
import { formatFils, jodToFils } from '../../lib/money';
import { useIdempotency } from '../../lib/useIdempotency';
import { usePermissions } from '../../lib/usePermissions';
import { pendingTransfer, transferFeeFils } from '../../lib/vehicles';

/** Largest lien the form accepts: 10,000,000 JOD. */
const MAX_LIEN_FILS = 10_000_000_000;

/** Refreshes the vehicle (and the lists that show it) after a change. */
export function useVehicleRefresh(vehicleId: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: vehicleKeys.one(vehicleId) });
    void queryClient.invalidateQueries({ queryKey: ['vehicles', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['violations'] });
  };
}

function useRequired() {
  const { t } = useTranslation();
  return (labelKey: string, extra: Record<string, unknown> = {}) => ({
    required: true,
    message: t('validation.requiredField', { field: t(labelKey) }),
    ...extra,
  });
}

/** A section: its add button (when allowed) above a table, or "nothing recorded". */
function Section<T extends object>({
  rows,
  columns,
  testId,
  action,
  emptyKey = 'vehicle.noneRecorded',
  rowKey = 'id',
}: {
  rows: T[];
  columns: TableProps<T>['columns'];
  testId: string;
  action?: ReactNode;
  emptyKey?: string;
  rowKey?: TableProps<T>['rowKey'];
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      {action && (
        <Flex justify="flex-end" gap={8} wrap className="toolbar">
          {action}
        </Flex>
      )}
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(emptyKey)} />
      ) : (
        <Table<T>
          rowKey={rowKey}
          size="middle"
          columns={columns}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={rows.length > 10 ? { pageSize: 10, hideOnSinglePage: true } : false}
        />
      )}
    </div>
  );
}

// ---------------------------------------------------------------- insurance
interface InsuranceValues {
  insurer: string;
  policyNumber: string;
  startDate: Dayjs;
  endDate: Dayjs;
  insuredPersonId: number | null;
}

export function InsuranceSection({ vehicle }: { vehicle: Vehicle }) {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const { message } = App.useApp();
  const required = useRequired();
  const refresh = useVehicleRefresh(vehicle.id);
  const [adding, setAdding] = useState(false);
  const lang = i18n.language;
  const today = serverToday();
  const columns: TableProps<InsurancePolicy>['columns'] = [
    { key: 'insurer', title: t('vehicle.insurance.insurer'), render: (_, p) => <bdi dir="auto">{p.insurer}</bdi> },
    { key: 'policy', title: t('vehicle.insurance.policyNumber'), render: (_, p) => <bdi className="mono">{p.policyNumber}</bdi> },
    { key: 'insured', title: t('vehicle.insurance.insuredPerson'), render: (_, p) => <PersonLink id={p.insuredPersonId} {...ownerNames(vehicle, p.insuredPersonId)} /> },
    { key: 'start', title: t('vehicle.insurance.startDate'), render: (_, p) => formatDate(p.startDate, lang) },
    { key: 'end', title: t('vehicle.insurance.endDate'), render: (_, p) => formatDate(p.endDate, lang) },
    {
      key: 'state',
      title: t('vehicle.insurance.state'),
      render: (_, p) =>
        p.startDate <= today && today <= p.endDate ? (
          <Tag color="green">{t('vehicle.insurance.inForce')}</Tag>
        ) : p.startDate > today ? (
          <Tag color="blue">{t('vehicle.insurance.future')}</Tag>
        ) : (
          <Tag>{t('vehicle.insurance.ended')}</Tag>
        ),
    },
  ];
  return (
    <>
      <Section<InsurancePolicy>
        testId="insurance-section"
        rows={newestFirst(vehicle.insurance, (p) => p.startDate)}
        columns={columns}
        action={
          can('insurance.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-insurance">
              {t('vehicle.insurance.add')}
            </Button>
          )
        }
      />
      <FormModal<InsuranceValues>
        open={adding}
        name="add-insurance"
        title={t('vehicle.insurance.addTitle', { plate: vehicle.plate })}
        fields={['insurer', 'policyNumber', 'startDate', 'endDate', 'insuredPersonId']}
        initialValues={{ startDate: serverTodayDayjs(), endDate: serverTodayDayjs().add(1, 'year'), insuredPersonId: vehicle.ownerPersonId }}
        onClose={() => setAdding(false)}
        onSubmit={async (v) => {
          await addInsurance(vehicle.id, {
            insurer: v.insurer.trim(),
            policyNumber: v.policyNumber.trim(),
            startDate: v.startDate.format('YYYY-MM-DD'),
            endDate: v.endDate.format('YYYY-MM-DD'),
            insuredPersonId: v.insuredPersonId ?? 0,
          });
          refresh();
          void message.success(t('vehicle.insurance.added'));
        }}
      >
        {() => (
          <>
            <Form.Item name="insurer" label={t('vehicle.insurance.insurer')} rules={[required('vehicle.insurance.insurer', { whitespace: true }), { max: 100, message: t('validation.maxLength', { max: 100 }) }]}>
              <Input dir="auto" autoComplete="off" autoFocus />
            </Form.Item>
            <Form.Item name="policyNumber" label={t('vehicle.insurance.policyNumber')} rules={[required('vehicle.insurance.policyNumber', { whitespace: true }), { max: 50, message: t('validation.maxLength', { max: 50 }) }]}>
              <Input dir="ltr" className="mono" autoComplete="off" spellCheck={false} />
            </Form.Item>
            <Flex gap={12} wrap>
              <Form.Item className="grow-item" name="startDate" label={t('vehicle.insurance.startDate')} rules={[required('vehicle.insurance.startDate')]}>
                <DatePicker className="full-width" format="YYYY-MM-DD" />
              </Form.Item>
              <Form.Item
                className="grow-item"
                name="endDate"
                label={t('vehicle.insurance.endDate')}
                dependencies={['startDate']}
                rules={[
                  required('vehicle.insurance.endDate'),
                  ({ getFieldValue }) => ({
                    validator: (_, end: Dayjs | undefined) => {
                      const start = getFieldValue('startDate') as Dayjs | undefined;
                      return !end || !start || end.isAfter(start, 'day')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('validation.rules.after-start')));
                    },
                  }),
                ]}
              >
                <DatePicker className="full-width" format="YYYY-MM-DD" />
              </Form.Item>
            </Flex>
            <Form.Item name="insuredPersonId" label={t('vehicle.insurance.insuredPerson')} rules={[required('vehicle.insurance.insuredPerson')]} extra={t('vehicle.insurance.insuredHint')}>
              <PersonPicker />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}

/** Names of a person already on the vehicle's record (owners), so no lookup is needed. */
function ownerNames(vehicle: Vehicle, personId: number): { nameAr?: string; nameEn?: string } {
  if (personId === vehicle.ownerPersonId) return { nameAr: vehicle.ownerNameAr, nameEn: vehicle.ownerNameEn };
  const o = vehicle.owners.find((x) => x.personId === personId);
  return o ? { nameAr: o.nameAr, nameEn: o.nameEn } : {};
}

// ---------------------------------------------------------------- inspections
interface InspectionValues {
  centre: string;
  date: Dayjs;
  passed: boolean;
  odometerKm: number;
  notes?: string;
}

export function InspectionsSection({ vehicle }: { vehicle: Vehicle }) {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const { message } = App.useApp();
  const required = useRequired();
  const refresh = useVehicleRefresh(vehicle.id);
  const [adding, setAdding] = useState(false);
  const lang = i18n.language;
  const columns: TableProps<Inspection>['columns'] = [
    { key: 'date', title: t('vehicle.inspections.date'), render: (_, i) => formatDate(i.date, lang) },
    { key: 'centre', title: t('vehicle.inspections.centre'), render: (_, i) => <bdi dir="auto">{i.centre}</bdi> },
    {
      key: 'result',
      title: t('vehicle.inspections.result'),
      render: (_, i) =>
        i.passed ? <Tag color="green">{t('vehicle.inspections.passed')}</Tag> : <Tag color="red">{t('vehicle.inspections.failed')}</Tag>,
    },
    {
      key: 'odometer',
      title: t('vehicle.inspections.odometerKm'),
      align: 'end',
      render: (_, i) => <bdi className="money">{t('vehicle.units.kmValue', { value: i.odometerKm.toLocaleString('en-US') })}</bdi>,
    },
    { key: 'notes', title: t('vehicle.inspections.notes'), render: (_, i) => (i.notes ? <bdi dir="auto">{i.notes}</bdi> : t('common.none')) },
  ];
  return (
    <>
      <Section<Inspection>
        testId="inspections-section"
        rows={newestFirst(vehicle.inspections, (i) => i.date)}
        columns={columns}
        action={
          can('inspections.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-inspection">
              {t('vehicle.inspections.add')}
            </Button>
          )
        }
      />
      <FormModal<InspectionValues>
        open={adding}
        name="add-inspection"
        title={t('vehicle.inspections.addTitle', { plate: vehicle.plate })}
        fields={['centre', 'date', 'passed', 'odometerKm', 'notes']}
        initialValues={{ date: serverTodayDayjs(), passed: true }}
        onClose={() => setAdding(false)}
        onSubmit={async (v) => {
          await addInspection(vehicle.id, {
            centre: v.centre.trim(),
            date: v.date.format('YYYY-MM-DD'),
            passed: v.passed,
            odometerKm: v.odometerKm,
            notes: v.notes?.trim() ?? '',
          });
          refresh();
          void message.success(t('vehicle.inspections.added'));
        }}
      >
        {() => (
          <>
            <Form.Item name="centre" label={t('vehicle.inspections.centre')} rules={[required('vehicle.inspections.centre', { whitespace: true }), { max: 100, message: t('validation.maxLength', { max: 100 }) }]}>
              <Input dir="auto" autoComplete="off" autoFocus />
            </Form.Item>
            <Flex gap={12} wrap>
              <Form.Item className="grow-item" name="date" label={t('vehicle.inspections.date')} rules={[required('vehicle.inspections.date')]} extra={t('vehicle.inspections.dateHint')}>
                <DatePicker className="full-width" format="YYYY-MM-DD" disabledDate={(d) => d.isAfter(serverTodayDayjs(), 'day')} />
              </Form.Item>
              <Form.Item
                className="grow-item"
                name="odometerKm"
                label={t('vehicle.inspections.odometerKm')}
                rules={[required('vehicle.inspections.odometerKm'), { type: 'integer', min: 0, max: 5_000_000, message: t('validation.range', { min: 0, max: 5000000 }) }]}
              >
                <InputNumber precision={0} dir="ltr" className="full-width" suffix={t('vehicle.units.km')} />
              </Form.Item>
            </Flex>
            <Form.Item name="passed" label={t('vehicle.inspections.result')} rules={[required('vehicle.inspections.result')]}>
              <Radio.Group
                optionType="button"
                data-testid="inspection-result"
                options={[
                  { value: true, label: t('vehicle.inspections.passed') },
                  { value: false, label: t('vehicle.inspections.failed') },
                ]}
              />
            </Form.Item>
            <Form.Item name="notes" label={t('vehicle.inspections.notes')} rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}>
              <Input.TextArea rows={2} maxLength={500} showCount dir="auto" />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}

// ---------------------------------------------------------------- liens and seizures
function useLift() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  return async (fn: () => Promise<unknown>, done: string, refresh: () => void) => {
    try {
      await fn();
      void message.success(done);
    } catch (e) {
      const text = errorMessage(t, e, (k) => i18n.exists(k));
      const detail = serverDetail(e, text);
      void message.error(detail ? `${text} ${detail}` : text);
    } finally {
      refresh();
    }
  };
}

function LiftedCell({ liftedAt, onLift, allowed, label, testId }: { liftedAt: string | null; onLift: () => Promise<void>; allowed: boolean; label: string; testId: string }) {
  const { t, i18n } = useTranslation();
  if (liftedAt) return <span className="muted">{t('vehicle.liftedOn', { date: formatDateTime(liftedAt, i18n.language) })}</span>;
  return (
    <Flex gap={8} align="center" wrap>
      <Tag color="red">{t('vehicle.inForce')}</Tag>
      {allowed && (
        <Popconfirm title={label} okText={t('vehicle.lift')} cancelText={t('common.cancel')} onConfirm={onLift}>
          <Button size="small" icon={<UnlockOutlined />} data-testid={testId}>
            {t('vehicle.lift')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}

interface LienValues {
  holder: string;
  amount: string;
}

export function LiensSection({ vehicle }: { vehicle: Vehicle }) {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const { message } = App.useApp();
  const required = useRequired();
  const refresh = useVehicleRefresh(vehicle.id);
  const lift = useLift();
  const [adding, setAdding] = useState(false);
  const lang = i18n.language;
  const columns: TableProps<Lien>['columns'] = [
    { key: 'holder', title: t('vehicle.liens.holder'), render: (_, l) => <bdi dir="auto">{l.holder}</bdi> },
    { key: 'amount', title: t('vehicle.liens.amount'), align: 'end', render: (_, l) => <Money fils={l.amount} /> },
    { key: 'placed', title: t('vehicle.placedAt'), render: (_, l) => formatDateTime(l.placedAt, lang) },
    {
      key: 'state',
      title: t('vehicle.state'),
      render: (_, l) => (
        <LiftedCell
          liftedAt={l.liftedAt}
          allowed={can('vehicles.write')}
          label={t('vehicle.liens.liftConfirm', { holder: l.holder })}
          testId="lift-lien"
          onLift={() => lift(() => liftLien(l.id), t('vehicle.liens.lifted'), refresh)}
        />
      ),
    },
  ];
  return (
    <>
      <Section<Lien>
        testId="liens-section"
        rows={newestFirst(vehicle.liens, (l) => l.placedAt)}
        columns={columns}
        action={
          can('vehicles.write') && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="place-lien">
              {t('vehicle.liens.add')}
            </Button>
          )
        }
      />
      <FormModal<LienValues>
        open={adding}
        name="place-lien"
        title={t('vehicle.liens.addTitle', { plate: vehicle.plate })}
        fields={['holder', 'amount']}
        onClose={() => setAdding(false)}
        onSubmit={async (v) => {
          await placeLien(vehicle.id, { holder: v.holder.trim(), amount: jodToFils(v.amount) ?? 0 });
          refresh();
          void message.success(t('vehicle.liens.placed'));
        }}
      >
        {() => (
          <>
            <p className="muted">{t('vehicle.liens.text')}</p>
            <Form.Item name="holder" label={t('vehicle.liens.holder')} rules={[required('vehicle.liens.holder', { whitespace: true }), { max: 100, message: t('validation.maxLength', { max: 100 }) }]}>
              <Input dir="auto" autoComplete="off" autoFocus />
            </Form.Item>
            <Form.Item
              name="amount"
              label={t('vehicle.liens.amountJod')}
              rules={[
                required('vehicle.liens.amount'),
                {
                  validator: (_, v: string | number | null | undefined) => {
                    if (v === null || v === undefined || v === '') return Promise.resolve();
                    const fils = jodToFils(v);
                    return fils !== null && fils > 0 && fils <= MAX_LIEN_FILS
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('vehicle.liens.amountRule')));
                  },
                },
              ]}
            >
              <InputNumber<string> stringMode step="100" precision={3} dir="ltr" className="full-width" suffix={t('reference.currency')} data-testid="lien-amount" />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}

interface SeizureValues {
  authority: string;
  reason: string;
}

export function SeizuresSection({ vehicle }: { vehicle: Vehicle }) {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const { message } = App.useApp();
  const required = useRequired();
  const refresh = useVehicleRefresh(vehicle.id);
  const lift = useLift();
  const [adding, setAdding] = useState(false);
  const lang = i18n.language;
  const columns: TableProps<Seizure>['columns'] = [
    { key: 'authority', title: t('vehicle.seizures.authority'), render: (_, s) => <bdi dir="auto">{s.authority}</bdi> },
    { key: 'reason', title: t('vehicle.seizures.reason'), render: (_, s) => <bdi dir="auto">{s.reason}</bdi> },
    { key: 'placed', title: t('vehicle.placedAt'), render: (_, s) => formatDateTime(s.placedAt, lang) },
    {
      key: 'state',
      title: t('vehicle.state'),
      render: (_, s) => (
        <LiftedCell
          liftedAt={s.liftedAt}
          allowed={can('licenses.detain')}
          label={t('vehicle.seizures.liftConfirm')}
          testId="lift-seizure"
          onLift={() => lift(() => liftSeizure(s.id), t('vehicle.seizures.lifted'), refresh)}
        />
      ),
    },
  ];
  return (
    <>
      <Section<Seizure>
        testId="seizures-section"
        rows={newestFirst(vehicle.seizures, (s) => s.placedAt)}
        columns={columns}
        action={
          can('licenses.detain') && (
            <Button danger icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="place-seizure">
              {t('vehicle.seizures.add')}
            </Button>
          )
        }
      />
      <FormModal<SeizureValues>
        open={adding}
        name="place-seizure"
        title={t('vehicle.seizures.addTitle', { plate: vehicle.plate })}
        okText={t('vehicle.seizures.submit')}
        danger
        fields={['authority', 'reason']}
        onClose={() => setAdding(false)}
        onSubmit={async (v) => {
          await placeSeizure(vehicle.id, { authority: v.authority.trim(), reason: v.reason.trim() });
          refresh();
          void message.success(t('vehicle.seizures.placed'));
        }}
      >
        {() => (
          <>
            <p className="muted">{t('vehicle.seizures.text')}</p>
            <Form.Item name="authority" label={t('vehicle.seizures.authority')} rules={[required('vehicle.seizures.authority', { whitespace: true }), { max: 100, message: t('validation.maxLength', { max: 100 }) }]}>
              <Input dir="auto" autoComplete="off" autoFocus />
            </Form.Item>
            <Form.Item name="reason" label={t('vehicle.seizures.reason')} rules={[required('vehicle.seizures.reason', { whitespace: true }), { max: 500, message: t('validation.maxLength', { max: 500 }) }]}>
              <Input.TextArea rows={3} maxLength={500} showCount dir="auto" />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}

// ---------------------------------------------------------------- owners
export function OwnersSection({ vehicle }: { vehicle: Vehicle }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns: TableProps<Owner>['columns'] = [
    { key: 'owner', title: t('vehicle.owners.owner'), render: (_, o) => <PersonLink id={o.personId} nameAr={o.nameAr} nameEn={o.nameEn} /> },
    { key: 'from', title: t('vehicle.owners.from'), render: (_, o) => formatDate(o.fromDate, lang) },
    {
      key: 'to',
      title: t('vehicle.owners.to'),
      render: (_, o) => (o.toDate ? formatDate(o.toDate, lang) : <Tag color="green">{t('vehicle.owners.current')}</Tag>),
    },
    {
      key: 'how',
      title: t('vehicle.owners.how'),
      render: (_, o) => (o.transferId ? t('vehicle.owners.byTransfer', { id: o.transferId }) : t('vehicle.owners.byRegistration')),
    },
  ];
  return (
    <Section<Owner>
      testId="owners-section"
      rowKey={(o) => `${o.personId}-${o.fromDate}-${o.transferId ?? 0}`}
      rows={[...vehicle.owners].reverse()}
      columns={columns}
    />
  );
}

// ---------------------------------------------------------------- transfers
interface StartValues {
  buyerPersonId: number | null;
}

interface AcceptValues {
  payment: PaymentMethod;
}

export function TransfersSection({ vehicle }: { vehicle: Vehicle }) {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const { message } = App.useApp();
  const required = useRequired();
  const refresh = useVehicleRefresh(vehicle.id);
  const action = useIdempotency();
  const [starting, setStarting] = useState(false);
  const [accepting, setAccepting] = useState<Transfer | null>(null);
  const lang = i18n.language;
  const pending = pendingTransfer(vehicle);
  const estimate = transferFeeFils(vehicle.engineCc, vehicle.electric, vehicle.year, serverToday());
  const names = (id: number) => ownerNames(vehicle, id);
  const startBlocked = vehicle.status === 'deregistered'
    ? t('vehicle.blocked.deregistered')
    : pending
      ? t('vehicle.transfers.pendingExists')
      : null;

  const columns: TableProps<Transfer>['columns'] = [
    { key: 'id', title: t('vehicle.transfers.number'), render: (_, x) => <bdi className="mono">#{x.id}</bdi> },
    { key: 'seller', title: t('vehicle.transfers.seller'), render: (_, x) => <PersonLink id={x.sellerPersonId} {...names(x.sellerPersonId)} /> },
    { key: 'buyer', title: t('vehicle.transfers.buyer'), render: (_, x) => <PersonLink id={x.buyerPersonId} {...names(x.buyerPersonId)} testId="transfer-buyer" /> },
    { key: 'created', title: t('vehicle.transfers.createdAt'), render: (_, x) => formatDateTime(x.createdAt, lang) },
    { key: 'fee', title: t('vehicle.transfers.fee'), align: 'end', render: (_, x) => <Money fils={x.fee} /> },
    { key: 'status', title: t('vehicle.transfers.status'), render: (_, x) => <TransferStatusTag status={x.status} /> },
    {
      key: 'completed',
      title: t('vehicle.transfers.completedAt'),
      render: (_, x) =>
        x.status === 'pending' && can('vehicles.write') ? (
          <GuardedButton
            type="primary"
            size="small"
            icon={<SwapOutlined />}
            reason={can('payments.collect') ? null : t('vehicles.needsCashier')}
            onClick={() => setAccepting(x)}
            data-testid="accept-transfer"
          >
            {t('vehicle.transfers.accept')}
          </GuardedButton>
        ) : x.completedAt ? (
          formatDateTime(x.completedAt, lang)
        ) : (
          t('common.none')
        ),
    },
  ];
  return (
    <>
      <Section<Transfer>
        testId="transfers-section"
        rows={newestFirst(vehicle.transfers, (x) => x.createdAt)}
        columns={columns}
        action={
          can('vehicles.write') && (
            <GuardedButton icon={<SwapOutlined />} reason={startBlocked} onClick={() => setStarting(true)} data-testid="start-transfer">
              {t('vehicle.transfers.start')}
            </GuardedButton>
          )
        }
      />
      <FormModal<StartValues>
        open={starting}
        name="start-transfer"
        title={t('vehicle.transfers.startTitle', { plate: vehicle.plate })}
        okText={t('vehicle.transfers.startSubmit')}
        fields={['buyerPersonId']}
        onClose={() => setStarting(false)}
        onSubmit={async (v) => {
          const tr = await startTransfer(vehicle.id, v.buyerPersonId ?? 0);
          refresh();
          void message.success(t('vehicle.transfers.started', { fee: formatFils(tr.fee, lang) }));
        }}
      >
        {() => (
          <>
            <p>{t('vehicle.transfers.startText')}</p>
            <Form.Item name="buyerPersonId" label={t('vehicle.transfers.buyer')} rules={[required('vehicle.transfers.buyer')]} extra={t('applications.personHint')}>
              <PersonPicker />
            </Form.Item>
            <p className="pay-amount">
              {t('vehicle.transfers.feeEstimate')}: <strong data-testid="transfer-fee-estimate">{formatFils(estimate, lang)}</strong>
            </p>
            <p className="muted">{t('vehicle.transfers.acceptNote')}</p>
          </>
        )}
      </FormModal>
      <FormModal<AcceptValues>
        open={accepting !== null}
        name="accept-transfer"
        title={t('vehicle.transfers.acceptTitle', { plate: vehicle.plate })}
        okText={t('vehicle.transfers.acceptSubmit')}
        fields={['payment']}
        initialValues={{ payment: 'cash' }}
        onClose={() => {
          action.reset();
          setAccepting(null);
        }}
        onSubmit={async (v) => {
          if (!accepting) return;
          await action.run((key) => acceptTransfer(accepting.id, { method: v.payment, idempotencyKey: key }));
          refresh();
          void message.success(t('vehicle.transfers.completed'));
        }}
      >
        {() =>
          accepting && (
            <>
              <p>
                {t('vehicle.transfers.acceptText')}{' '}
                <PersonLink id={accepting.buyerPersonId} {...names(accepting.buyerPersonId)} />
              </p>
              <p className="pay-amount">
                {t('vehicle.transfers.fee')}: <strong data-testid="transfer-fee"><Money fils={accepting.fee} /></strong>
              </p>
              <PayNowField name="payment" allowLater={false} required />
            </>
          )
        }
      </FormModal>
    </>
  );
}
