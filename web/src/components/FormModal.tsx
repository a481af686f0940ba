// A dialog holding one form: its own submit/cancel buttons (Enter submits), a pending state,
// and server refusals shown on the fields (or above them). Unmounted when closed, so every
// opening starts from `initialValues`.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Flex, Form, Modal, type FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQueryKey } from '../api/auth';
import { isApiError, isUnauthorized } from '../api/client';
import { useServerErrors } from '../lib/useServerErrors';
import { serverDetail } from '../i18n/errors';
import { ServerDetail } from './ErrorAlert';

export interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  okText?: string;
  danger?: boolean;
  initialValues?: Partial<V>;
  /** Form item names, for placing the server's field errors. */
  fields: readonly string[];
  /** Resolves when saved (the dialog closes); rejects with the server's error. */
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: (form: FormInstance<V>) => ReactNode;
  width?: number;
  name: string;
}

function Body<V>(props: FormModalProps<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const applyServerErrors = useServerErrors();
  const queryClient = useQueryClient();
  return (
    <Form<V>
      form={form}
      name={props.name}
      layout="vertical"
      requiredMark="optional"
      initialValues={props.initialValues}
      disabled={busy}
      onFinish={async (values) => {
        setBusy(true);
        setError(null);
        setDetail(null);
        try {
          await props.onSubmit(values);
          props.onClose();
        } catch (e) {
          // A session that ended sends the user to sign in (as every query does); a wrong
          // current password is not that.
          if (isUnauthorized(e) && !(isApiError(e) && e.code === 'wrong-password')) {
            queryClient.setQueryData(meQueryKey, null);
            return;
          }
          const shown = applyServerErrors(form, e, props.fields);
          setError(shown);
          setDetail(shown ? serverDetail(e, shown) : null);
        } finally {
          setBusy(false);
        }
      }}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="block-alert"
          title={error}
          description={detail ? <ServerDetail detail={detail} /> : undefined}
          data-testid="modal-error"
        />
      )}
      {props.children(form)}
      <Flex gap={8} justify="flex-end" className="modal-actions">
        <Button onClick={props.onClose} disabled={false}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" danger={props.danger} htmlType="submit" loading={busy} data-testid="modal-submit">
          {props.okText ?? t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

export function FormModal<V>(props: FormModalProps<V>) {
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
      width={props.width ?? 520}
      mask={{ closable: false }}
    >
      {props.open && <Body<V> {...props} />}
    </Modal>
  );
}
