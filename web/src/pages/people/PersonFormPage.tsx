// Register a person (/people/new) or edit one (/people/:id/edit). Every field of the record;
// Arabic names are typed right-to-left and English ones left-to-right whatever the interface
// language. The server's 422/409 answers land on the matching fields.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Switch,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import {
  DOCUMENT_TYPES,
  GENDERS,
  createPerson,
  fetchPerson,
  peopleKeys,
  updatePerson,
  type Person,
} from '../../api/people';
import { CountrySelect } from '../../components/CountrySelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  ADDRESS_MAX,
  ARABIC_NAME,
  DOCUMENT_NO,
  ENGLISH_NAME,
  JORDAN,
  MAX_AGE_YEARS,
  NAME_MAX,
  NATIONAL_NO,
  PERSON_FIELDS,
  PHONE,
  changedFields,
  normalizePhone,
  toFormValues,
  toPersonInput,
  type PersonFormValues,
} from '../../lib/personForm';
import { useServerErrors } from '../../lib/useServerErrors';
import { personName } from '../../lib/format';
import { serverTodayDayjs } from '../../lib/clock';

const NAME_PARTS = ['first', 'second', 'third', 'last'] as const;

/** Switch for "deceased" that asks before turning it on. */
function DeceasedSwitch({
  value,
  onChange,
  id,
  disabled,
}: {
  value?: boolean;
  onChange?: (v: boolean) => void;
  id?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return (
    <Switch
      id={id}
      checked={!!value}
      disabled={disabled}
      data-testid="deceased-switch"
      onChange={(next) => {
        if (!next) {
          onChange?.(false);
          return;
        }
        void modal.confirm({
          title: t('personForm.deceasedConfirmTitle'),
          content: t('personForm.deceasedConfirmText'),
          okText: t('personForm.deceasedConfirmOk'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () => onChange?.(true),
        });
      }}
    />
  );
}

function PersonForm({ person }: { person?: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const applyServerErrors = useServerErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const nationality = Form.useWatch('nationalityCode', form) ?? person?.nationalityCode ?? JORDAN;
  const jordanian = nationality === JORDAN;
  const nationalNo: string = Form.useWatch('nationalNo', form) ?? person?.nationalNo ?? '';
  // Without a national number a foreigner is registered by a document (type and number).
  const needsDocumentFor = (get: (name: string) => unknown) => !String(get('nationalNo') ?? '').trim();
  const needsDocument = !jordanian && !nationalNo.trim();
  const editing = !!person;

  const save = useMutation({
    mutationFn: async (values: PersonFormValues) => {
      const input = toPersonInput(values);
      if (!person) {
        delete input.deceased;
        return createPerson(input);
      }
      const changes = changedFields(person, input);
      return Object.keys(changes).length === 0 ? person : updatePerson(person.id, changes);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      queryClient.setQueryData(peopleKeys.one(saved.id), saved);
      void message.success(editing ? t('personForm.saved') : t('personForm.registered'));
      navigate(`/people/${saved.id}`);
    },
    onError: (error) => setFormError(applyServerErrors(form, error, PERSON_FIELDS)),
  });

  const required = (label: string): Rule => ({ required: true, whitespace: true, message: t('validation.requiredField', { field: label }) });

  const nameItem = (part: (typeof NAME_PARTS)[number], script: 'Ar' | 'En') => {
    const name = `${part}Name${script}` as keyof PersonFormValues;
    const label = t(`person.fields.${part}Name`);
    const scriptName = t(script === 'Ar' ? 'person.scripts.ar' : 'person.scripts.en');
    const rules: Rule[] = [
      { max: NAME_MAX, message: t('validation.maxLength', { max: NAME_MAX }) },
      {
        pattern: script === 'Ar' ? ARABIC_NAME : ENGLISH_NAME,
        message: t(script === 'Ar' ? 'validation.arabicScript' : 'validation.latinScript'),
      },
    ];
    if (part !== 'third') rules.unshift(required(`${label} (${scriptName})`));
    return (
      <Col xs={24} sm={12} xl={6} key={name}>
        <Form.Item
          name={name}
          label={
            <>
              {label}
              <span className="visually-hidden"> ({scriptName})</span>
            </>
          }
          rules={rules}
          required={part !== 'third'}
        >
          <Input
            dir={script === 'Ar' ? 'rtl' : 'ltr'}
            lang={script === 'Ar' ? 'ar' : 'en'}
            autoComplete="off"
            spellCheck={false}
            maxLength={NAME_MAX + 10}
          />
        </Form.Item>
      </Col>
    );
  };

  const initialValues: PersonFormValues = person
    ? toFormValues(person)
    : { nationalityCode: JORDAN, gender: undefined, deceased: false };

  return (
    <Form<PersonFormValues>
      form={form}
      name="person"
      layout="vertical"
      requiredMark="optional"
      initialValues={initialValues}
      onFinish={(values) => {
        setFormError(null);
        save.mutate(values);
      }}
      onFinishFailed={({ errorFields }) => {
        if (errorFields[0]) form.scrollToField(errorFields[0].name, { focus: true, block: 'center' });
      }}
      disabled={save.isPending}
      scrollToFirstError={false}
      className="person-form"
      data-testid="person-form"
    >
      {formError && (
        <Alert type="error" showIcon role="alert" className="block-alert" title={formError} data-testid="form-error" />
      )}

      <Card title={<h2 className="card-title">{t('personForm.sections.identity')}</h2>} className="form-card">
        <Row gutter={16}>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item
              name="nationalityCode"
              label={t('person.fields.nationality')}
              rules={[{ required: true, message: t('validation.requiredField', { field: t('person.fields.nationality') }) }]}
            >
              <CountrySelect placeholder={t('personForm.choose')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item
              name="nationalNo"
              label={t('person.fields.nationalNo')}
              required={jordanian}
              extra={jordanian ? t('personForm.nationalNoHint') : t('personForm.nationalNoForeignHint')}
              rules={[
                ...(jordanian ? [required(t('person.fields.nationalNo'))] : []),
                { pattern: NATIONAL_NO, message: t('validation.nationalNo') },
              ]}
              normalize={(v: string) => v.replace(/\s/g, '')}
            >
              <Input dir="ltr" inputMode="numeric" autoComplete="off" maxLength={10} className="mono" />
            </Form.Item>
          </Col>
          {!jordanian && (
            <>
              <Col xs={24} sm={12} xl={6}>
                <Form.Item
                  name="documentType"
                  label={t('person.fields.documentType')}
                  dependencies={['nationalNo', 'documentNo']}
                  required={needsDocument}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, v: string | undefined) =>
                        v || (!needsDocumentFor(getFieldValue) && !String(getFieldValue('documentNo') ?? '').trim())
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('validation.requiredField', { field: t('person.fields.documentType') }))),
                    }),
                  ]}
                >
                  <Select
                    placeholder={t('personForm.choose')}
                    options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`person.documentTypes.${d}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} xl={6}>
                <Form.Item
                  name="documentNo"
                  label={t('person.fields.documentNo')}
                  dependencies={['nationalNo', 'documentType']}
                  required={needsDocument}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, v: string | undefined) =>
                        (v ?? '').trim() || (!needsDocumentFor(getFieldValue) && !getFieldValue('documentType'))
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('validation.requiredField', { field: t('person.fields.documentNo') }))),
                    }),
                    { pattern: DOCUMENT_NO, message: t('validation.documentNo') },
                  ]}
                  normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}
                >
                  <Input dir="ltr" autoComplete="off" maxLength={20} className="mono" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Card>

      <Card title={<h2 className="card-title">{t('personForm.sections.nameAr')}</h2>} className="form-card">
        <Row gutter={16}>{NAME_PARTS.map((part) => nameItem(part, 'Ar'))}</Row>
      </Card>

      <Card title={<h2 className="card-title">{t('personForm.sections.nameEn')}</h2>} className="form-card">
        <Row gutter={16}>{NAME_PARTS.map((part) => nameItem(part, 'En'))}</Row>
      </Card>

      <Card title={<h2 className="card-title">{t('personForm.sections.personal')}</h2>} className="form-card">
        <Row gutter={16}>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item
              name="dateOfBirth"
              label={t('person.fields.dateOfBirth')}
              rules={[
                { required: true, message: t('validation.requiredField', { field: t('person.fields.dateOfBirth') }) },
                {
                  validator: (_, v: dayjs.Dayjs | null | undefined) =>
                    !v || (!v.isAfter(serverTodayDayjs(), 'day') && serverTodayDayjs().diff(v, 'year') <= MAX_AGE_YEARS)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('validation.dateOfBirth'))),
                },
              ]}
            >
              <DatePicker
                format="YYYY-MM-DD"
                placeholder="YYYY-MM-DD"
                className="full-width"
                disabledDate={(d) => d.isAfter(serverTodayDayjs(), 'day') || serverTodayDayjs().diff(d, 'year') > MAX_AGE_YEARS}
                defaultPickerValue={serverTodayDayjs().subtract(30, 'year')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item
              name="gender"
              label={<span id="gender-label">{t('person.fields.gender')}</span>}
              rules={[{ required: true, message: t('validation.requiredField', { field: t('person.fields.gender') }) }]}
            >
              <Radio.Group
                aria-labelledby="gender-label"
                role="radiogroup"
                options={GENDERS.map((g) => ({ value: g, label: t(`person.genders.${g}`) }))}
              />
            </Form.Item>
          </Col>
          {editing && (
            <Col xs={24} sm={12} xl={6}>
              <Form.Item
                name="deceased"
                label={t('person.fields.deceased')}
                required
                extra={person?.deceased ? t('personForm.deceasedFinal') : t('personForm.deceasedHint')}
              >
                <DeceasedSwitch disabled={person?.deceased} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Card>

      <Card title={<h2 className="card-title">{t('personForm.sections.contact')}</h2>} className="form-card">
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Form.Item
              name="address"
              label={t('person.fields.address')}
              rules={[{ max: ADDRESS_MAX, message: t('validation.maxLength', { max: ADDRESS_MAX }) }]}
            >
              <Input dir="auto" autoComplete="off" maxLength={ADDRESS_MAX + 10} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item
              name="phone"
              label={t('person.fields.phone')}
              extra={t('personForm.phoneHint')}
              rules={[
                {
                  validator: (_, v: string | undefined) =>
                    !v || !v.trim() || PHONE.test(normalizePhone(v))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('validation.phone'))),
                },
              ]}
            >
              <Input dir="ltr" inputMode="tel" autoComplete="off" placeholder="+962791234567" className="mono" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item
              name="email"
              label={t('person.fields.email')}
              rules={[{ type: 'email', message: t('validation.email') }, { max: 254, message: t('validation.maxLength', { max: 254 }) }]}
            >
              <Input dir="ltr" inputMode="email" autoComplete="off" spellCheck={false} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Flex gap={8} className="form-actions">
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="person-save">
          {editing ? t('common.save') : t('personForm.registerSubmit')}
        </Button>
        <Button onClick={() => navigate(person ? `/people/${person.id}` : '/people')} disabled={false}>
          {t('common.cancel')}
        </Button>
      </Flex>
    </Form>
  );
}

export function PersonFormPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const personId = id ? Number(id) : undefined;
  const editing = personId !== undefined;
  const person = useQuery({
    queryKey: peopleKeys.one(personId ?? 0),
    queryFn: ({ signal }) => fetchPerson(personId ?? 0, signal),
    enabled: editing && Number.isInteger(personId),
  });

  let body: React.ReactNode;
  if (!editing) body = <PersonForm />;
  else if (!Number.isInteger(personId) || (person.isError && isApiError(person.error) && person.error.status === 404))
    body = <Result status="404" title={t('person.notFound')} />;
  else if (person.isError) body = <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  else if (!person.data) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else body = <PersonForm key={person.data.id} person={person.data} />;

  return (
    <>
      <Typography.Title level={1} className="page-title" data-testid="page-title">
        {editing
          ? person.data
            ? t('personForm.editTitle', { name: personName(person.data, i18n.language) })
            : t('personForm.editTitleShort')
          : t('personForm.newTitle')}
      </Typography.Title>
      {body}
    </>
  );
}
