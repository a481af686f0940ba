// One person: every detail in both scripts, the photo (thumbnail; full size on demand; upload
// and remove for writers), Edit, and the audit History for those allowed to read it.
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Modal,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, UploadOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useCountries } from '../../api/hooks';
import {
  PHOTO_MAX_BYTES,
  PHOTO_TYPES,
  deletePersonPhoto,
  fetchPerson,
  peopleKeys,
  photoProblem,
  photoSrc,
  uploadPersonPhoto,
  type Person,
} from '../../api/people';
import { AuditTable } from '../../components/AuditTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorMessage } from '../../i18n/errors';
import { ageOn, formatDate, formatDateTime, localName, personName } from '../../lib/format';
import { serverToday } from '../../lib/clock';
import { usePermissions } from '../../lib/usePermissions';
import { PersonDocument } from '../../components/BothNames';
import { DrivingRecordTab } from './DrivingRecordTab';

const PARTS = ['first', 'second', 'third', 'last'] as const;

function NamesTable({ person }: { person: Person }) {
  const { t } = useTranslation();
  const record = person as unknown as Record<string, string | null>;
  return (
    <table className="names-table" data-testid="names-table">
      <caption className="visually-hidden">{t('person.namesCaption')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{t('person.scripts.ar')}</th>
          <th scope="col">{t('person.scripts.en')}</th>
        </tr>
      </thead>
      <tbody>
        {PARTS.map((part) => (
          <tr key={part}>
            <th scope="row">{t(`person.fields.${part}Name`)}</th>
            <td lang="ar" dir="rtl" data-testid={`${part}-name-ar`}>
              {record[`${part}NameAr`] ?? '—'}
            </td>
            <td lang="en" dir="ltr" data-testid={`${part}-name-en`}>
              {record[`${part}NameEn`] ?? '—'}
            </td>
          </tr>
        ))}
        <tr className="full-name">
          <th scope="row">{t('person.fields.fullName')}</th>
          <td lang="ar" dir="rtl" data-testid="full-name-ar">
            {person.fullNameAr}
          </td>
          <td lang="en" dir="ltr" data-testid="full-name-en">
            {person.fullNameEn}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function PhotoCard({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [fullOpen, setFullOpen] = useState(false);
  const name = personName(person, i18n.language);
  const thumb = photoSrc(person, 'thumb');
  const full = photoSrc(person, 'full');
  const showError = (e: unknown) => void message.error(errorMessage(t, e, (k) => i18n.exists(k)));

  const upload = useMutation({
    mutationFn: (file: File) => uploadPersonPhoto(person.id, file),
    onSuccess: (saved) => {
      queryClient.setQueryData(peopleKeys.one(person.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['people', 'list'] });
      void message.success(t('photo.uploaded'));
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: () => deletePersonPhoto(person.id),
    onSuccess: () => {
      queryClient.setQueryData<Person>(peopleKeys.one(person.id), (p) => p && { ...p, hasPhoto: false, photoUrl: null });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.one(person.id) });
      void message.success(t('photo.removed'));
    },
    onError: showError,
  });

  return (
    <Card title={<h2 className="card-title">{t('photo.title')}</h2>} className="photo-card" data-testid="photo-card">
      <div className="photo-frame">
        {thumb && full ? (
          <button
            type="button"
            className="photo-button"
            onClick={() => setFullOpen(true)}
            aria-label={t('photo.viewFull', { name })}
            data-testid="photo-thumb"
          >
            <img src={thumb} alt={t('photo.alt', { name })} className="photo-thumb" />
          </button>
        ) : (
          <div className="photo-empty" data-testid="photo-empty">
            <UserOutlined aria-hidden="true" />
            <span>{t('photo.none')}</span>
          </div>
        )}
      </div>
      {can('people.write') && (
        <Flex gap={8} wrap justify="center" className="photo-actions">
          <Upload
            accept={PHOTO_TYPES.join(',')}
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              const problem = photoProblem(file);
              if (problem) void message.error(t(`photo.problems.${problem}`, { max: PHOTO_MAX_BYTES / 1024 / 1024 }));
              else upload.mutate(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="photo-upload">
              {person.hasPhoto ? t('photo.replace') : t('photo.upload')}
            </Button>
          </Upload>
          {person.hasPhoto && (
            <Popconfirm
              title={t('photo.removeConfirm')}
              okText={t('photo.remove')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutateAsync()}
            >
              <Button icon={<DeleteOutlined />} danger loading={remove.isPending} data-testid="photo-remove">
                {t('photo.remove')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      )}
      {can('people.write') && <p className="muted photo-rule">{t('photo.rule', { max: PHOTO_MAX_BYTES / 1024 / 1024 })}</p>}
      <Modal
        open={fullOpen}
        onCancel={() => setFullOpen(false)}
        footer={null}
        title={t('photo.fullTitle', { name })}
        width={640}
        centered
      >
        {full && <img src={full} alt={t('photo.alt', { name })} className="photo-full" />}
      </Modal>
    </Card>
  );
}

function Details({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const countries = useCountries();
  const lang = i18n.language;
  const country = countries.data?.find((c) => c.code === person.nationalityCode);
  const age = ageOn(person.dateOfBirth, serverToday());
  const none = t('common.none');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8} xl={6}>
        <PhotoCard person={person} />
      </Col>
      <Col xs={24} md={16} xl={18}>
        <Card title={<h2 className="card-title">{t('person.names')}</h2>} className="form-card">
          <NamesTable person={person} />
        </Card>
        <Card title={<h2 className="card-title">{t('person.details')}</h2>}>
          <Descriptions
            column={{ xs: 1, sm: 1, md: 1, lg: 2 }}
            data-testid="person-details"
            items={[
              {
                key: 'nationalNo',
                label: t('person.fields.nationalNo'),
                children: person.nationalNo ? <bdi className="mono" data-testid="national-no">{person.nationalNo}</bdi> : none,
              },
              {
                key: 'document',
                label: t('person.fields.document'),
                children: person.documentNo ? <PersonDocument person={{ ...person, nationalNo: null }} /> : none,
              },
              {
                key: 'dateOfBirth',
                label: t('person.fields.dateOfBirth'),
                children: (
                  <span>
                    {formatDate(person.dateOfBirth, lang)}
                    {age !== null && <span className="muted"> · {t('person.age', { age })}</span>}
                  </span>
                ),
              },
              { key: 'gender', label: t('person.fields.gender'), children: t(`person.genders.${person.gender}`) },
              {
                key: 'nationality',
                label: t('person.fields.nationality'),
                children: country ? localName(country, lang) : person.nationalityCode,
              },
              {
                key: 'status',
                label: t('person.fields.status'),
                children: person.deceased ? (
                  <Tag data-testid="deceased-tag">{t('person.deceasedTag')}</Tag>
                ) : (
                  t('person.alive')
                ),
              },
              {
                key: 'phone',
                label: t('person.fields.phone'),
                children: person.phone ? (
                  <bdi dir="ltr" className="mono" data-testid="phone">
                    {person.phone}
                  </bdi>
                ) : (
                  none
                ),
              },
              {
                key: 'email',
                label: t('person.fields.email'),
                children: person.email ? <bdi dir="ltr">{person.email}</bdi> : none,
              },
              {
                key: 'address',
                label: t('person.fields.address'),
                span: 'filled',
                children: person.address ? <bdi dir="auto">{person.address}</bdi> : none,
              },
              { key: 'createdAt', label: t('person.fields.createdAt'), children: formatDateTime(person.createdAt, lang) },
              { key: 'updatedAt', label: t('person.fields.updatedAt'), children: formatDateTime(person.updatedAt, lang) },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

export function PersonPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const personId = Number(id);
  const valid = Number.isInteger(personId) && personId > 0;
  const person = useQuery({
    queryKey: peopleKeys.one(personId),
    queryFn: ({ signal }) => fetchPerson(personId, signal),
    enabled: valid,
  });

  if (!valid || (person.isError && isApiError(person.error) && person.error.status === 404)) {
    return (
      <Result
        status="404"
        title={<h1 className="page-title">{t('person.notFound')}</h1>}
        extra={<Button onClick={() => navigate('/people')}>{t('person.backToList')}</Button>}
      />
    );
  }
  if (person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  if (!person.data) return <Skeleton active paragraph={{ rows: 8 }} />;

  const p = person.data;
  const ar = i18n.language === 'ar';
  const tabs = [{ key: 'details', label: t('person.tabs.details'), children: <Details person={p} /> }];
  if (can('licenses.read')) {
    tabs.push({ key: 'record', label: t('person.tabs.record'), children: <DrivingRecordTab personId={p.id} /> });
  }
  if (can('audit.read')) {
    tabs.push({
      key: 'history',
      label: t('person.tabs.history'),
      children: <AuditTable entity="person" entityId={p.id} />,
    });
  }

  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={12} className="page-head">
        <div>
          <Typography.Title level={1} className="page-title person-title" data-testid="page-title">
            <span lang={ar ? 'ar' : 'en'}>{personName(p, i18n.language)}</span>
            {p.deceased && <Tag className="title-tag">{t('person.deceasedTag')}</Tag>}
          </Typography.Title>
          <p className="page-subtitle">
            <bdi lang={ar ? 'en' : 'ar'} dir={ar ? 'ltr' : 'rtl'} data-testid="page-subtitle">
              {ar ? p.fullNameEn : p.fullNameAr}
            </bdi>
          </p>
        </div>
        <Flex gap={8}>
          <Button
            icon={<ArrowLeftOutlined className="flip-rtl" />}
            onClick={() => {
              // Back to where the user came from (e.g. the same result page); otherwise the list.
              const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
              if (idx > 0) navigate(-1);
              else navigate('/people');
            }}
          >
            {t('common.back')}
          </Button>
          {can('people.write') && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => navigate(`/people/${p.id}/edit`)}
              data-testid="person-edit"
            >
              {t('common.edit')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Tabs
        items={tabs}
        destroyOnHidden
        activeKey={tabs.some((x) => x.key === params.get('tab')) ? (params.get('tab') ?? 'details') : 'details'}
        onChange={(key) => setParams(key === 'details' ? {} : { tab: key }, { replace: true })}
      />
    </>
  );
}
