// "Register vehicle": VIN (upper case as typed, checked like the server checks it), make,
// model, year, colour, electric or engine size and fuel, seats, weight, category, the owner, and
// the registration fee paid now at the counter (cash or card; vehicle services are never left
// unpaid). A plate is assigned and the vehicle licensed one year.
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApplicationTypes } from '../../api/hooks';
import type { PaymentMethod } from '../../api/licensing';
import { FUELS, VEHICLE_CATEGORIES, registerVehicle, vehicleKeys, type Fuel, type VehicleCategory } from '../../api/vehicles';
import { FormModal } from '../../components/FormModal';
import { PayNowField } from '../../components/PayNowField';
import { PersonPicker } from '../../components/PersonPicker';
import { formatFils } from '../../lib/money';
import { useIdempotency } from '../../lib/useIdempotency';
import { usePermissions } from '../../lib/usePermissions';
import { VIN_LENGTH, normalizeVin, vinProblem } from '../../lib/vehicles';

interface Values {
  vin: string;
  make: string;
  model: string;
  year: number;
  color: string;
  electric: boolean;
  engineCc?: number;
  fuel: Fuel;
  seats: number;
  weightKg: number;
  category: VehicleCategory;
  ownerPersonId: number | null;
  payment: PaymentMethod;
}

const FIELDS = [
  'vin',
  'make',
  'model',
  'year',
  'color',
  'electric',
  'engineCc',
  'fuel',
  'seats',
  'weightKg',
  'category',
  'ownerPersonId',
  'payment',
] as const;

export function RegisterVehicleModal({
  open,
  onClose,
  ownerPersonId,
}: {
  open: boolean;
  onClose: () => void;
  ownerPersonId?: number;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const action = useIdempotency();
  const services = useApplicationTypes();
  const fee = services.data?.find((s) => s.code === 'vehicle-registration')?.fee;
  const nextYear = new Date().getFullYear() + 1;
  const required = (labelKey: string) => ({
    required: true,
    message: t('validation.requiredField', { field: t(labelKey) }),
  });
  const text = (labelKey: string) => [
    { ...required(labelKey), whitespace: true },
    { max: 50, message: t('validation.maxLength', { max: 50 }) },
  ];
  const range = (labelKey: string, min: number, max: number) => [
    required(labelKey),
    { type: 'integer' as const, min, max, message: t('validation.range', { min, max }) },
  ];

  return (
    <FormModal<Values>
      open={open}
      name="register-vehicle"
      title={t('vehicles.registerTitle')}
      okText={t('vehicles.registerSubmit')}
      fields={FIELDS}
      width={720}
      initialValues={{
        electric: false,
        fuel: 'petrol',
        category: 'private',
        seats: 5,
        ownerPersonId: ownerPersonId ?? null,
        payment: 'cash',
      }}
      onClose={() => {
        action.reset();
        onClose();
      }}
      onSubmit={async (v) => {
        const electric = !!v.electric;
        const vehicle = await action.run((key) =>
          registerVehicle(
            {
              vin: normalizeVin(v.vin),
              make: v.make.trim(),
              model: v.model.trim(),
              year: v.year,
              color: v.color.trim(),
              ...(electric ? { electric: true } : { engineCc: v.engineCc }),
              fuel: electric ? 'electric' : v.fuel,
              seats: v.seats,
              weightKg: v.weightKg,
              category: v.category,
              ownerPersonId: v.ownerPersonId ?? 0,
            },
            { method: v.payment, idempotencyKey: key },
          ),
        );
        void queryClient.invalidateQueries({ queryKey: vehicleKeys.all });
        queryClient.setQueryData(vehicleKeys.one(vehicle.id), vehicle);
        void message.success(t('vehicles.registered', { plate: vehicle.plate }));
        navigate(`/vehicles/${vehicle.id}`);
      }}
    >
      {(form) => (
        <>
          {!can('payments.collect') && (
            <Alert type="warning" showIcon className="block-alert" title={t('vehicles.needsCashier')} />
          )}
          <Form.Item
            name="vin"
            label={t('vehicle.fields.vin')}
            normalize={(value: string) => normalizeVin(value)}
            validateTrigger={['onBlur']}
            extra={t('vehicles.vinHint', { length: VIN_LENGTH })}
            rules={[
              required('vehicle.fields.vin'),
              {
                validator: (_, value: string | undefined) => {
                  if (!value) return Promise.resolve();
                  const problem = vinProblem(value);
                  return problem ? Promise.reject(new Error(t(`validation.byField.vin.${problem}`))) : Promise.resolve();
                },
              },
            ]}
          >
            <Input
              dir="ltr"
              className="mono"
              autoComplete="off"
              spellCheck={false}
              count={{ show: true, max: VIN_LENGTH }}
              autoFocus
              data-testid="vin-input"
            />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="make" label={t('vehicle.fields.make')} rules={text('vehicle.fields.make')}>
                <Input dir="auto" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="model" label={t('vehicle.fields.model')} rules={text('vehicle.fields.model')}>
                <Input dir="auto" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="year" label={t('vehicle.fields.year')} rules={range('vehicle.fields.year', 1900, nextYear)}>
                <InputNumber precision={0} dir="ltr" className="full-width" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="color" label={t('vehicle.fields.color')} rules={text('vehicle.fields.color')}>
                <Input dir="auto" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="electric" label={t('vehicle.fields.electric')} valuePropName="checked" required>
                <Switch
                  data-testid="electric-switch"
                  onChange={(on) => {
                    if (on) form.setFieldsValue({ fuel: 'electric', engineCc: undefined });
                    else if (form.getFieldValue('fuel') === 'electric') form.setFieldsValue({ fuel: 'petrol' });
                  }}
                />
              </Form.Item>
            </Col>
            <Form.Item noStyle shouldUpdate={(a, b) => a.electric !== b.electric}>
              {() =>
                form.getFieldValue('electric') ? null : (
                  <Col xs={24} sm={8}>
                    <Form.Item
                      name="engineCc"
                      label={t('vehicle.fields.engineCc')}
                      rules={range('vehicle.fields.engineCc', 50, 20000)}
                    >
                      <InputNumber precision={0} dir="ltr" className="full-width" suffix={t('vehicle.units.cc')} />
                    </Form.Item>
                  </Col>
                )
              }
            </Form.Item>
            <Col xs={24} sm={8}>
              <Form.Item name="fuel" label={t('vehicle.fields.fuel')} rules={[required('vehicle.fields.fuel')]}>
                <Select<Fuel>
                  onChange={(fuel) => {
                    if (fuel === 'electric') form.setFieldsValue({ electric: true, engineCc: undefined });
                    else if (form.getFieldValue('electric')) form.setFieldsValue({ electric: false });
                  }}
                  options={FUELS.map((f) => ({ value: f, label: t(`vehicle.fuels.${f}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="seats" label={t('vehicle.fields.seats')} rules={range('vehicle.fields.seats', 1, 100)}>
                <InputNumber precision={0} dir="ltr" className="full-width" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="weightKg" label={t('vehicle.fields.weightKg')} rules={range('vehicle.fields.weightKg', 50, 60000)}>
                <InputNumber precision={0} dir="ltr" className="full-width" suffix={t('vehicle.units.kg')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="category" label={t('vehicle.fields.category')} rules={[required('vehicle.fields.category')]}>
                <Select<VehicleCategory>
                  options={VEHICLE_CATEGORIES.map((c) => ({ value: c, label: t(`vehicle.categories.${c}`) }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="ownerPersonId"
            label={t('vehicle.fields.owner')}
            rules={[required('vehicle.fields.owner')]}
            extra={t('applications.personHint')}
          >
            <PersonPicker />
          </Form.Item>
          {fee !== undefined && (
            <p className="muted fee-hint" data-testid="fee-hint">
              {t('vehicles.feeHint', { fee: formatFils(fee, i18n.language) })}
            </p>
          )}
          <PayNowField name="payment" allowLater={false} required />
        </>
      )}
    </FormModal>
  );
}
