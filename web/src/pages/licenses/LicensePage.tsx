// One licence: number, holder, class, dates, status and why, how it was issued, an open
// detention; the services the signed-in role may request on it (renew, replace, detain,
// release, international permit), each disabled with its reason when the state forbids it; and
// the printable card.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Result,
  Skeleton,
  Typography,
} from 'antd';
import {
  ArrowLeftOutlined,
  GlobalOutlined,
  LockOutlined,
  PrinterOutlined,
  SwapOutlined,
  SyncOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useLicenseClasses } from '../../api/hooks';
import {
  applicationKeys,
  detainLicense,
  drivingRecordKeys,
  fetchLicense,
  licenseKeys,
  releaseLicense,
  renewLicense,
  replaceLicense,
  requestInternationalPermit,
  type Application,
  type License,
  type PayNow,
} from '../../api/licensing';
import { fetchApplicationTypes, referenceKeys } from '../../api/reference';
import { ApplicationResult } from '../../components/ApplicationResult';
import { BothNames } from '../../components/BothNames';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { GuardedButton } from '../../components/GuardedButton';
import { Money } from '../../components/Money';
import { PayNowField, usePayDefault } from '../../components/PayNowField';
import { LicenseStatusTag } from '../../components/StatusTags';
import { formatDate, localName } from '../../lib/format';
import { serverToday } from '../../lib/clock';
import { licenseActions, type ActionState, type LicenseAction } from '../../lib/licensing';
import { formatFils, jodToFils } from '../../lib/money';
import { useIdempotency } from '../../lib/useIdempotency';
import { usePermissions } from '../../lib/usePermissions';

/** Largest detention fine the server accepts: 5,000 JOD. */
const MAX_FINE_FILS = 5_000_000;

type Service = 'renew' | 'replace' | 'release' | 'permit';

/** Which permission each action needs (the server checks the same). */
const ACTION_PERMISSION: Record<LicenseAction, string> = {
  renew: 'applications.write',
  replace: 'applications.write',
  release: 'applications.write',
  permit: 'applications.write',
  detain: 'licenses.detain',
};

/** A sentence for why the licence's state forbids an action. */
function blockedText(t: (k: string, o?: Record<string, unknown>) => string, state: ActionState, license: License, lang: string) {
  if (state.allowed || !state.reason) return null;
  return t(`license.blocked.${state.reason}`, {
    date: state.date ? formatDate(state.date, lang) : '',
    status: t(`license.statuses.${license.status}`, { defaultValue: license.status }),
  });
}

/** The status explained in the interface language. */
function statusText(t: (k: string, o?: Record<string, unknown>) => string, l: License, lang: string) {
  const key = l.status === 'replaced' && l.lost ? 'replacedLost' : l.status;
  return t(`license.reasons.${key}`, { date: formatDate(l.expiryDate, lang), defaultValue: l.statusReason });
}

function useServiceFees(license: License) {
  const classes = useLicenseClasses();
  const services = useQuery({
    queryKey: referenceKeys.applicationTypes,
    queryFn: ({ signal }) => fetchApplicationTypes(signal),
    staleTime: 5 * 60_000,
  });
  const fee = (code: string) => services.data?.find((s) => s.code === code)?.fee;
  const classFee = classes.data?.find((c) => c.id === license.licenseClassId)?.fee;
  return (service: Service, reason?: 'lost' | 'damaged'): number | undefined => {
    const parts =
      service === 'renew'
        ? [fee('renew-license'), classFee]
        : service === 'replace'
          ? [fee(reason === 'damaged' ? 'replace-damaged-license' : 'replace-lost-license')]
          : service === 'release'
            ? [fee('release-detained-license'), license.detention?.fine ?? 0]
            : [fee('international-permit')];
    return parts.every((p) => p !== undefined) ? parts.reduce<number>((s, p) => s + (p ?? 0), 0) : undefined;
  };
}

interface ServiceValues {
  reason?: 'lost' | 'damaged';
  pay: PayNow;
}

function ServiceModal({
  license,
  service,
  onClose,
  onDone,
}: {
  license: License;
  service: Service | null;
  onClose: () => void;
  onDone: (app: Application) => void;
}) {
  const { t, i18n } = useTranslation();
  const payDefault = usePayDefault();
  const action = useIdempotency();
  const feeOf = useServiceFees(license);
  return (
    <FormModal<ServiceValues>
      open={service !== null}
      name={`license-${service ?? 'service'}`}
      title={service ? t(`license.dialogs.${service}.title`, { number: license.number }) : ''}
      okText={service ? t(`license.dialogs.${service}.submit`) : ''}
      fields={['reason', 'pay']}
      initialValues={{ pay: payDefault, reason: 'lost' }}
      onClose={() => {
        action.reset();
        onClose();
      }}
      onSubmit={async (v) => {
        if (!service) return;
        const o = { pay: v.pay };
        const app = await action.run((key) => {
          const opts = { ...o, idempotencyKey: key };
          switch (service) {
            case 'renew':
              return renewLicense(license.id, opts);
            case 'replace':
              return replaceLicense(license.id, v.reason ?? 'lost', opts);
            case 'release':
              return releaseLicense(license.id, opts);
            default:
              return requestInternationalPermit(license.id, opts);
          }
        });
        onDone(app);
      }}
    >
      {(form) =>
        service && (
          <>
            <p>{t(`license.dialogs.${service}.text`)}</p>
            {service === 'replace' && (
              <Form.Item name="reason" label={t('license.dialogs.replace.reason')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  data-testid="replace-reason"
                  options={[
                    { value: 'lost', label: t('license.dialogs.replace.lost') },
                    { value: 'damaged', label: t('license.dialogs.replace.damaged') },
                  ]}
                />
              </Form.Item>
            )}
            <Form.Item noStyle shouldUpdate>
              {() => {
                const fee = feeOf(service, form.getFieldValue('reason') as 'lost' | 'damaged' | undefined);
                return fee === undefined ? null : (
                  <p className="pay-amount">
                    {t('license.dialogs.fees')}: <strong data-testid="service-fee">{formatFils(fee, i18n.language)}</strong>
                  </p>
                );
              }}
            </Form.Item>
            <PayNowField />
          </>
        )
      }
    </FormModal>
  );
}

interface DetainValues {
  fine: string;
  reason: string;
}

function DetainModal({ license, open, onClose, onDone }: { license: License; open: boolean; onClose: () => void; onDone: (l: License) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<DetainValues>
      open={open}
      name="detain"
      title={t('license.dialogs.detain.title', { number: license.number })}
      okText={t('license.dialogs.detain.submit')}
      danger
      fields={['fine', 'reason']}
      onClose={onClose}
      onSubmit={async (v) => {
        const fine = jodToFils(v.fine) ?? 0;
        onDone(await detainLicense(license.id, { fine, reason: v.reason.trim() }));
      }}
    >
      {() => (
        <>
          <p>{t('license.dialogs.detain.text')}</p>
          <Form.Item
            name="fine"
            label={t('license.dialogs.detain.fine')}
            rules={[
              { required: true, message: t('validation.requiredField', { field: t('license.dialogs.detain.fine') }) },
              {
                validator: (_, v: string | number | null | undefined) => {
                  if (v === null || v === undefined || v === '') return Promise.resolve();
                  const fils = jodToFils(v);
                  return fils !== null && fils > 0 && fils <= MAX_FINE_FILS
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('license.dialogs.detain.fineRule')));
                },
              },
            ]}
          >
            <InputNumber<string>
              stringMode
              step="5"
              precision={3}
              dir="ltr"
              className="full-width"
              suffix={t('reference.currency')}
              data-testid="detain-fine"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('license.dialogs.detain.reason')}
            rules={[
              { required: true, whitespace: true, message: t('validation.requiredField', { field: t('license.dialogs.detain.reason') }) },
              { max: 500, message: t('validation.maxLength', { max: 500 }) },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount dir="auto" data-testid="detain-reason" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

export function LicensePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const classes = useLicenseClasses();
  const { id } = useParams();
  const licenseId = Number(id);
  const valid = Number.isInteger(licenseId) && licenseId > 0;
  const query = useQuery({
    queryKey: licenseKeys.one(licenseId),
    queryFn: ({ signal }) => fetchLicense(licenseId, signal),
    enabled: valid,
  });
  const [service, setService] = useState<Service | null>(null);
  const [detaining, setDetaining] = useState(false);
  const [result, setResult] = useState<Application | null>(null);

  if (!valid || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <Result
        status="404"
        title={<h1 className="page-title">{t('license.notFound')}</h1>}
        extra={<Button onClick={() => navigate('/licenses')}>{t('license.backToList')}</Button>}
      />
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 8 }} />;

  const l = query.data;
  const lang = i18n.language;
  const ar = lang === 'ar';
  const cls = classes.data?.find((c) => c.id === l.licenseClassId);
  const states = licenseActions(l, serverToday());
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: licenseKeys.all });
    void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    void queryClient.invalidateQueries({ queryKey: drivingRecordKeys.one(l.personId) });
  };

  const actionButton = (action: LicenseAction, icon: React.ReactNode, onClick: () => void, extra?: { danger?: boolean }) =>
    can(ACTION_PERMISSION[action]) ? (
      <GuardedButton
        key={action}
        icon={icon}
        danger={extra?.danger}
        reason={blockedText(t, states[action], l, lang)}
        onClick={onClick}
        data-testid={`license-${action}`}
      >
        {t(`license.actions.${action}`)}
      </GuardedButton>
    ) : null;

  const showPermit = l.licenseClassId === 3;

  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={12} className="page-head">
        <div>
          <Typography.Title level={1} className="page-title person-title" data-testid="page-title">
            <bdi className="mono" data-testid="license-number">
              {l.number}
            </bdi>
            <LicenseStatusTag status={l.status} />
          </Typography.Title>
          <p className="page-subtitle">
            {cls ? localName(cls, lang) : `#${l.licenseClassId}`} · <bdi lang={ar ? 'ar' : 'en'}>{ar ? l.personNameAr : l.personNameEn}</bdi>
          </p>
        </div>
        <Flex gap={8} wrap>
          <Button
            icon={<ArrowLeftOutlined className="flip-rtl" />}
            onClick={() => {
              const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
              if (idx > 0) navigate(-1);
              else navigate('/licenses');
            }}
          >
            {t('common.back')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/licenses/${l.id}/card`)} data-testid="print-card">
            {t('license.printCard')}
          </Button>
        </Flex>
      </Flex>
      <Card className="form-card">
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
          data-testid="license-details"
          items={[
            {
              key: 'holder',
              label: t('license.fields.holder'),
              children: (
                <Link to={`/people/${l.personId}`} data-testid="license-holder">
                  <BothNames ar={l.personNameAr} en={l.personNameEn} language={lang} />
                </Link>
              ),
            },
            { key: 'class', label: t('license.fields.licenseClass'), children: cls ? localName(cls, lang) : `#${l.licenseClassId}` },
            { key: 'issueReason', label: t('license.fields.issueReason'), children: t(`license.issueReasons.${l.issueReason}`, { defaultValue: l.issueReason }) },
            { key: 'issueDate', label: t('license.fields.issueDate'), children: formatDate(l.issueDate, lang) },
            { key: 'expiryDate', label: t('license.fields.expiryDate'), children: formatDate(l.expiryDate, lang) },
            {
              key: 'status',
              label: t('license.fields.status'),
              children: (
                <span className="status-with-reason">
                  <LicenseStatusTag status={l.status} />
                  <span data-testid="status-reason">{statusText(t, l, lang)}</span>
                </span>
              ),
            },
          ]}
        />
      </Card>
      {l.detention && (
        <Card
          title={<h2 className="card-title">{t('license.detention.title')}</h2>}
          className="form-card detention-card"
          data-testid="detention"
        >
          <Descriptions
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'on', label: t('license.detention.detainedOn'), children: formatDate(l.detention.detainedOn, lang) },
              { key: 'fine', label: t('license.detention.fine'), children: <Money fils={l.detention.fine} /> },
              { key: 'reason', label: t('license.detention.reason'), children: <bdi dir="auto">{l.detention.reason}</bdi> },
            ]}
          />
        </Card>
      )}
      <Card title={<h2 className="card-title">{t('license.servicesTitle')}</h2>} className="form-card" data-testid="license-actions">
        <Flex gap={8} wrap>
          {actionButton('renew', <SyncOutlined />, () => setService('renew'))}
          {actionButton('replace', <SwapOutlined />, () => setService('replace'))}
          {actionButton('detain', <LockOutlined />, () => setDetaining(true), { danger: true })}
          {actionButton('release', <UnlockOutlined />, () => setService('release'))}
          {showPermit && actionButton('permit', <GlobalOutlined />, () => setService('permit'))}
        </Flex>
        {!['renew', 'replace', 'detain', 'release'].some((a) => can(ACTION_PERMISSION[a as LicenseAction])) && (
          <p className="muted">{t('license.noServices')}</p>
        )}
      </Card>
      <ServiceModal
        license={l}
        service={service}
        onClose={() => setService(null)}
        onDone={(app) => {
          setResult(app);
          refresh();
        }}
      />
      <DetainModal
        license={l}
        open={detaining}
        onClose={() => setDetaining(false)}
        onDone={(updated) => {
          queryClient.setQueryData(licenseKeys.one(l.id), updated);
          refresh();
          void message.success(t('license.detainedNotice', { number: l.number }));
        }}
      />
      <Modal
        open={result !== null}
        onCancel={() => setResult(null)}
        title={t('serviceResult.title')}
        footer={
          <Button type="primary" onClick={() => setResult(null)} data-testid="result-close">
            {t('serviceResult.close')}
          </Button>
        }
        width={560}
      >
        {result && <ApplicationResult application={result} />}
      </Modal>
    </>
  );
}
