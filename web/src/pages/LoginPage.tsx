// Staff sign-in. Errors from the server are shown by their problem code, translated.
import { useRef } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography, type InputRef } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { meQueryKey, type User } from '../api/auth';
import { useLogin } from '../auth/useAuth';
import { errorMessage } from '../i18n/errors';
import { Brand } from '../layout/Brand';
import { LanguageSwitch } from '../layout/LanguageSwitch';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-app paths are followed after sign-in (no open redirect). */
function safeFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')
    ? from
    : '/';
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const login = useLogin();
  const passwordRef = useRef<InputRef>(null);

  // Already signed in (known from the cache): straight to the app.
  if (queryClient.getQueryData<User | null>(meQueryKey)) {
    return <Navigate to={safeFrom(location.state)} replace />;
  }

  const onFinish = (values: LoginForm) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: () => navigate(safeFrom(location.state), { replace: true }),
        onError: () => {
          form.setFieldValue('password', '');
          // after the form is enabled again
          window.setTimeout(() => passwordRef.current?.focus(), 0);
        },
      },
    );
  };

  const busy = login.isPending;

  return (
    <div className="login-page">
      <header className="login-header">
        <Brand />
        <LanguageSwitch />
      </header>
      <main className="login-main" id="main-content">
        <Card className="login-card">
          <Typography.Title level={1} className="login-title">
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {login.isError && (
            <Alert
              className="login-error"
              type="error"
              showIcon
              role="alert"
              data-testid="login-error"
              title={t('login.failed')}
              description={errorMessage(t, login.error, (k) => i18n.exists(k))}
            />
          )}
          <Form<LoginForm>
            form={form}
            name="login"
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            disabled={busy}
            validateTrigger="onSubmit"
          >
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined aria-hidden="true" />}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                size="large"
                dir="ltr"
              />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                ref={passwordRef}
                prefix={<LockOutlined aria-hidden="true" />}
                autoComplete="current-password"
                size="large"
                dir="ltr"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={busy}
              disabled={busy}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}
