import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Role, Team, TeamMember } from '@weir/contract';
import { Alert, App, Button, Drawer, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useUsers } from '../admin/admin.queries';
import { RoleSelect } from '../admin/role-select';
import { ROLE_COLORS } from '../admin/roles';
import { managesMembers, usersToAdd } from './team-choices';
import { usePutTeamMember, useRemoveTeamMember, useTeamMembers } from './teams.queries';

/** Adds a user to the team with a role: offered to the team's admins and global admins. */
function AddMember({ team, members }: { team: Team; members: TeamMember[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const users = useUsers();
  const put = usePutTeamMember(team.id);
  const [userId, setUserId] = useState<string>();
  const [role, setRole] = useState<Role>('operator');
  const candidates = usersToAdd(users.data ?? [], members);

  const add = () => {
    const user = candidates.find((u) => u.id === userId);
    if (!user) return;
    put.mutate(
      { userId: user.id, role },
      {
        onSuccess: () => {
          setUserId(undefined);
          void message.success(t('teams.members.added', { name: user.username, team: team.name, role: t(`roles.${role}`) }));
        },
        onError: (err) => void message.error(formatError('update', ['teamNamed', { name: team.name }], err)),
      },
    );
  };

  return (
    <>
      {users.isError && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={formatError('load', 'users', users.error)} />}
      <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
        <Select
          showSearch
          allowClear
          style={{ flex: 1 }}
          placeholder={t('teams.members.user')}
          aria-label={t('teams.members.user')}
          loading={users.isPending}
          value={userId}
          onChange={setUserId}
          optionFilterProp="label"
          options={candidates.map((u) => ({ value: u.id, label: u.displayName ? `${u.username} (${u.displayName})` : u.username }))}
          notFoundContent={t('teams.members.nobodyToAdd')}
        />
        <RoleSelect value={role} onChange={setRole} aria-label={t('teams.members.newRole')} />
        <Button type="primary" icon={<UserAddOutlined />} disabled={!userId} loading={put.isPending} onClick={add}>
          {t('teams.members.add')}
        </Button>
      </Space.Compact>
    </>
  );
}

/** A team's members and their roles; its admins (and global admins) add, change and remove them. */
export function TeamMembersDrawer({ team, myUserId, onClose }: { team: Team | undefined; myUserId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const members = useTeamMembers(team?.id);
  const put = usePutTeamMember(team?.id ?? '');
  const remove = useRemoveTeamMember(team?.id ?? '');
  const manages = team ? managesMembers(team) : false;

  const columns: ColumnsType<TeamMember> = [
    {
      title: t('teams.members.columns.username'),
      dataIndex: 'username',
      render: (username: string, member) => (
        <Space size={6}>
          <strong>{username}</strong>
          {member.displayName && <Typography.Text type="secondary">{member.displayName}</Typography.Text>}
          {member.userId === myUserId && <Tag bordered={false}>{t('admin.users.you')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('teams.members.columns.role'),
      dataIndex: 'role',
      width: 150,
      render: (role: Role, member) =>
        manages && team ? (
          <RoleSelect
            size="small"
            value={role}
            aria-label={`${t('teams.members.columns.role')} ${member.username}`}
            disabled={put.isPending && put.variables?.userId === member.userId}
            onChange={(next) =>
              put.mutate(
                { userId: member.userId, role: next },
                {
                  onSuccess: () => void message.success(t('teams.members.roleChanged', { name: member.username, role: t(`roles.${next}`) })),
                  onError: (err) => void message.error(formatError('update', ['teamNamed', { name: team.name }], err)),
                },
              )
            }
          />
        ) : (
          <Tag color={ROLE_COLORS[role]}>{t(`roles.${role}`)}</Tag>
        ),
    },
    ...(manages && team
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, member: TeamMember) => (
              <Popconfirm
                title={t('teams.members.removeConfirm', { name: member.username, team: team.name })}
                okText={t('teams.members.remove')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutate(member.userId, {
                    onSuccess: () => void message.success(t('teams.members.removed', { name: member.username, team: team.name })),
                    onError: (err) => void message.error(formatError('update', ['teamNamed', { name: team.name }], err)),
                  })
                }
              >
                <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending && remove.variables === member.userId}>
                  {t('teams.members.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Drawer open={Boolean(team)} onClose={onClose} width={640} title={team ? t('teams.members.title', { team: team.name }) : ''} destroyOnHidden>
      {team && manages && members.data && <AddMember team={team} members={members.data} />}
      {members.isError && (
        <Alert role="alert" type="error" showIcon style={{ marginBottom: 12 }} message={formatError('load', ['teamMembers', { name: team?.name ?? '' }], members.error)} />
      )}
      <Table<TeamMember>
        rowKey="userId"
        size="small"
        columns={columns}
        dataSource={members.data ?? []}
        loading={members.isPending}
        pagination={false}
        locale={{ emptyText: t('teams.members.empty') }}
        data-testid="team-members"
      />
    </Drawer>
  );
}
