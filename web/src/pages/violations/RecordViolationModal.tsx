// "Record violation": the type (with its fine and points), the driver's licence (found by its
// number) and/or the vehicle (found by plate), the place, when it happened (date and time, not in
// the future, sent in UTC) and notes. The fine is billed, due in 30 days; points count on the
// driver's record.
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useViolationTypes } from '../../api/hooks';
import { recordViolation, type Violation, type ViolationType } from '../../api/violations';
import { FormModal } from '../../components/FormModal';
import { LicenseLookup } from '../../components/LicenseLookup';
import { VehiclePicker } from '../../components/VehiclePicker';
import { localName } from '../../lib/format';
import { formatFils } from '../../lib/money';
import { utcTimestamp } from '../../lib/violations';

interface Values {
  violationType: string;
  licenseId: number | null;
  vehicleId: number | null;
  place: string;
  occurredAt: Dayjs;
  notes?: string;
}

const FIELDS = ['violationType', 'licenseId', 'vehicleId', 'place', 'occurredAt', 'notes'] as const;

export function typeOption(type: ViolationType, language: string, t: (k: string, o?: Record<string, unknown>) => string) {
  return t('violations.typeOption', { name: localName(type, language), fine: formatFils(type.fine, language), points: type.points });
}

export function RecordViolationModal({
  open,
  onClose,
  vehicleId,
  licenseId,
  onRecorded,
}: {
  open: boolean;
  onClose: () => void;
  vehicleId?: number;
  licenseId?: number;
  onRecorded?: (v: Violation) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const types = useViolationTypes();
  const lang = i18n.language;
  const required = (labelKey: string) => ({ required: true, message: t('validation.requiredField', { field: t(labelKey) }) });
  const eitherRule = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: () =>
      getFieldValue('licenseId') || getFieldValue('vehicleId')
        ? Promise.resolve()
        : Promise.reject(new Error(t('violations.licenseOrVehicle'))),
  });

  return (
    <FormModal<Values>
      open={open}
      name="record-violation"
      title={t('violations.recordTitle')}
      okText={t('violations.recordSubmit')}
      fields={FIELDS}
      width={640}
      initialValues={{ vehicleId: vehicleId ?? null, licenseId: licenseId ?? null, occurredAt: dayjs().second(0).millisecond(0) }}
      onClose={onClose}
      onSubmit={async (v) => {
        const violation = await recordViolation({
          violationType: v.violationType,
          ...(v.licenseId ? { licenseId: v.licenseId } : {}),
          ...(v.vehicleId ? { vehicleId: v.vehicleId } : {}),
          place: v.place.trim(),
          occurredAt: utcTimestamp(v.occurredAt.toDate()),
          ...(v.notes?.trim() ? { notes: v.notes.trim() } : {}),
        });
        for (const key of [['violations'], ['vehicles'], ['points'], ['driving-record']]) {
          void queryClient.invalidateQueries({ queryKey: key });
        }
        void message.success(t('violations.recorded', { fine: formatFils(violation.fine, lang), points: violation.points }));
        onRecorded?.(violation);
      }}
    >
      {() => (
        <>
          <Form.Item name="violationType" label={t('violations.fields.type')} rules={[required('violations.fields.type')]}>
            <Select<string>
              loading={types.isPending}
              placeholder={t('personForm.choose')}
              showSearch={{
                filterOption: (input, option) =>
                  !!option && `${option.search}`.toLowerCase().includes(input.trim().toLowerCase()),
              }}
              options={(types.data ?? []).map((x) => ({
                value: x.code,
                label: typeOption(x, lang, t),
                search: `${x.code} ${x.nameEn} ${x.nameAr}`,
              }))}
              data-testid="violation-type"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="licenseId"
            label={t('violations.fields.license')}
            extra={t('violations.licenseHint')}
          >
            <LicenseLookup />
          </Form.Item>
          <Form.Item
            name="vehicleId"
            label={t('violations.fields.vehicle')}
            dependencies={['licenseId']}
            rules={[eitherRule]}
            extra={t('violations.vehicleHint')}
          >
            <VehiclePicker />
          </Form.Item>
          <Form.Item
            name="place"
            label={t('violations.fields.place')}
            rules={[{ ...required('violations.fields.place'), whitespace: true }, { max: 200, message: t('validation.maxLength', { max: 200 }) }]}
          >
            <Input dir="auto" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="occurredAt"
            label={t('violations.fields.occurredAt')}
            extra={t('violations.occurredAtHint')}
            rules={[
              required('violations.fields.occurredAt'),
              {
                validator: (_, d: Dayjs | undefined) =>
                  !d || !d.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error(t('validation.rules.not-in-future'))),
              },
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              className="full-width"
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="occurred-at"
            />
          </Form.Item>
          <Form.Item name="notes" label={t('violations.fields.notes')} rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}>
            <Input.TextArea rows={2} maxLength={500} showCount dir="auto" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
