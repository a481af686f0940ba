// "New licence application": the applicant, the licence class (with its minimum age and fee)
// and, for staff who collect payments, paying the application fee at once.
import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLicenseClasses } from '../../api/hooks';
import { fetchApplicationTypes, referenceKeys } from '../../api/reference';
import { applicationKeys, applyForLocalLicense, type PayNow } from '../../api/licensing';
import { FormModal } from '../../components/FormModal';
import { PayNowField, usePayDefault } from '../../components/PayNowField';
import { PersonPicker } from '../../components/PersonPicker';
import { localName } from '../../lib/format';
import { formatFils } from '../../lib/money';
import { useIdempotency } from '../../lib/useIdempotency';

interface Values {
  personId: number | null;
  licenseClassId: number;
  pay: PayNow;
}

export function NewApplicationModal({
  open,
  onClose,
  personId,
}: {
  open: boolean;
  onClose: () => void;
  personId?: number;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const classes = useLicenseClasses();
  const services = useQuery({
    queryKey: referenceKeys.applicationTypes,
    queryFn: ({ signal }) => fetchApplicationTypes(signal),
    staleTime: 5 * 60_000,
  });
  const applicationFee = services.data?.find((s) => s.code === 'new-local-license')?.fee;
  const payDefault = usePayDefault();
  const action = useIdempotency();
  const lang = i18n.language;
  return (
    <FormModal<Values>
      open={open}
      name="new-application"
      title={t('applications.newTitle')}
      okText={t('applications.create')}
      fields={['personId', 'licenseClassId', 'pay']}
      initialValues={{ personId: personId ?? null, pay: payDefault }}
      width={600}
      onClose={() => {
        action.reset();
        onClose();
      }}
      onSubmit={async (v) => {
        const app = await action.run((key) =>
          applyForLocalLicense(
            { personId: v.personId ?? 0, licenseClassId: v.licenseClassId },
            { pay: v.pay, idempotencyKey: key },
          ),
        );
        void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
        void message.success(t('applications.created', { id: app.id }));
        navigate(`/applications/${app.id}`);
      }}
    >
      {() => (
        <>
          <Form.Item
            name="personId"
            label={t('applications.fields.person')}
            rules={[{ required: true, message: t('validation.requiredField', { field: t('applications.fields.person') }) }]}
            extra={t('applications.personHint')}
          >
            <PersonPicker />
          </Form.Item>
          <Form.Item
            name="licenseClassId"
            label={t('applications.fields.licenseClass')}
            rules={[{ required: true, message: t('validation.requiredField', { field: t('applications.fields.licenseClass') }) }]}
          >
            <Select<number>
              loading={classes.isPending}
              placeholder={t('personForm.choose')}
              data-testid="license-class-select"
              options={(classes.data ?? []).map((c) => ({
                value: c.id,
                label: t('applications.classOption', {
                  name: localName(c, lang),
                  age: c.minimumAge,
                  fee: formatFils(c.fee, lang),
                }),
              }))}
            />
          </Form.Item>
          {applicationFee !== undefined && (
            <p className="muted fee-hint" data-testid="fee-hint">
              {t('applications.feeHint', { fee: formatFils(applicationFee, lang) })}
            </p>
          )}
          <PayNowField />
        </>
      )}
    </FormModal>
  );
}
