// Coloured status tags of licences, applications, test appointments, bills, vehicles,
// ownership transfers and violations, translated.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  APPLICATION_STATUS_COLORS,
  APPOINTMENT_STATUS_COLORS,
  BILL_STATUS_COLORS,
  LICENSE_STATUS_COLORS,
  statusColor,
} from '../lib/licensing';
import { TRANSFER_STATUS_COLORS, VEHICLE_STATUS_COLORS } from '../lib/vehicles';
import { VIOLATION_STATUS_COLORS } from '../lib/violations';

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

export function VehicleStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor(VEHICLE_STATUS_COLORS, status)} data-testid="vehicle-status" data-status={status}>
      {t(`vehicle.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** The vehicle's status with "Seized" and "Lien" when they apply. */
export function VehicleTags({ status, seized, lien }: { status: string; seized: boolean; lien: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="tag-row" data-testid="vehicle-tags">
      <VehicleStatusTag status={status} />
      {seized && (
        <Tag color="red" data-testid="vehicle-seized">
          {t('vehicle.seizedTag')}
        </Tag>
      )}
      {lien && (
        <Tag color="purple" data-testid="vehicle-lien">
          {t('vehicle.lienTag')}
        </Tag>
      )}
    </span>
  );
}

export function TransferStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor(TRANSFER_STATUS_COLORS, status)} data-testid="transfer-status" data-status={status}>
      {t(`vehicle.transfers.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function ViolationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor(VIOLATION_STATUS_COLORS, status)} data-testid="violation-status" data-status={status}>
      {t(`violations.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}
