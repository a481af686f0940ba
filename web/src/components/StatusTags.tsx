// Coloured status tags of licences, applications, test appointments and bills, translated.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  APPLICATION_STATUS_COLORS,
  APPOINTMENT_STATUS_COLORS,
  BILL_STATUS_COLORS,
  LICENSE_STATUS_COLORS,
  statusColor,
} from '../lib/licensing';

export function LicenseStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor(LICENSE_STATUS_COLORS, status)} data-testid="license-status" data-status={status}>
      {t(`license.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function ApplicationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor(APPLICATION_STATUS_COLORS, status)} data-testid="application-status" data-status={status}>
      {t(`application.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function AppointmentStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor(APPOINTMENT_STATUS_COLORS, status)} data-testid="appointment-status" data-status={status}>
      {t(`tests.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function BillStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor(BILL_STATUS_COLORS, status)} data-testid="bill-status" data-status={status}>
      {t(`bills.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}
