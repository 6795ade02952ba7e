import { PlusOutlined } from '@ant-design/icons';
import type { ApiToken, Role } from '@weir/contract';
import { Alert, App, Button, Card, Popconfirm, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { PageHeader } from '../../components/page-header';
import { teamNameOf } from '../teams/team-choices';
import { useSeesSeveralTeams, useTeams } from '../teams/teams.queries';
import { useRevokeToken, useTokens } from './admin.queries';
import { CreateTokenModal } from './create-token-modal';
import { ROLE_COLORS } from './roles';
import { AdminOnly } from './admin-only';

function Time({ at }: { at: number | null }) {
  const { t } = useTranslation();
  if (at === null) return <>{t('common.never')}</>;
  return <Tooltip title={dayjs(at).format('YYYY-MM-DD HH:mm:ss')}>{dayjs(at).format('YYYY-MM-DD HH:mm')}</Tooltip>;
}

export function TokensPage() {
  return (
    <AdminOnly>
      <TokensPageContent />
    </AdminOnly>
  );
}

function TokensPageContent() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const teams = useTeams();
  const showTeams = useSeesSeveralTeams();
  const [creating, setCreating] = useState(false);

  const onRevoke = (token: ApiToken) =>
    revoke.mutate(token.id, {
      onSuccess: () => void message.success(t('admin.tokens.revoked', { name: token.name })),
      onError: (err) => void message.error(formatError('revoke', ['tokenNamed', { name: token.name }], err)),
    });

  const columns: ColumnsType<ApiToken> = [
    { title: t('admin.tokens.columns.name'), dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
    { title: t('admin.tokens.columns.role'), dataIndex: 'role', width: 120, render: (role: Role) => <Tag color={ROLE_COLORS[role]}>{t(`roles.${role}`)}</Tag> },
    ...(showTeams
      ? [
          {
            title: t('admin.tokens.columns.team'),
            dataIndex: 'teamId',
            width: 160,
            render: (teamId: string | null) => (teamId === null ? <Tag bordered={false}>{t('teams.everyTeam')}</Tag> : teamNameOf(teams.data, teamId)),
          },
        ]
      : []),
    { title: t('admin.tokens.columns.createdBy'), dataIndex: 'createdBy', width: 160 },
    { title: t('admin.tokens.columns.createdAt'), dataIndex: 'createdAt', width: 170, render: (at: number) => <Time at={at} /> },
    { title: t('admin.tokens.columns.lastUsedAt'), dataIndex: 'lastUsedAt', width: 170, render: (at: number | null) => <Time at={at} /> },
    {
      title: t('admin.tokens.columns.status'),
      dataIndex: 'revokedAt',
      width: 120,
      render: (revokedAt: number | null) =>
        revokedAt === null ? (
          <Tag color="green">{t('admin.tokens.statusActive')}</Tag>
        ) : (
          <Tooltip title={dayjs(revokedAt).format('YYYY-MM-DD HH:mm:ss')}>
            <Tag>{t('admin.tokens.statusRevoked')}</Tag>
          </Tooltip>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, token) =>
        token.revokedAt === null && (
          <Popconfirm
            title={t('admin.tokens.revokeConfirm', { name: token.name })}
            okText={t('admin.tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => onRevoke(token)}
          >
            <Button size="small" danger loading={revoke.isPending && revoke.variables === token.id}>
              {t('admin.tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.tokens.title')}
        subtitle={t('admin.tokens.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('admin.tokens.create')}
          </Button>
        }
      />
      {tokens.isError && (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={formatError('load', 'tokens', tokens.error)}
          action={<Button size="small" onClick={() => void tokens.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ApiToken>
          rowKey="id"
          columns={columns}
          dataSource={tokens.data ?? []}
          loading={tokens.isPending}
          pagination={false}
          locale={{ emptyText: t('admin.tokens.empty') }}
        />
      </Card>
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
