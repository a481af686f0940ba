// New password + confirmation, with the live rule checklist (staff forms, change password).
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX, passwordAcceptable } from '../lib/password';
import { PasswordHint } from './PasswordHint';

export function PasswordFields({ username, name = 'password' }: { username?: string; name?: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const password: string = Form.useWatch(name, form) ?? '';
  return (
    <>
      <Form.Item
        name={name}
        label={t('password.new')}
        rules={[
          { required: true, message: t('validation.requiredField', { field: t('password.new') }) },
          {
            validator: (_, v: string | undefined) =>
              !v || passwordAcceptable(v, username) ? Promise.resolve() : Promise.reject(new Error(t('password.invalid'))),
          },
        ]}
        extra={<PasswordHint password={password} username={username} />}
      >
        <Input.Password autoComplete="new-password" dir="ltr" maxLength={PASSWORD_MAX} />
      </Form.Item>
      <Form.Item
        name={`${name}Confirm`}
        label={t('password.confirm')}
        dependencies={[name]}
        rules={[
          { required: true, message: t('validation.requiredField', { field: t('password.confirm') }) },
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) =>
              !v || v === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" dir="ltr" maxLength={PASSWORD_MAX} />
      </Form.Item>
    </>
  );
}

