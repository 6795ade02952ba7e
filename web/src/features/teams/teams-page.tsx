import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import type { Role, Team } from '@weir/contract';
import { Alert, App, Button, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { PageHeader } from '../../components/page-header';
import { AdminOnly } from '../admin/admin-only';
import { ROLE_COLORS } from '../admin/roles';
import { useSession } from '../auth/auth.queries';
import { CreateTeamModal } from './create-team-modal';
import { TeamMembersDrawer } from './team-members-drawer';
import { useTeams } from './teams.queries';

/** The teams at /teams: for global admins (every team, and making new ones) and team admins (their teams' members). */
export function TeamsPage() {
  return (
    <AdminOnly>
      <TeamsPageContent />
    </AdminOnly>
  );
}

function TeamsPageContent() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const teams = useTeams();
  const [creating, setCreating] = useState(false);
  const [openTeamId, setOpenTeamId] = useState<string>();
  const user = session.data?.user;
  const isGlobalAdmin = user?.globalRole === 'admin';
  // Looked up on every render, so the drawer shows the member count and role as they change.
  const openTeam = teams.data?.find((team) => team.id === openTeamId);

  const columns: ColumnsType<Team> = [
    {
      title: t('teams.columns.name'),
      dataIndex: 'name',
      render: (name: string) => <strong>{name}</strong>,
    },
    {
      title: t('teams.columns.description'),
      dataIndex: 'description',
      render: (description: string | null) => description ?? <Typography.Text type="secondary">{t('common.notAvailable')}</Typography.Text>,
    },
    { title: t('teams.columns.members'), dataIndex: 'memberCount', width: 110, align: 'right' },
    {
      title: t('teams.columns.myRole'),
      dataIndex: 'myRole',
      width: 130,
      render: (role: Role | null) => (role ? <Tag color={ROLE_COLORS[role]}>{t(`roles.${role}`)}</Tag> : <Typography.Text type="secondary">{t('common.notAvailable')}</Typography.Text>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, team) => (
        <Button size="small" icon={<TeamOutlined />} onClick={() => setOpenTeamId(team.id)}>
          {t('teams.showMembers')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('teams.title')}
        subtitle={isGlobalAdmin ? t('teams.subtitle') : t('teams.subtitleTeamAdmin')}
        extra={
          isGlobalAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('teams.create')}
            </Button>
          )
        }
      />
      {teams.isError && (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={formatError('load', 'teams', teams.error)}
          action={<Button size="small" onClick={() => void teams.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Team> rowKey="id" columns={columns} dataSource={teams.data ?? []} loading={teams.isPending} pagination={false} />
      </Card>
      <CreateTeamModal open={creating} onClose={() => setCreating(false)} onCreated={(name) => void message.success(t('teams.created', { name }))} />
      <TeamMembersDrawer team={openTeam} myUserId={user?.id} onClose={() => setOpenTeamId(undefined)} />
    </>
  );
}
