// The signed-in user (name and role) as a menu: "Change password" opens its dialog.
import { useState } from 'react';
import { App, Button, Dropdown, Form, Input, Tag } from 'antd';
import { DownOutlined, KeyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/auth';
import { useCurrentUser } from '../auth/useAuth';
import { FormModal } from '../components/FormModal';
import { PasswordFields } from '../components/PasswordFields';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  return (
    <FormModal<ChangePasswordValues>
      open={open}
      name="change-password"
      title={t('account.changePassword')}
      okText={t('account.changeSubmit')}
      fields={['currentPassword', 'newPassword']}
      onClose={onClose}
      onSubmit={async (v) => {
        await changePassword(v.currentPassword, v.newPassword);
        void message.success(t('account.changed'));
      }}
    >
      {() => (
        <>
          {/* Lets password managers tie the new password to this account. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Form.Item
            name="currentPassword"
            label={t('account.currentPassword')}
            rules={[{ required: true, message: t('validation.requiredField', { field: t('account.currentPassword') }) }]}
          >
            <Input.Password autoComplete="current-password" dir="ltr" autoFocus />
          </Form.Item>
          <PasswordFields name="newPassword" username={user.username} />
        </>
      )}
    </FormModal>
  );
}

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [{ key: 'change-password', icon: <KeyOutlined />, label: t('account.changePassword') }],
          onClick: ({ key }) => {
            if (key === 'change-password') setChanging(true);
          },
        }}
      >
        <Button type="text" className="user-badge" data-testid="user-badge" aria-haspopup="menu">
          <UserOutlined aria-hidden="true" />
          <bdi className="user-name">{user.username}</bdi>
          <Tag className="user-role" color="blue">
            {t(`roles.${user.role}`, { defaultValue: user.role })}
          </Tag>
          <DownOutlined aria-hidden="true" className="user-caret" />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
