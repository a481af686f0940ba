// Staff accounts: filterable, server-paged list; create, change role/branch, activate or
// deactivate, reset password and unlock (users.manage).
import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex, Form, Input, Select, Table, Tag, type TableProps } from 'antd';
import {
  CheckCircleOutlined,
  EditOutlined,
  KeyOutlined,
  MoreOutlined,
  PlusOutlined,
  StopOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useBranches } from '../../api/hooks';
import {
  ROLES,
  createUser,
  fetchUsers,
  isLocked,
  resetUserPassword,
  unlockUser,
  updateUser,
  usersKeys,
  type NewUser,
  type Role,
  type StaffUser,
  type UsersQuery,
} from '../../api/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PasswordFields } from '../../components/PasswordFields';
import { PersonPicker } from '../../components/PersonPicker';
import { errorMessage } from '../../i18n/errors';
import { formatDateTime, localName } from '../../lib/format';
import { usePermissions } from '../../lib/usePermissions';
import { pagerTotal } from '../../lib/paging';

/** As the server checks it: 3 to 32 characters, a lower-case letter first, then a-z 0-9 . _ - */
const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

function useBranchOptions() {
  const { i18n } = useTranslation();
  const branches = useBranches();
  return {
    loading: branches.isPending,
    options: (branches.data ?? []).map((b) => ({ value: b.id, label: localName(b, i18n.language), disabled: !b.active })),
  };
}

type NewUserValues = NewUser & { passwordConfirm: string; personId?: number | null };

function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useRoleOptions();
  const branches = useBranchOptions();
  return (
    <FormModal<NewUserValues>
      open={open}
      name="create-user"
      title={t('staff.createTitle')}
      okText={t('staff.create')}
      fields={['username', 'password', 'role', 'branchId', 'personId']}
      onClose={onClose}
      initialValues={{ role: 'clerk' }}
      onSubmit={async (v) => {
        const body: NewUser = { username: v.username.trim(), password: v.password, role: v.role, branchId: v.branchId };
        if (v.personId) body.personId = v.personId;
        const user = await createUser(body);
        void queryClient.invalidateQueries({ queryKey: usersKeys.all });
        void message.success(t('staff.created', { username: user.username }));
      }}
    >
      {() => (
        <>
          <Form.Item
            name="username"
            normalize={(v: string) => v.toLowerCase().replace(/\s/g, '')}
            label={t('staff.fields.username')}
            extra={t('staff.usernameHint')}
            rules={[
              { required: true, whitespace: true, message: t('validation.requiredField', { field: t('staff.fields.username') }) },
              { pattern: USERNAME, message: t('staff.usernameHint') },
            ]}
          >
            <Input dir="ltr" autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={32} />
          </Form.Item>
          <UsernameAwarePassword />
          <Form.Item
            name="role"
            label={t('staff.fields.role')}
            rules={[{ required: true, message: t('validation.requiredField', { field: t('staff.fields.role') }) }]}
          >
            <Select options={roles} />
          </Form.Item>
          <Form.Item
            name="branchId"
            label={t('staff.fields.branch')}
            rules={[{ required: true, message: t('validation.requiredField', { field: t('staff.fields.branch') }) }]}
          >
            <Select options={branches.options} loading={branches.loading} placeholder={t('personForm.choose')} />
          </Form.Item>
          <Form.Item name="personId" label={t('staff.fields.person')} extra={t('staff.personHint')}>
            <PersonPicker />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

function UsernameAwarePassword() {
  const form = Form.useFormInstance();
  const username: string = Form.useWatch('username', form) ?? '';
  return <PasswordFields username={username.trim()} />;
}

function EditUserModal({ user, onClose }: { user: StaffUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useRoleOptions();
  const branches = useBranchOptions();
  return (
    <FormModal<{ role: Role; branchId: number }>
      open={!!user}
      name="edit-user"
      title={t('staff.editTitle', { username: user?.username ?? '' })}
      fields={['role', 'branchId']}
      onClose={onClose}
      initialValues={user ? { role: user.role, branchId: user.branchId } : undefined}
      onSubmit={async (v) => {
        if (!user) return;
        const changes: { role?: Role; branchId?: number } = {};
        if (v.role !== user.role) changes.role = v.role;
        if (v.branchId !== user.branchId) changes.branchId = v.branchId;
        if (Object.keys(changes).length === 0) return;
        await updateUser(user.id, changes);
        void queryClient.invalidateQueries({ queryKey: usersKeys.all });
        void message.success(t('staff.saved'));
      }}
    >
      {() => (
        <>
          <Form.Item name="role" label={t('staff.fields.role')} rules={[{ required: true }]}>
            <Select options={roles} />
          </Form.Item>
          <Form.Item name="branchId" label={t('staff.fields.branch')} rules={[{ required: true }]}>
            <Select options={branches.options} loading={branches.loading} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: StaffUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <FormModal<{ password: string; passwordConfirm: string }>
      open={!!user}
      name="reset-password"
      title={t('staff.resetTitle', { username: user?.username ?? '' })}
      okText={t('staff.actions.resetPassword')}
      fields={['password']}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!user) return;
        await resetUserPassword(user.id, v.password);
        void message.success(t('staff.passwordReset', { username: user.username }));
      }}
    >
      {() => (
        <>
          <p className="muted">{t('staff.resetHint')}</p>
          <PasswordFields username={user?.username} />
        </>
      )}
    </FormModal>
  );
}

export function StaffTab() {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useRoleOptions();
  const branches = useBranchOptions();
  const [filters, setFilters] = useState<Omit<UsersQuery, 'page' | 'pageSize'>>({});
  const [qDraft, setQDraft] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffUser | null>(null);
  const [resetting, setResetting] = useState<StaffUser | null>(null);
  const manage = can('users.manage');
  const lang = i18n.language;

  const query: UsersQuery = { ...filters, ...paging };
  const users = useQuery({
    queryKey: usersKeys.list(query),
    queryFn: ({ signal }) => fetchUsers(query, signal),
    placeholderData: keepPreviousData,
  });

  const showError = (e: unknown) => void message.error(errorMessage(t, e, (k) => i18n.exists(k)));
  const setActive = useMutation({
    mutationFn: (u: StaffUser) => updateUser(u.id, { active: !u.active }),
    onSuccess: (u) => {
      void queryClient.invalidateQueries({ queryKey: usersKeys.all });
      void message.success(t(u.active ? 'staff.activated' : 'staff.deactivated', { username: u.username }));
    },
    onError: showError,
  });
  const unlock = useMutation({
    mutationFn: (u: StaffUser) => unlockUser(u.id),
    onSuccess: (_, u) => {
      void queryClient.invalidateQueries({ queryKey: usersKeys.all });
      void message.success(t('staff.unlocked', { username: u.username }));
    },
    onError: showError,
  });

  const setFilter = (changes: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...changes }));
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const columns: TableProps<StaffUser>['columns'] = [
    {
      key: 'username',
      title: t('staff.fields.username'),
      render: (_, u) => <bdi className="mono">{u.username}</bdi>,
    },
    {
      key: 'person',
      title: t('staff.fields.person'),
      render: (_, u) =>
        (lang === 'ar' ? u.personNameAr || u.personNameEn : u.personNameEn || u.personNameAr) ?? t('common.none'),
    },
    { key: 'role', title: t('staff.fields.role'), render: (_, u) => <Tag color="blue">{t(`roles.${u.role}`)}</Tag> },
    {
      key: 'branch',
      title: t('staff.fields.branch'),
      render: (_, u) => localName({ nameAr: u.branchNameAr, nameEn: u.branchNameEn }, lang),
    },
    {
      key: 'active',
      title: t('staff.fields.active'),
      render: (_, u) =>
        u.active ? <Tag color="green">{t('staff.active')}</Tag> : <Tag color="default">{t('staff.inactive')}</Tag>,
    },
    {
      key: 'lockedUntil',
      title: t('staff.fields.lockedUntil'),
      render: (_, u) =>
        isLocked(u) ? (
          <Tag color="red">
            <time dateTime={u.lockedUntil ?? ''}>{formatDateTime(u.lockedUntil, lang)}</time>
          </Tag>
        ) : (
          t('common.none')
        ),
    },
  ];
  const confirmActive = (u: StaffUser) =>
    void modal.confirm({
      title: t(u.active ? 'staff.deactivateConfirm' : 'staff.activateConfirm', { username: u.username }),
      okText: t(u.active ? 'staff.actions.deactivate' : 'staff.actions.activate'),
      okButtonProps: { danger: u.active },
      cancelText: t('common.cancel'),
      onOk: () => setActive.mutateAsync(u).catch(() => undefined),
    });

  if (manage) {
    columns.push({
      key: 'actions',
      title: <span className="visually-hidden">{t('common.actions')}</span>,
      fixed: 'end',
      render: (_, u) => (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'edit', icon: <EditOutlined />, label: t('staff.actions.edit') },
              { key: 'reset', icon: <KeyOutlined />, label: t('staff.actions.resetPassword') },
              ...(isLocked(u) ? [{ key: 'unlock', icon: <UnlockOutlined />, label: t('staff.actions.unlock') }] : []),
              { type: 'divider' as const },
              u.active
                ? { key: 'active', icon: <StopOutlined />, label: t('staff.actions.deactivate'), danger: true }
                : { key: 'active', icon: <CheckCircleOutlined />, label: t('staff.actions.activate') },
            ],
            onClick: ({ key }) => {
              if (key === 'edit') setEditing(u);
              else if (key === 'reset') setResetting(u);
              else if (key === 'unlock') unlock.mutate(u);
              else if (key === 'active') confirmActive(u);
            },
          }}
        >
          <Button
            size="small"
            icon={<MoreOutlined />}
            aria-label={t('staff.actions.menuFor', { username: u.username })}
            data-testid={`user-actions-${u.username}`}
          />
        </Dropdown>
      ),
    });
  }

  return (
    <>
      <Flex gap={8} wrap align="center" className="toolbar" role="search" aria-label={t('staff.filters')}>
        <Input.Search
          aria-label={t('staff.searchLabel')}
          placeholder={t('staff.searchLabel')}
          value={qDraft}
          onChange={(e) => setQDraft(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
          allowClear
          className="toolbar-search"
          dir="auto"
        />
        <Select<Role>
          aria-label={t('staff.fields.role')}
          placeholder={t('staff.allRoles')}
          allowClear
          options={roles}
          value={filters.role}
          onChange={(role) => setFilter({ role })}
          className="toolbar-select"
          data-testid="filter-role"
        />
        <Select<number>
          aria-label={t('staff.fields.branch')}
          placeholder={t('staff.allBranches')}
          allowClear
          options={branches.options.map((o) => ({ ...o, disabled: false }))}
          value={filters.branchId}
          onChange={(branchId) => setFilter({ branchId })}
          className="toolbar-select"
        />
        <Select<'true' | 'false'>
          aria-label={t('staff.fields.active')}
          placeholder={t('staff.allStates')}
          allowClear
          options={[
            { value: 'true', label: t('staff.active') },
            { value: 'false', label: t('staff.inactive') },
          ]}
          value={filters.active === undefined ? undefined : filters.active ? 'true' : 'false'}
          onChange={(v) => setFilter({ active: v === undefined ? undefined : v === 'true' })}
          className="toolbar-select"
        />
        <div className="toolbar-spacer" />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
            {t('staff.create')}
          </Button>
        )}
      </Flex>
      {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      <Table<StaffUser>
        rowKey="id"
        data-testid="users-table"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          ...pagerTotal(t, users.data, paging.page, paging.pageSize),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          onChange: (page, pageSize) => setPaging({ page: pageSize !== paging.pageSize ? 1 : page, pageSize }),
        }}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

