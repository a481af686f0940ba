// Partner API keys: list, create (the key is shown once, with a copy button), revoke.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  API_KEY_SCOPES,
  apiKeysKey,
  createApiKey,
  fetchApiKeys,
  revokeApiKey,
  type ApiKey,
  type ApiKeyScope,
  type CreatedApiKey,
} from '../../api/apiKeys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../i18n/errors';
import { formatDateTime } from '../../lib/format';

function ShowKeyModal({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!created}
      title={t('apiKeys.createdTitle', { name: created?.name ?? '' })}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-key-done">
          {t('apiKeys.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon role="alert" className="block-alert" title={t('apiKeys.onceWarning')} />
      {created && (
        <Typography.Paragraph
          copyable={{ text: created.key, tooltips: [t('common.copy'), t('common.copied')] }}
          className="api-key-value"
          data-testid="api-key-value"
        >
          <code dir="ltr">{created.key}</code>
        </Typography.Paragraph>
      )}
      <p className="muted">{t('apiKeys.headerHint')}</p>
    </Modal>
  );
}

export function ApiKeysTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: apiKeysKey, queryFn: ({ signal }) => fetchApiKeys(signal) });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const lang = i18n.language;

  const revoke = useMutation({
    mutationFn: (k: ApiKey) => revokeApiKey(k.id),
    onSuccess: (_, k) => {
      void queryClient.invalidateQueries({ queryKey: apiKeysKey });
      void message.success(t('apiKeys.revoked', { name: k.name }));
    },
    onError: (e) => void message.error(errorMessage(t, e, (k) => i18n.exists(k))),
  });

  const columns: TableProps<ApiKey>['columns'] = [
    { key: 'name', title: t('apiKeys.fields.name'), render: (_, k) => <bdi>{k.name}</bdi> },
    { key: 'scope', title: t('apiKeys.fields.scope'), render: (_, k) => <Tag>{t(`apiKeys.scopes.${k.scope}`, { defaultValue: k.scope })}</Tag> },
    { key: 'prefix', title: t('apiKeys.fields.prefix'), render: (_, k) => <bdi className="mono">{k.prefix}…</bdi> },
    { key: 'createdAt', title: t('apiKeys.fields.createdAt'), render: (_, k) => formatDateTime(k.createdAt, lang) },
    {
      key: 'revokedAt',
      title: t('apiKeys.fields.revokedAt'),
      render: (_, k) =>
        k.revokedAt ? <Tag color="red">{formatDateTime(k.revokedAt, lang)}</Tag> : <Tag color="green">{t('apiKeys.inUse')}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, k) =>
        k.revokedAt ? null : (
          <Popconfirm
            title={t('apiKeys.revokeConfirm', { name: k.name })}
            description={t('apiKeys.revokeWarning')}
            okText={t('apiKeys.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke.mutateAsync(k).catch(() => undefined)}
          >
            <Button size="small" danger aria-label={t('apiKeys.revokeFor', { name: k.name })}>
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <Flex justify="flex-end" className="toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-api-key">
          {t('apiKeys.create')}
        </Button>
      </Flex>
      {keys.isError && <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />}
      <Table<ApiKey>
        rowKey="id"
        columns={columns}
        dataSource={keys.data ?? []}
        loading={keys.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('apiKeys.empty') }}
        data-testid="api-keys-table"
      />
      <FormModal<{ name: string; scope: ApiKeyScope }>
        open={creating}
        name="create-api-key"
        title={t('apiKeys.create')}
        okText={t('apiKeys.createSubmit')}
        fields={['name', 'scope']}
        onClose={() => setCreating(false)}
        onSubmit={async (v) => {
          const key = await createApiKey({ name: v.name.trim(), scope: v.scope });
          void queryClient.invalidateQueries({ queryKey: apiKeysKey });
          setCreated(key);
        }}
      >
        {() => (
          <>
            <Form.Item
              name="name"
              label={t('apiKeys.fields.name')}
              extra={t('apiKeys.nameHint')}
              rules={[
                { required: true, whitespace: true, message: t('validation.requiredField', { field: t('apiKeys.fields.name') }) },
                { max: 100, message: t('validation.maxLength', { max: 100 }) },
              ]}
            >
              <Input dir="auto" autoComplete="off" maxLength={100} />
            </Form.Item>
            <Form.Item
              name="scope"
              label={t('apiKeys.fields.scope')}
              rules={[{ required: true, message: t('validation.requiredField', { field: t('apiKeys.fields.scope') }) }]}
            >
              <Select
                placeholder={t('personForm.choose')}
                options={API_KEY_SCOPES.map((s) => ({ value: s, label: t(`apiKeys.scopes.${s}`) }))}
              />
            </Form.Item>
          </>
        )}
      </FormModal>
      <ShowKeyModal created={created} onClose={() => setCreated(null)} />
    </>
  );
}
