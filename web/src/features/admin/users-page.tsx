import { PlusOutlined } from '@ant-design/icons';
import type { GlobalRole, TeamMembership } from '@weir/contract';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/auth.queries';
import { useUpdateUser, useUsers, type UserChange } from './admin.queries';
import { CreateUserModal } from './create-user-modal';
import { GlobalRoleSelect } from './role-select';
import { ROLE_COLORS } from './roles';
import { AdminOnly } from './admin-only';

type UserRow = NonNullable<ReturnType<typeof useUsers>['data']>[number];

export function UsersPage() {
  return (
    <AdminOnly global>
      <UsersPageContent />
    </AdminOnly>
  );
}

function UsersPageContent() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const users = useUsers();
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const me = session.data?.user.id;

  const change = (user: UserRow, changeSet: Omit<UserChange, 'id'>, success: string) =>
    update.mutate(
      { id: user.id, ...changeSet },
      {
        onSuccess: () => void message.success(success),
        onError: (err) => void message.error(formatError('update', ['userNamed', { name: user.username }], err)),
      },
    );

  const columns: ColumnsType<UserRow> = [
    {
      title: t('admin.users.columns.username'),
      dataIndex: 'username',
      render: (username: string, user) => (
        <Space size={6}>
          <strong>{username}</strong>
          {user.id === me && <Tag bordered={false}>{t('admin.users.you')}</Tag>}
        </Space>
      ),
    },
    { title: t('admin.users.columns.displayName'), dataIndex: 'displayName', render: (name: string | null) => name ?? t('common.notAvailable') },
    {
      title: t('admin.users.columns.role'),
      dataIndex: 'globalRole',
      width: 170,
      render: (role: GlobalRole, user) => (
        <GlobalRoleSelect
          size="small"
          value={role}
          aria-label={`${t('admin.users.columns.role')} ${user.username}`}
          // Nobody demotes themselves: an admin could otherwise lock every admin out.
          disabled={user.id === me || user.disabled || (update.isPending && update.variables?.id === user.id)}
          onChange={(next) => change(user, { role: next }, t('admin.users.roleChanged', { name: user.username, role: t(`roles.${next}`) }))}
        />
      ),
    },
    {
      title: t('admin.users.columns.teams'),
      dataIndex: 'teams',
      render: (teams: TeamMembership[]) =>
        teams.length === 0 ? (
          t('common.notAvailable')
        ) : (
          <Space size={[4, 4]} wrap>
            {teams.map((m) => (
              <Tag key={m.teamId} color={ROLE_COLORS[m.role]} bordered={false}>
                {m.teamName}: {t(`roles.${m.role}`)}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      title: t('admin.users.columns.status'),
      dataIndex: 'disabled',
      width: 110,
      render: (disabled: boolean) => (disabled ? <Tag color="red">{t('admin.users.disabled')}</Tag> : <Tag color="green">{t('admin.users.active')}</Tag>),
    },
    {
      title: t('admin.users.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 180,
      render: (at: number) => <Tooltip title={dayjs(at).format('YYYY-MM-DD HH:mm:ss')}>{dayjs(at).format('YYYY-MM-DD HH:mm')}</Tooltip>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, user) =>
        user.id === me ? null : user.disabled ? (
          <Button size="small" onClick={() => change(user, { disabled: false }, t('admin.users.updated', { name: user.username }))}>
            {t('admin.users.enable')}
          </Button>
        ) : (
          <Popconfirm
            title={t('admin.users.disableConfirm', { name: user.username })}
            okText={t('admin.users.disable')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => change(user, { disabled: true }, t('admin.users.updated', { name: user.username }))}
          >
            <Button size="small" danger>
              {t('admin.users.disable')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        subtitle={t('admin.users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('admin.users.create')}
          </Button>
        }
      />
      {users.isError && (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={formatError('load', 'users', users.error)}
          action={<Button size="small" onClick={() => void users.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<UserRow> rowKey="id" columns={columns} dataSource={users.data ?? []} loading={users.isPending} pagination={false} />
      </Card>
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onCreated={(name) => void message.success(t('admin.users.created', { name }))} />
    </>
  );
}
