// Violations as a table (the list page, a vehicle, a person's driving record): type in both
// scripts, who answers for it, licence and vehicle, place and time, fine, points, the fine's bill
// and the status; and what the signed-in role may do now: dispute (once, before the fine is
// paid), decide a dispute (uphold or cancel, confirmed first) and pay the fine at the counter.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Table, type TableProps } from 'antd';
import { CarOutlined, CheckOutlined, CloseOutlined, FlagOutlined, IdcardOutlined, WalletOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fetchBill, type Bill, type Receipt } from '../api/licensing';
import { decideViolation, disputeViolation, type Violation } from '../api/violations';
import { errorMessage, serverDetail } from '../i18n/errors';
import { formatDateTime } from '../lib/format';
import { violationActions } from '../lib/violations';
import { usePermissions } from '../lib/usePermissions';
import { PayBillModal, ReceiptNotice } from './Bills';
import { BothNames } from './BothNames';
import { LicenseLink } from './LicenseLink';
import { Money } from './Money';
import { PersonLink } from './PersonLink';
import { BillStatusTag, ViolationStatusTag } from './StatusTags';
import { VehicleLink } from './VehicleLink';

export type ViolationColumn = 'person' | 'license' | 'vehicle';

/** Refreshes everything a violation shows up on. */
export function useViolationRefresh() {
  const queryClient = useQueryClient();
  return () => {
    for (const key of [['violations'], ['vehicles'], ['points'], ['driving-record'], ['licenses']]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };
}

export function ViolationsTable({
  rows,
  loading,
  pagination = false,
  hide = [],
  emptyText,
  testId = 'violations-table',
}: {
  rows: readonly Violation[];
  loading?: boolean;
  pagination?: TableProps<Violation>['pagination'];
  hide?: readonly ViolationColumn[];
  emptyText?: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const { modal, message } = App.useApp();
  const refresh = useViolationRefresh();
  const [paying, setPaying] = useState<Bill | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const lang = i18n.language;
  const exists = (k: string) => i18n.exists(k);

  const fail = (e: unknown) => {
    const text = errorMessage(t, e, exists);
    const detail = serverDetail(e, text);
    void message.error(detail ? `${text} ${detail}` : text);
  };

  const run = async (key: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await fn();
      void message.success(done);
      refresh();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const name = (v: Violation) => (lang === 'ar' ? v.nameAr || v.nameEn : v.nameEn || v.nameAr);

  const confirmDispute = (v: Violation) =>
    modal.confirm({
      title: t('violations.disputeConfirm.title'),
      content: t('violations.disputeConfirm.text', { name: name(v) }),
      okText: t('violations.actions.dispute'),
      cancelText: t('common.cancel'),
      onOk: () => run(`dispute-${v.id}`, () => disputeViolation(v.id), t('violations.disputed')),
    });

  const confirmDecision = (v: Violation, upheld: boolean) =>
    modal.confirm({
      title: upheld ? t('violations.decideConfirm.upholdTitle') : t('violations.decideConfirm.cancelTitle'),
      content: upheld
        ? t('violations.decideConfirm.upholdText', { name: name(v) })
        : t('violations.decideConfirm.cancelText', { name: name(v) }),
      okText: upheld ? t('violations.actions.uphold') : t('violations.actions.cancel'),
      okButtonProps: { danger: !upheld },
      cancelText: t('common.cancel'),
      onOk: () =>
        run(`decide-${v.id}`, () => decideViolation(v.id, upheld), upheld ? t('violations.upheldNotice') : t('violations.cancelledNotice')),
    });

  const pay = async (v: Violation) => {
    if (!v.billId) return;
    setBusy(`pay-${v.id}`);
    try {
      setPaying(await fetchBill(v.billId));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const actionsOf = (v: Violation) => {
    const allowed = violationActions(v);
    const buttons = [];
    if (allowed.dispute && can('applications.write'))
      buttons.push(
        <Button
          key="dispute"
          size="small"
          icon={<FlagOutlined />}
          loading={busy === `dispute-${v.id}`}
          onClick={() => confirmDispute(v)}
          data-testid="violation-dispute"
        >
          {t('violations.actions.dispute')}
        </Button>,
      );
    if (allowed.decide && can('violations.decide'))
      buttons.push(
        <Button
          key="uphold"
          size="small"
          icon={<CheckOutlined />}
          loading={busy === `decide-${v.id}`}
          onClick={() => confirmDecision(v, true)}
          data-testid="violation-uphold"
        >
          {t('violations.actions.uphold')}
        </Button>,
        <Button
          key="cancel"
          size="small"
          danger
          icon={<CloseOutlined />}
          onClick={() => confirmDecision(v, false)}
          data-testid="violation-cancel"
        >
          {t('violations.actions.cancel')}
        </Button>,
      );
    if (allowed.pay && can('payments.collect'))
      buttons.push(
        <Button
          key="pay"
          size="small"
          type="primary"
          icon={<WalletOutlined />}
          loading={busy === `pay-${v.id}`}
          onClick={() => void pay(v)}
          data-testid="violation-pay"
        >
          {t('violations.actions.pay')}
        </Button>,
      );
    return buttons;
  };

  const anyActions = rows.some((v) => actionsOf(v).length > 0);

  const columns: NonNullable<TableProps<Violation>['columns']> = [
    {
      key: 'type',
      title: t('violations.columns.type'),
      render: (_, v) => (
        <span className="wrap-cell">
          <BothNames ar={v.nameAr} en={v.nameEn} language={lang} />
        </span>
      ),
    },
  ];
  if (!hide.includes('person'))
    columns.push({
      key: 'person',
      title: t('violations.columns.person'),
      render: (_, v) => (
        <span className="wrap-cell">
          <PersonLink id={v.personId} />
        </span>
      ),
    });
  // A column nobody in the list has a value for is left out (e.g. no licence on a vehicle's list).
  const showLicense = !hide.includes('license') && (rows.length === 0 || rows.some((v) => v.licenseId));
  const showVehicle = !hide.includes('vehicle') && (rows.length === 0 || rows.some((v) => v.vehicleId));
  if (showLicense || showVehicle)
    columns.push({
      key: 'subject',
      title: showLicense && showVehicle ? t('violations.columns.licenseVehicle') : showLicense ? t('violations.columns.license') : t('violations.columns.vehicle'),
      render: (_, v) => {
        const parts = [];
        if (showVehicle && v.vehicleId)
          parts.push(
            <span key="vehicle" className="subject-line">
              <CarOutlined aria-label={t('violations.columns.vehicle')} /> <VehicleLink id={v.vehicleId} testId="violation-vehicle" />
            </span>,
          );
        if (showLicense && v.licenseId)
          parts.push(
            <span key="license" className="subject-line">
              <IdcardOutlined aria-label={t('violations.columns.license')} /> <LicenseLink id={v.licenseId} />
            </span>,
          );
        return parts.length ? <span className="cell-stack">{parts}</span> : t('common.none');
      },
    });
  columns.push(
    {
      key: 'where',
      title: t('violations.columns.placeTime'),
      render: (_, v) => (
        <span className="cell-stack">
          <bdi dir="auto" className="wrap-cell">
            {v.place}
          </bdi>
          <time dateTime={v.occurredAt} className="muted small">
            {formatDateTime(v.occurredAt, lang)}
          </time>
        </span>
      ),
    },
    {
      key: 'fine',
      title: t('violations.columns.fine'),
      render: (_, v) => (
        <span className="cell-stack">
          <Money fils={v.fine} />
          {v.billStatus && <BillStatusTag status={v.billStatus} />}
        </span>
      ),
    },
    { key: 'points', title: t('violations.columns.points'), align: 'end', render: (_, v) => <bdi>{v.points}</bdi> },
    { key: 'status', title: t('violations.columns.status'), render: (_, v) => <ViolationStatusTag status={v.status} /> },
  );
  if (anyActions)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, v) => (
        <Flex vertical gap={4} align="flex-start" className="row-actions">
          {actionsOf(v)}
        </Flex>
      ),
    });

  return (
    <>
      {receipt && <ReceiptNotice receipt={receipt} onClose={() => setReceipt(null)} />}
      <Table<Violation>
        rowKey="id"
        size="middle"
        data-testid={testId}
        columns={columns}
        dataSource={[...rows]}
        loading={loading}
        scroll={{ x: 'max-content' }}
        pagination={pagination}
        locale={emptyText ? { emptyText } : undefined}
        onRow={(v) => ({ 'data-violation-id': v.id, 'data-status': v.status }) as React.HTMLAttributes<HTMLElement>}
      />
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
