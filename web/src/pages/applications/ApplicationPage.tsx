// One application: who, which service and class, its state; for a new licence the three tests
// (vision -> written -> street) with every attempt; "what comes next" in plain words; the
// actions the signed-in role may take now (schedule a test, pay a bill, record a result, issue
// the licence, cancel); and its bills with their lines, totals and receipts.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Steps,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import {
  ArrowLeftOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  IdcardOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useBranches, useLicenseClasses } from '../../api/hooks';
import {
  applicationKeys,
  cancelApplication,
  drivingRecordKeys,
  fetchApplication,
  issueLicense,
  licenseKeys,
  recordResult,
  scheduleTest,
  type Appointment,
  type Application,
  type Bill,
  type PayNow,
  type Receipt,
  type TestType,
} from '../../api/licensing';
import { BothNames } from '../../components/BothNames';
import { BillsList, PayBillModal, ReceiptNotice } from '../../components/Bills';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { GuardedButton } from '../../components/GuardedButton';
import { LicenseLink } from '../../components/LicenseLink';
import { Money } from '../../components/Money';
import { PayNowField, usePayDefault } from '../../components/PayNowField';
import { AppointmentStatusTag, ApplicationStatusTag } from '../../components/StatusTags';
import { useCurrentUser } from '../../auth/useAuth';
import { formatDate, formatDateTime, localName } from '../../lib/format';
import { serverToday, serverTodayDayjs } from '../../lib/clock';
import {
  billOf,
  billsTotal,
  canCancel,
  explainNextStep,
  openBills,
  resultRecordable,
  stepStatus,
  testSteps,
  type Explanation,
  type TestStep,
} from '../../lib/licensing';
import { useIdempotency } from '../../lib/useIdempotency';
import { usePermissions } from '../../lib/usePermissions';

const TONE_TO_ALERT = { info: 'info', warning: 'warning', success: 'success', neutral: 'info' } as const;

function useNames() {
  const { i18n } = useTranslation();
  const classes = useLicenseClasses();
  const branches = useBranches();
  const lang = i18n.language;
  return {
    className: (id: number | null | undefined) => {
      if (!id) return null;
      const c = classes.data?.find((x) => x.id === id);
      return c ? localName(c, lang) : `#${id}`;
    },
    branchName: (id: number | null | undefined) => {
      if (!id) return null;
      const b = branches.data?.find((x) => x.id === id);
      return b ? localName(b, lang) : `#${id}`;
    },
    branches,
  };
}

// ---------------------------------------------------------------- header
function Summary({ app }: { app: Application }) {
  const { t, i18n } = useTranslation();
  const { className, branchName } = useNames();
  const lang = i18n.language;
  const none = t('common.none');
  const licenseId = app.license?.id ?? app.resultLicenseId;
  return (
    <Card className="form-card">
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        data-testid="application-summary"
        items={[
          {
            key: 'person',
            label: t('applications.fields.person'),
            children: (
              <Link to={`/people/${app.personId}`} data-testid="application-person">
                <BothNames ar={app.personNameAr} en={app.personNameEn} language={lang} />
              </Link>
            ),
          },
          {
            key: 'type',
            label: t('applications.fields.type'),
            children: <span data-testid="application-type">{t(`application.types.${app.type}`, { defaultValue: app.type })}</span>,
          },
          { key: 'class', label: t('applications.fields.licenseClass'), children: className(app.licenseClassId) ?? none },
          {
            key: 'status',
            label: t('applications.fields.status'),
            children: <ApplicationStatusTag status={app.status} />,
          },
          { key: 'date', label: t('applications.fields.date'), children: formatDate(app.applicationDate, lang) },
          { key: 'branch', label: t('applications.fields.branch'), children: branchName(app.branchId) ?? none },
          { key: 'createdAt', label: t('applications.fields.createdAt'), children: formatDateTime(app.createdAt, lang) },
          ...(app.closedAt
            ? [{ key: 'closedAt', label: t('applications.fields.closedAt'), children: formatDateTime(app.closedAt, lang) }]
            : []),
          ...(app.licenseId
            ? [
                {
                  key: 'forLicense',
                  label: t('applications.fields.forLicense'),
                  children: <LicenseLink id={app.licenseId} testId="for-license" />,
                },
              ]
            : []),
          ...(app.reason
            ? [{ key: 'reason', label: t('applications.fields.reason'), children: t(`applications.reasons.${app.reason}`, { defaultValue: app.reason }) }]
            : []),
          ...(licenseId
            ? [
                {
                  key: 'license',
                  label: t('applications.fields.resultLicense'),
                  children: app.license ? (
                    <Link to={`/licenses/${licenseId}`} data-testid="result-license">
                      <bdi className="mono">{app.license.number}</bdi>
                    </Link>
                  ) : (
                    <LicenseLink id={licenseId} testId="result-license" />
                  ),
                },
              ]
            : []),
          ...(app.permit
            ? [{ key: 'permit', label: t('applications.fields.permit'), children: <bdi className="mono">{app.permit.number}</bdi> }]
            : []),
        ]}
      />
    </Card>
  );
}

// ---------------------------------------------------------------- what comes next
function explanationText(t: (k: string, o?: Record<string, unknown>) => string, e: Explanation, lang: string) {
  const values = {
    test: e.test ? t(`tests.lower.${e.test}`) : '',
    date: e.date ? formatDate(e.date, lang) : '',
  };
  return { title: t(`next.${e.key}`, values), notes: e.notes.map((n) => t(`next.notes.${n}`, values)) };
}

interface ActionsProps {
  app: Application;
  onSchedule: () => void;
  onRecord: (a: Appointment) => void;
  onIssue: () => void;
  onPay: (b: Bill) => void;
  onCancelled: (app: Application) => void;
  onError: (e: unknown) => void;
}

function NextStepCard({ app, ...on }: ActionsProps) {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const today = serverToday();
  const explanation = explainNextStep(app, today);
  const text = explanationText(t, explanation, i18n.language);
  const { steps } = testSteps(app.appointments);
  const open = app.nextStep === 'take-test' || app.nextStep === 'pay' ? steps.find((s) => s.open)?.open : undefined;
  const unpaid = openBills(app);
  const allPassed = steps.every((s) => s.state === 'passed');
  const isNewLicense = app.type === 'new-local-license';
  const active = app.status === 'new';

  const cancel = useMutation({
    mutationFn: () => cancelApplication(app.id),
    onSuccess: on.onCancelled,
    onError: on.onError,
  });

  const buttons = [];
  if (active && isNewLicense && app.nextStep === 'schedule-test' && can('applications.write')) {
    buttons.push(
      <Button key="schedule" type="primary" icon={<CalendarOutlined />} onClick={on.onSchedule} data-testid="schedule-test">
        {t('applications.actions.schedule', { test: t(`tests.lower.${explanation.test ?? 'vision'}`) })}
      </Button>,
    );
  }
  if (active && unpaid.length > 0 && can('payments.collect')) {
    // The bill the next step waits for first: the open test's, else the oldest open one.
    const bill = (open && billOf(app, open)?.status === 'open' ? billOf(app, open) : undefined) ?? unpaid[0];
    buttons.push(
      <Button key="pay" type={app.nextStep === 'pay' ? 'primary' : 'default'} icon={<WalletOutlined />} onClick={() => on.onPay(bill)} data-testid="next-pay">
        <span>
          {t('applications.actions.pay')} <Money fils={bill.total} />
        </span>
      </Button>,
    );
  }
  if (active && open && can('tests.record')) {
    const reason = !open.billPaid
      ? t('applications.blocked.unpaidTest')
      : open.date > today
        ? t('applications.blocked.futureTest', { date: formatDate(open.date, i18n.language) })
        : null;
    buttons.push(
      <GuardedButton
        key="record"
        type={resultRecordable(open, today) ? 'primary' : 'default'}
        icon={<EditOutlined />}
        reason={reason}
        onClick={() => on.onRecord(open)}
        data-testid="record-result"
      >
        {t('applications.actions.record', { test: t(`tests.lower.${open.testType}`) })}
      </GuardedButton>,
    );
  }
  if (active && isNewLicense && allPassed && can('applications.write')) {
    const reason = unpaid.length > 0 && !can('payments.collect') ? t('applications.blocked.issueUnpaid') : null;
    buttons.push(
      <GuardedButton
        key="issue"
        type={app.nextStep === 'issue' ? 'primary' : 'default'}
        icon={<IdcardOutlined />}
        reason={reason}
        onClick={on.onIssue}
        data-testid="issue-license"
      >
        {t('applications.actions.issue')}
      </GuardedButton>,
    );
  }
  if (active && can('applications.write')) {
    const reason = canCancel(app) ? null : t('applications.blocked.cancelTestsTaken');
    buttons.push(
      reason ? (
        <GuardedButton key="cancel" danger icon={<CloseCircleOutlined />} reason={reason} data-testid="cancel-application">
          {t('applications.actions.cancel')}
        </GuardedButton>
      ) : (
        <Popconfirm
          key="cancel"
          title={t('applications.cancelConfirm')}
          description={t('applications.cancelWarning')}
          okText={t('applications.actions.cancel')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.back')}
          onConfirm={() => cancel.mutateAsync().catch(() => undefined)}
        >
          <Button danger icon={<CloseCircleOutlined />} loading={cancel.isPending} data-testid="cancel-application">
            {t('applications.actions.cancel')}
          </Button>
        </Popconfirm>
      ),
    );
  }

  return (
    <Card title={<h2 className="card-title">{t('next.title')}</h2>} className="form-card next-step" data-testid="next-step">
      <Alert
        type={TONE_TO_ALERT[explanation.tone]}
        showIcon
        title={<span data-testid="next-step-text">{text.title}</span>}
        description={
          text.notes.length > 0 ? (
            <ul className="next-notes">
              {text.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : undefined
        }
        data-next-step={app.nextStep ?? 'none'}
        data-explanation={explanation.key}
      />
      {buttons.length > 0 && (
        <Flex gap={8} wrap className="next-actions">
          {buttons}
        </Flex>
      )}
    </Card>
  );
}

// ---------------------------------------------------------------- tests
function AttemptsTable({ step, app }: { step: TestStep; app: Application }) {
  const { t, i18n } = useTranslation();
  const { branchName } = useNames();
  const lang = i18n.language;
  const columns: TableProps<Appointment>['columns'] = [
    { key: 'attempt', title: t('tests.columns.attempt'), render: (_, a) => <span data-testid="attempt-number">{a.attempt}</span> },
    {
      key: 'date',
      title: t('tests.columns.date'),
      render: (_, a) => (
        <span className="attempt-when">
          <span>{formatDate(a.date, lang)}</span>
          <span className="muted small">{branchName(a.branchId)}</span>
        </span>
      ),
    },
    { key: 'status', title: t('tests.columns.status'), render: (_, a) => <AppointmentStatusTag status={a.status} /> },
    {
      key: 'bill',
      title: t('tests.columns.bill'),
      render: (_, a) => {
        const bill = billOf(app, a);
        return (
          <span className="attempt-bill">
            {a.billPaid ? <Tag color="green">{t('tests.paid')}</Tag> : <Tag color="orange">{t('tests.unpaid')}</Tag>}
            {bill && <Money fils={bill.total} />}
          </span>
        );
      },
    },
    {
      key: 'notes',
      title: t('tests.columns.notes'),
      className: 'attempt-notes',
      render: (_, a) => (a.notes ? <bdi dir="auto">{a.notes}</bdi> : <span className="muted">{t('common.none')}</span>),
    },
  ];
  return (
    <Table<Appointment>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={step.attempts}
      className="attempts-table"
      data-testid={`attempts-${step.test}`}
    />
  );
}

function TestsCard({ app }: { app: Application }) {
  const { t } = useTranslation();
  const { steps, current } = testSteps(app.appointments);
  const previous = (i: number) => (i > 0 ? t(`tests.lower.${steps[i - 1].test}`) : '');
  return (
    <Card title={<h2 className="card-title">{t('tests.title')}</h2>} className="form-card" data-testid="tests-panel">
      <Steps
        orientation="vertical"
        current={current}
        className="test-steps"
        items={steps.map((s, i) => ({
          key: s.test,
          status: stepStatus(s.state),
          title: (
            <span className="test-step-title" data-testid={`test-step-${s.test}`} data-state={s.state}>
              {t(`tests.types.${s.test}`)} <Tag className="test-state">{t(`tests.states.${s.state}`)}</Tag>
            </span>
          ),
          content:
            s.attempts.length > 0 ? (
              <AttemptsTable step={s} app={app} />
            ) : (
              <p className="muted test-empty">
                {s.state === 'locked' ? t('tests.lockedHint', { previous: previous(i) }) : t('tests.notBooked')}
              </p>
            ),
        }))}
      />
    </Card>
  );
}

// ---------------------------------------------------------------- dialogs
interface ScheduleValues {
  date: Dayjs;
  branchId: number;
  pay: PayNow;
}

function ScheduleModal({ app, test, open, onClose, onDone }: { app: Application; test: TestType | null; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { branches } = useNames();
  const payDefault = usePayDefault();
  const action = useIdempotency();
  const { steps } = testSteps(app.appointments);
  const step = steps.find((s) => s.test === test);
  const retake = (step?.attempts.filter((a) => a.status === 'failed').length ?? 0) > 0;
  return (
    <FormModal<ScheduleValues>
      open={open}
      name="schedule-test"
      title={t('applications.scheduleTitle', { test: test ? t(`tests.lower.${test}`) : '' })}
      okText={t('applications.scheduleSubmit')}
      fields={['date', 'branchId', 'pay']}
      initialValues={{ date: serverTodayDayjs(), branchId: user.branchId ?? undefined, pay: payDefault }}
      onClose={() => {
        action.reset();
        onClose();
      }}
      onSubmit={async (v) => {
        if (!test) return;
        const appt = await action.run((key) =>
          scheduleTest(app.id, { testType: test, date: v.date.format('YYYY-MM-DD'), branchId: v.branchId }, { pay: v.pay, idempotencyKey: key }),
        );
        void message.success(t('applications.scheduled', { test: t(`tests.lower.${test}`), date: formatDate(appt.date, i18n.language), attempt: appt.attempt }));
        onDone();
      }}
    >
      {() => (
        <>
          {retake && <Alert type="info" showIcon className="block-alert" title={t('applications.retakeNotice')} data-testid="retake-notice" />}
          <Form.Item
            name="date"
            label={t('applications.fields.testDate')}
            rules={[{ required: true, message: t('validation.requiredField', { field: t('applications.fields.testDate') }) }]}
            extra={t('applications.testDateHint')}
          >
            <DatePicker
              className="full-width"
              format="YYYY-MM-DD"
              disabledDate={(d) => d.isBefore(serverTodayDayjs(), 'day')}
              data-testid="test-date"
            />
          </Form.Item>
          <Form.Item
            name="branchId"
            label={t('applications.fields.testBranch')}
            rules={[{ required: true, message: t('validation.requiredField', { field: t('applications.fields.testBranch') }) }]}
          >
            <Select<number>
              loading={branches.isPending}
              options={(branches.data ?? []).filter((b) => b.active).map((b) => ({ value: b.id, label: localName(b, i18n.language) }))}
            />
          </Form.Item>
          <PayNowField />
        </>
      )}
    </FormModal>
  );
}

interface ResultValues {
  outcome: 'passed' | 'failed';
  notes?: string;
  confirm: boolean;
}

function RecordResultModal({ appointment, onClose, onDone }: { appointment: Appointment | null; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  return (
    <FormModal<ResultValues>
      open={appointment !== null}
      name="record-result"
      title={appointment ? t('applications.recordTitle', { test: t(`tests.lower.${appointment.testType}`), attempt: appointment.attempt }) : ''}
      okText={t('applications.recordSubmit')}
      fields={['outcome', 'notes']}
      initialValues={{ confirm: false }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!appointment) return;
        const notes = v.notes?.trim() ? v.notes.trim() : null;
        await recordResult(appointment.id, { passed: v.outcome === 'passed', notes });
        void message.success(t(v.outcome === 'passed' ? 'applications.recordedPassed' : 'applications.recordedFailed'));
        onDone();
      }}
    >
      {() =>
        appointment && (
          <>
            <p className="muted">
              {t('applications.recordFor', { date: formatDate(appointment.date, i18n.language), attempt: appointment.attempt })}
            </p>
            <Form.Item
              name="outcome"
              label={t('applications.fields.outcome')}
              rules={[{ required: true, message: t('applications.chooseOutcome') }]}
            >
              <Radio.Group data-testid="result-outcome">
                <Radio.Button value="passed" data-testid="outcome-passed">
                  <CheckCircleOutlined aria-hidden="true" /> {t('tests.statuses.passed')}
                </Radio.Button>
                <Radio.Button value="failed" data-testid="outcome-failed">
                  <CloseCircleOutlined aria-hidden="true" /> {t('tests.statuses.failed')}
                </Radio.Button>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="notes" label={t('applications.fields.notes')} rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}>
              <Input.TextArea rows={3} maxLength={500} showCount dir="auto" data-testid="result-notes" />
            </Form.Item>
            <Alert type="warning" showIcon className="block-alert" title={t('applications.finalWarning')} />
            <Form.Item
              name="confirm"
              valuePropName="checked"
              rules={[
                {
                  validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t('applications.confirmRequired')))),
                },
              ]}
            >
              <Checkbox data-testid="result-confirm">{t('applications.confirmFinal')}</Checkbox>
            </Form.Item>
          </>
        )
      }
    </FormModal>
  );
}

function IssueModal({ app, open, onClose }: { app: Application; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { className } = useNames();
  const action = useIdempotency();
  const unpaid = openBills(app);
  return (
    <FormModal<{ pay: PayNow }>
      open={open}
      name="issue-license"
      title={t('applications.issueTitle')}
      okText={t('applications.actions.issue')}
      fields={['pay']}
      initialValues={{ pay: 'cash' }}
      onClose={() => {
        action.reset();
        onClose();
      }}
      onSubmit={async (v) => {
        const license = await action.run((key) =>
          issueLicense(app.id, { pay: unpaid.length > 0 ? v.pay : undefined, idempotencyKey: key }),
        );
        void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
        void queryClient.invalidateQueries({ queryKey: licenseKeys.all });
        void queryClient.invalidateQueries({ queryKey: drivingRecordKeys.one(app.personId) });
        void message.success(t('applications.issued', { number: license.number }));
        navigate(`/licenses/${license.id}`);
      }}
    >
      {() => (
        <>
          <p>{t('applications.issueText', { name: className(app.licenseClassId) ?? '' })}</p>
          {unpaid.length > 0 && (
            <>
              <p className="pay-amount">
                {t('applications.issueDue')}:{' '}
                <strong data-testid="issue-due">
                  <Money fils={billsTotal(unpaid)} />
                </strong>
              </p>
              <PayNowField allowLater={false} required />
            </>
          )}
        </>
      )}
    </FormModal>
  );
}

// ---------------------------------------------------------------- page
export function ApplicationPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { id } = useParams();
  const applicationId = Number(id);
  const valid = Number.isInteger(applicationId) && applicationId > 0;
  const query = useQuery({
    queryKey: applicationKeys.one(applicationId),
    queryFn: ({ signal }) => fetchApplication(applicationId, signal),
    enabled: valid,
  });
  const [scheduling, setScheduling] = useState(false);
  const [recording, setRecording] = useState<Appointment | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [paying, setPaying] = useState<Bill | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  if (!valid || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <Result
        status="404"
        title={<h1 className="page-title">{t('applications.notFound')}</h1>}
        extra={<Button onClick={() => navigate('/applications')}>{t('applications.backToList')}</Button>}
      />
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const app = query.data;
  const refresh = (keepReceipt = false) => {
    setActionError(null);
    if (!keepReceipt) setReceipt(null);
    void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    void queryClient.invalidateQueries({ queryKey: drivingRecordKeys.one(app.personId) });
    void queryClient.invalidateQueries({ queryKey: licenseKeys.all });
  };
  const ar = i18n.language === 'ar';

  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={12} className="page-head">
        <div>
          <Typography.Title level={1} className="page-title person-title" data-testid="page-title">
            <span>{t('applications.pageTitle', { id: app.id })}</span>
            <ApplicationStatusTag status={app.status} />
          </Typography.Title>
          <p className="page-subtitle">
            {t(`application.types.${app.type}`, { defaultValue: app.type })} ·{' '}
            <bdi lang={ar ? 'ar' : 'en'}>{ar ? app.personNameAr : app.personNameEn}</bdi>
          </p>
        </div>
        <Button
          icon={<ArrowLeftOutlined className="flip-rtl" />}
          onClick={() => {
            const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
            if (idx > 0) navigate(-1);
            else navigate('/applications');
          }}
        >
          {t('common.back')}
        </Button>
      </Flex>
      {actionError !== null && <ErrorAlert error={actionError} />}
      {receipt && <ReceiptNotice receipt={receipt} onClose={() => setReceipt(null)} />}
      <Summary app={app} />
      <NextStepCard
        app={app}
        onSchedule={() => setScheduling(true)}
        onRecord={setRecording}
        onIssue={() => setIssuing(true)}
        onPay={setPaying}
        onCancelled={() => {
          void message.success(t('applications.cancelled'));
          refresh();
        }}
        onError={setActionError}
      />
      <Row gutter={[16, 0]}>
        {app.type === 'new-local-license' && (
          <Col xs={24} xl={15}>
            <TestsCard app={app} />
          </Col>
        )}
        <Col xs={24} xl={app.type === 'new-local-license' ? 9 : 24}>
          <Card title={<h2 className="card-title">{t('bills.title')}</h2>} className="form-card" data-testid="bills-panel">
            <BillsList bills={app.bills ?? []} onPay={app.status === 'new' ? setPaying : undefined} />
          </Card>
        </Col>
      </Row>
      <ScheduleModal
        app={app}
        test={app.nextStep === 'schedule-test' ? explainNextStep(app, serverToday()).test ?? null : null}
        open={scheduling}
        onClose={() => setScheduling(false)}
        onDone={() => refresh()}
      />
      <RecordResultModal appointment={recording} onClose={() => setRecording(null)} onDone={() => refresh()} />
      <IssueModal app={app} open={issuing} onClose={() => setIssuing(false)} />
      <PayBillModal
        bill={paying}
        onClose={() => setPaying(null)}
        onPaid={(r) => {
          setReceipt(r);
          refresh(true);
        }}
      />
    </>
  );
}
