// One vehicle: the plate (large), VIN, make, model, year, colour, category, fuel and engine, the
// owner, the licence expiry and status (seized, lien); the paid services the role may request
// (annual renewal with what it needs checked against the record, plate replacement,
// deregistration), recording a violation; and the record in tabs: insurance, inspections, liens,
// seizures, owners, transfers, violations and bills.
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Result, Skeleton, Tabs, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  DeleteOutlined,
  NumberOutlined,
  SyncOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useApplicationTypes } from '../../api/hooks';
import type { Bill, PaymentMethod, Receipt } from '../../api/licensing';
import { deregisterVehicle, fetchVehicle, renewVehicle, replacePlate, vehicleKeys, type Vehicle } from '../../api/vehicles';
import { BillsList, PayBillModal, ReceiptNotice } from '../../components/Bills';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { GuardedButton } from '../../components/GuardedButton';
import { PayNowField } from '../../components/PayNowField';
import { PersonLink } from '../../components/PersonLink';
import { VehicleTags } from '../../components/StatusTags';
import { ViolationsTable } from '../../components/ViolationsTable';
import { formatDate, formatDateTime } from '../../lib/format';
import { serverToday } from '../../lib/clock';
import { newestFirst } from '../../lib/licensing';
import { formatFils } from '../../lib/money';
import { useIdempotency } from '../../lib/useIdempotency';
import { usePermissions } from '../../lib/usePermissions';
import { inForce, renewalChecks, renewalEngineFeeFils, renewedExpiry } from '../../lib/vehicles';
import { RecordViolationModal } from '../violations/RecordViolationModal';
import {
  InsuranceSection,
  InspectionsSection,
  LiensSection,
  OwnersSection,
  SeizuresSection,
  TransfersSection,
  useVehicleRefresh,
} from './VehicleRecord';

type Service = 'renew' | 'plate' | 'deregister';

const SERVICE_FEE_CODE: Record<Service, string> = {
  renew: 'vehicle-renewal',
  plate: 'plate-replacement',
  deregister: 'vehicle-deregistration',
};

/** The receipt of the newest paid bill (the one a service just paid). */
function latestReceipt(bills: readonly Bill[]): Receipt | null {
  const paid = bills.filter((b) => b.receipt).sort((a, b) => b.id - a.id);
  return paid[0]?.receipt ?? null;
}

function RenewalChecks({ vehicle }: { vehicle: Vehicle }) {
  const { t, i18n } = useTranslation();
  const checks = renewalChecks(vehicle, serverToday());
  return (
    <ul className="plain-list check-list" data-testid="renewal-checks" aria-label={t('vehicle.renew.checksTitle')}>
      {checks.map((c) => (
        <li key={c.key} className={c.ok ? 'ok' : 'missing'} data-check={c.key} data-ok={c.ok}>
          {c.ok ? <CheckCircleFilled aria-hidden="true" /> : <CloseCircleFilled aria-hidden="true" />}{' '}
          <span>{t(`vehicle.renew.checks.${c.key}`, { date: c.date ? formatDate(c.date, i18n.language) : '' })}</span>
          <span className="visually-hidden">{c.ok ? t('vehicle.renew.met') : t('vehicle.renew.notMet')}</span>
        </li>
      ))}
    </ul>
  );
}

function ServiceModal({
  vehicle,
  service,
  onClose,
  onDone,
}: {
  vehicle: Vehicle;
  service: Service | null;
  onClose: () => void;
  onDone: (updated: Vehicle, service: Service) => void;
}) {
  const { t, i18n } = useTranslation();
  const action = useIdempotency();
  const services = useApplicationTypes();
  const lang = i18n.language;
  const base = service ? services.data?.find((s) => s.code === SERVICE_FEE_CODE[service])?.fee : undefined;
  const engine = service === 'renew' ? renewalEngineFeeFils(vehicle.engineCc, vehicle.electric) : 0;
  return (
    <FormModal<{ payment: PaymentMethod }>
      open={service !== null}
      name={`vehicle-${service ?? 'service'}`}
      title={service ? t(`vehicle.services.${service}.title`, { plate: vehicle.plate }) : ''}
      okText={service ? t(`vehicle.services.${service}.submit`) : ''}
      danger={service === 'deregister'}
      fields={['payment']}
      initialValues={{ payment: 'cash' }}
      width={600}
      onClose={() => {
        action.reset();
        onClose();
      }}
      onSubmit={async (v) => {
        if (!service) return;
        const pay = (key: string) => ({ method: v.payment, idempotencyKey: key });
        const updated = await action.run((key) =>
          service === 'renew'
            ? renewVehicle(vehicle.id, pay(key))
            : service === 'plate'
              ? replacePlate(vehicle.id, pay(key))
              : deregisterVehicle(vehicle.id, pay(key)),
        );
        onDone(updated, service);
      }}
    >
      {() =>
        service && (
          <>
            <p>{t(`vehicle.services.${service}.text`)}</p>
            {service === 'renew' && (
              <>
                <p>
                  {t('vehicle.renew.newExpiry')}:{' '}
                  <strong data-testid="renew-new-expiry">{formatDate(renewedExpiry(vehicle.licenseExpiryDate, serverToday()), lang)}</strong>
                </p>
                <h3 className="sub-title">{t('vehicle.renew.checksTitle')}</h3>
                <RenewalChecks vehicle={vehicle} />
                <p className="muted small">{t('vehicle.renew.serverChecks')}</p>
              </>
            )}
            {base !== undefined && (
              <p className="pay-amount">
                {t('vehicle.services.fees')}:{' '}
                <strong data-testid="service-fee">{formatFils(base + engine, lang)}</strong>
                {engine > 0 && (
                  <span className="muted">
                    {' '}
                    ({t('vehicle.renew.feeParts', { service: formatFils(base, lang), engine: formatFils(engine, lang) })})
                  </span>
                )}
              </p>
            )}
            <PayNowField name="payment" allowLater={false} required />
          </>
        )
      }
    </FormModal>
  );
}

function Details({ vehicle: v }: { vehicle: Vehicle }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const engine = v.electric
    ? t('vehicle.fuels.electric')
    : `${t(`vehicle.fuels.${v.fuel}`, { defaultValue: v.fuel })} · ${t('vehicle.units.ccValue', { value: v.engineCc ?? 0 })}`;
  return (
    <Card className="form-card">
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        data-testid="vehicle-details"
        items={[
          {
            key: 'owner',
            label: t('vehicle.fields.owner'),
            children: <PersonLink id={v.ownerPersonId} nameAr={v.ownerNameAr} nameEn={v.ownerNameEn} testId="vehicle-owner" />,
          },
          {
            key: 'vin',
            label: t('vehicle.fields.vin'),
            children: (
              <bdi className="mono" data-testid="vehicle-vin">
                {v.vin}
              </bdi>
            ),
          },
          {
            key: 'makeModel',
            label: t('vehicle.fields.makeModel'),
            children: (
              <bdi dir="auto">
                {v.make} {v.model}
              </bdi>
            ),
          },
          { key: 'year', label: t('vehicle.fields.year'), children: <bdi>{v.year}</bdi> },
          { key: 'color', label: t('vehicle.fields.color'), children: <bdi dir="auto">{v.color}</bdi> },
          { key: 'category', label: t('vehicle.fields.category'), children: t(`vehicle.categories.${v.category}`, { defaultValue: v.category }) },
          { key: 'engine', label: t('vehicle.fields.fuelEngine'), children: <bdi>{engine}</bdi> },
          { key: 'seats', label: t('vehicle.fields.seats'), children: <bdi>{v.seats}</bdi> },
          {
            key: 'weight',
            label: t('vehicle.fields.weightKg'),
            children: <bdi>{t('vehicle.units.kgValue', { value: v.weightKg.toLocaleString('en-US') })}</bdi>,
          },
          { key: 'registered', label: t('vehicle.fields.registeredAt'), children: formatDateTime(v.registeredAt, lang) },
          {
            key: 'expiry',
            label: t('vehicle.fields.licenseExpiry'),
            children: (
              <strong data-testid="vehicle-expiry" data-date={v.licenseExpiryDate}>
                {formatDate(v.licenseExpiryDate, lang)}
              </strong>
            ),
          },
          {
            key: 'status',
            label: t('vehicle.fields.status'),
            children: <VehicleTags status={v.status} seized={v.seized} lien={v.lien} />,
          },
        ]}
      />
    </Card>
  );
}

export function VehiclePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const vehicleId = Number(id);
  const valid = Number.isInteger(vehicleId) && vehicleId > 0;
  const query = useQuery({
    queryKey: vehicleKeys.one(vehicleId),
    queryFn: ({ signal }) => fetchVehicle(vehicleId, signal),
    enabled: valid,
  });
  const refresh = useVehicleRefresh(vehicleId);
  const [service, setService] = useState<Service | null>(null);
  const [recording, setRecording] = useState(false);
  const [paying, setPaying] = useState<Bill | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  if (!valid || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <Result
        status="404"
        title={<h1 className="page-title">{t('vehicle.notFound')}</h1>}
        extra={<Button onClick={() => navigate('/vehicles')}>{t('vehicle.backToList')}</Button>}
      />
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 8 }} />;

  const v = query.data;
  const lang = i18n.language;
  const deregistered = v.status === 'deregistered';
  const serviceReason = deregistered
    ? t('vehicle.blocked.deregistered')
    : !can('payments.collect')
      ? t('vehicles.needsCashier')
      : null;
  const serviceButton = (s: Service, icon: React.ReactNode, danger = false) => (
    <GuardedButton key={s} icon={icon} danger={danger} reason={serviceReason} onClick={() => setService(s)} data-testid={`service-${s}`}>
      {t(`vehicle.services.${s}.action`)}
    </GuardedButton>
  );
  const count = (label: string, n: number, alert = false) => (
    <span>
      {label} <span className={alert ? 'tab-count alert' : 'tab-count'}>{n}</span>
    </span>
  );

  const tabs = [
    { key: 'insurance', label: count(t('vehicle.tabs.insurance'), v.insurance.length), children: <InsuranceSection vehicle={v} /> },
    { key: 'inspections', label: count(t('vehicle.tabs.inspections'), v.inspections.length), children: <InspectionsSection vehicle={v} /> },
    { key: 'liens', label: count(t('vehicle.tabs.liens'), inForce(v.liens).length, inForce(v.liens).length > 0), children: <LiensSection vehicle={v} /> },
    {
      key: 'seizures',
      label: count(t('vehicle.tabs.seizures'), inForce(v.seizures).length, inForce(v.seizures).length > 0),
      children: <SeizuresSection vehicle={v} />,
    },
    { key: 'owners', label: count(t('vehicle.tabs.owners'), v.owners.length), children: <OwnersSection vehicle={v} /> },
    { key: 'transfers', label: count(t('vehicle.tabs.transfers'), v.transfers.length), children: <TransfersSection vehicle={v} /> },
    {
      key: 'violations',
      label: count(t('vehicle.tabs.violations'), v.violations.length),
      children: (
        <ViolationsTable
          rows={newestFirst(v.violations, (x) => x.occurredAt)}
          hide={['vehicle']}
          emptyText={t('violations.noneForVehicle')}
          testId="vehicle-violations"
        />
      ),
    },
    {
      key: 'bills',
      label: count(t('vehicle.tabs.bills'), v.bills.length),
      children: <BillsList bills={newestFirst(v.bills, (b) => b.createdAt)} onPay={setPaying} />,
    },
  ];
  const activeTab = tabs.some((x) => x.key === params.get('tab')) ? (params.get('tab') ?? 'insurance') : 'insurance';

  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={12} className="page-head">
        <div>
          <Typography.Title level={1} className="page-title vehicle-title" data-testid="page-title">
            <span className="visually-hidden">{t('vehicle.plateLabel')} </span>
            <span className="plate" dir="ltr" data-testid="vehicle-plate">
              {v.plate}
            </span>
            <VehicleTags status={v.status} seized={v.seized} lien={v.lien} />
          </Typography.Title>
          <p className="page-subtitle">
            <bdi dir="auto">
              {v.make} {v.model} {v.year}
            </bdi>{' '}
            · <bdi dir="auto">{v.color}</bdi>
            {!deregistered && <> · {t('vehicle.expiresOn', { date: formatDate(v.licenseExpiryDate, lang) })}</>}
          </p>
        </div>
        <Flex gap={8} wrap>
          <Button
            icon={<ArrowLeftOutlined className="flip-rtl" />}
            onClick={() => {
              const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
              if (idx > 0) navigate(-1);
              else navigate('/vehicles');
            }}
          >
            {t('common.back')}
          </Button>
          {can('violations.write') && (
            <Button icon={<WarningOutlined />} onClick={() => setRecording(true)} data-testid="vehicle-record-violation">
              {t('violations.record')}
            </Button>
          )}
        </Flex>
      </Flex>
      {receipt && <ReceiptNotice receipt={receipt} onClose={() => setReceipt(null)} />}
      <Details vehicle={v} />
      {can('vehicles.write') && (
        <Card title={<h2 className="card-title">{t('vehicle.servicesTitle')}</h2>} className="form-card" data-testid="vehicle-services">
          <Flex gap={8} wrap>
            {serviceButton('renew', <SyncOutlined />)}
            {serviceButton('plate', <NumberOutlined />)}
            {serviceButton('deregister', <DeleteOutlined />, true)}
          </Flex>
        </Card>
      )}
      <Card className="form-card record-card">
        <Tabs
          items={tabs}
          activeKey={activeTab}
          onChange={(key) => setParams(key === 'insurance' ? {} : { tab: key }, { replace: true })}
        />
      </Card>
      <ServiceModal
        vehicle={v}
        service={service}
        onClose={() => setService(null)}
        onDone={(updated, s) => {
          queryClient.setQueryData(vehicleKeys.one(v.id), updated);
          refresh();
          setReceipt(latestReceipt(updated.bills));
          void message.success(
            s === 'renew'
              ? t('vehicle.services.renew.done', { date: formatDate(updated.licenseExpiryDate, lang) })
              : s === 'plate'
                ? t('vehicle.services.plate.done', { plate: updated.plate })
                : t('vehicle.services.deregister.done'),
          );
        }}
      />
      <RecordViolationModal open={recording} onClose={() => setRecording(false)} vehicleId={v.id} />
      <PayBillModal
        bill={paying}
        onClose={() => setPaying(null)}
        onPaid={(r) => {
          setReceipt(r);
          refresh();
        }}
      />
    </>
  );
}
