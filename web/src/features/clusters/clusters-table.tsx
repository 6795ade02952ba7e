import { DeleteOutlined, EyeOutlined, KeyOutlined, PlayCircleOutlined, PoweroffOutlined, SyncOutlined } from '@ant-design/icons';
import type { Cluster } from '@weir/contract';
import { Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import type { SortOrder as AntSortOrder } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ClusterHealthTag } from './cluster-health-tag';
import { CLUSTER_SORT_KEYS, type ClusterSort, type ClusterSortKey } from './cluster-sort';

interface ClustersTableProps {
  clusters: Cluster[];
  loading: boolean;
  sort: ClusterSort | null;
  onSortChange: (sort: ClusterSort | null) => void;
  /** Removing a cluster needs the admin role over it (in its team; globally for a shared one). */
  canDelete: (cluster: Cluster) => boolean;
  /** Checking health now needs the operator role over it. */
  canCheck: (cluster: Cluster) => boolean;
  /** Reading or rotating its push token needs the admin role over it, like removing it. */
  canRotatePushToken: (cluster: Cluster) => boolean;
  checkingId: string | undefined;
  deletingId: string | undefined;
  rotatingId: string | undefined;
  showingTokenId: string | undefined;
  onCheck: (cluster: Cluster) => void;
  onDelete: (cluster: Cluster) => void;
  onRotatePushToken: (cluster: Cluster) => void;
  onShowPushToken: (cluster: Cluster) => void;
  /** Starting a YARN session on a YARN entry, and stopping one Weir started, need the operator role over it (canCheck). */
  onStartSession?: (cluster: Cluster) => void;
  onStopSession?: (cluster: Cluster) => void;
  /** Several Weir instances: which one watches each cluster (null: none holds its lease right now), and this one. */
  watchers?: { byCluster: Map<string, string | null>; self: string };
  /** The Team column (for users who see more than one team): a cluster's team's name by its id. */
  teamName?: (teamId: string) => string;
}

/** Figures a cluster reported are stale once it stops answering: they are from its last good check. */
function staleSince(cluster: Cluster): number | null {
  return cluster.health !== 'HEALTHY' && cluster.lastHealthyAt !== null ? cluster.lastHealthyAt : null;
}

function figure(value: React.ReactNode, cluster: Cluster) {
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  // Greyed out: the age is said once, under the health tag.
  return staleSince(cluster) === null ? value : <Typography.Text type="secondary" data-testid="stale-figure">{value}</Typography.Text>;
}

function watchedByColumn(watchers: NonNullable<ClustersTableProps['watchers']>, t: TFunction): ColumnsType<Cluster>[number] {
  return {
    title: t('clusters.columns.watchedBy'),
    key: 'watchedBy',
    render: (_, cluster) => {
      const instance = watchers.byCluster.get(cluster.id) ?? null;
      if (instance === null) return <Typography.Text type="warning" data-testid="watched-by" data-instance="">{t('clusters.instances.nobody')}</Typography.Text>;
      return (
        <Space size={4} data-testid="watched-by" data-instance={instance}>
          <Typography.Text code>{instance}</Typography.Text>
          {instance === watchers.self && <Tag bordered={false}>{t('clusters.instances.thisOne')}</Tag>}
        </Space>
      );
    },
  };
}

export function ClustersTable(props: ClustersTableProps) {
  const { t } = useTranslation();
  const { sort } = props;

  const sortable = (key: ClusterSortKey) => ({
    key,
    sorter: true,
    sortOrder: (sort?.key === key ? (sort.order === 'asc' ? 'ascend' : 'descend') : null) as AntSortOrder,
  });

  const columns: ColumnsType<Cluster> = [
    {
      title: t('clusters.columns.name'),
      dataIndex: 'name',
      ...sortable('name'),
      render: (name: string, cluster) => (
        <Space direction="vertical" size={0}>
          <Space size={6}>
            <Typography.Text strong>{name}</Typography.Text>
            {cluster.isLocal && <Tag bordered={false}>{t('clusters.local')}</Tag>}
            {cluster.yarnSession && (
              <Tag color={cluster.yarnSession.state === 'FAILED' ? 'red' : 'geekblue'} bordered={false} data-testid="yarn-session-state" data-state={cluster.yarnSession.state}>
                {t(`clusters.yarn.sessionState.${cluster.yarnSession.state}`)}
              </Tag>
            )}
            {cluster.kind === 'yarn' && (
              <Tag color="geekblue" bordered={false} data-testid="cluster-kind" data-kind="yarn">
                {t('clusters.kind.yarn')}
              </Tag>
            )}
          </Space>
          {cluster.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {cluster.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(props.teamName
      ? [
          {
            title: t('teams.column'),
            dataIndex: 'teamId',
            render: (teamId: string | null) =>
              teamId === null ? (
                <Tag color="cyan" bordered={false} data-testid="cluster-team" data-team="">
                  {t('teams.shared')}
                </Tag>
              ) : (
                <span data-testid="cluster-team" data-team={teamId}>
                  {props.teamName!(teamId)}
                </span>
              ),
          },
        ]
      : []),
    {
      title: t('clusters.columns.restUrl'),
      dataIndex: 'restUrl',
      render: (url: string) => (
        // The REST address is also the Flink web UI.
        <Typography.Link href={url} target="_blank" rel="noreferrer">
          {url}
        </Typography.Link>
      ),
    },
    {
      title: t('clusters.columns.gatewayUrl'),
      dataIndex: 'gatewayUrl',
      render: (url: string | null, cluster) =>
        cluster.yarn ? (
          // A YARN target has no gateway: where its runs would go instead.
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="yarn-target">
            {t('clusters.yarn.summary', { queue: cluster.yarn.queue, flinkVersion: cluster.yarn.flinkVersion, confDir: cluster.yarn.hadoopConfDir })}
          </Typography.Text>
        ) : url ? (
          <Typography.Text>{url}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('clusters.columns.health'),
      dataIndex: 'health',
      ...sortable('health'),
      render: (_, cluster) => {
        const since = staleSince(cluster);
        return (
          <Space direction="vertical" size={0}>
            <ClusterHealthTag health={cluster.health} lastError={cluster.lastError} />
            {cluster.kind === 'yarn' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="yarn-runs-here">
                {t('clusters.yarn.runsHere')}
              </Typography.Text>
            )}
            {since !== null && (
              <Tooltip title={dayjs(since).format('YYYY-MM-DD HH:mm:ss')}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="stale-figures" data-since={since}>
                  {t('clusters.staleFigures', { age: dayjs(since).fromNow() })}
                </Typography.Text>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    ...(props.watchers ? [watchedByColumn(props.watchers, t)] : []),
    { title: t('clusters.columns.flinkVersion'), dataIndex: 'flinkVersion', ...sortable('flinkVersion'), render: (value: string | null) => value ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: t('clusters.columns.taskManagers'), dataIndex: 'taskManagers', ...sortable('taskManagers'), align: 'right', render: (value: number | null, cluster) => figure(value, cluster) },
    {
      title: t('clusters.columns.slots'),
      dataIndex: 'slotsAvailable',
      ...sortable('slotsAvailable'),
      align: 'right',
      render: (_, cluster) =>
        figure(cluster.slotsTotal === null ? null : `${cluster.slotsAvailable ?? '—'} / ${cluster.slotsTotal}`, cluster),
    },
    { title: t('clusters.columns.jobsRunning'), dataIndex: 'jobsRunning', ...sortable('jobsRunning'), align: 'right', render: (value: number | null, cluster) => figure(value, cluster) },
    {
      title: t('clusters.columns.lastCheckedAt'),
      dataIndex: 'lastCheckedAt',
      ...sortable('lastCheckedAt'),
      render: (at: number | null) =>
        at === null ? (
          <Typography.Text type="secondary">{t('common.never')}</Typography.Text>
        ) : (
          <Tooltip title={dayjs(at).format('YYYY-MM-DD HH:mm:ss')}>{dayjs(at).fromNow()}</Tooltip>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, cluster) => (
        <Space size={0}>
          {props.canCheck(cluster) && (
            <Button type="link" size="small" icon={<SyncOutlined />} loading={props.checkingId === cluster.id} onClick={() => props.onCheck(cluster)}>
              {t('clusters.checkNow')}
            </Button>
          )}
          {props.canCheck(cluster) && cluster.kind === 'yarn' && props.onStartSession && (
            <Button type="link" size="small" icon={<PlayCircleOutlined />} onClick={() => props.onStartSession!(cluster)} data-testid="start-yarn-session">
              {t('clusters.yarn.startSession')}
            </Button>
          )}
          {props.canCheck(cluster) && cluster.yarnSession?.state === 'RUNNING' && props.onStopSession && (
            <Button type="link" size="small" danger icon={<PoweroffOutlined />} onClick={() => props.onStopSession!(cluster)} data-testid="stop-yarn-session">
              {t('clusters.yarn.stopSession')}
            </Button>
          )}
          {props.canRotatePushToken(cluster) && (
            <Button
              type="text"
              size="small"
              icon={<EyeOutlined />}
              loading={props.showingTokenId === cluster.id}
              onClick={() => props.onShowPushToken(cluster)}
              aria-label={t('clusters.pushToken.show')}
              title={t('clusters.pushToken.show')}
            />
          )}
          {props.canRotatePushToken(cluster) && (
            <Popconfirm
              title={t('clusters.pushToken.confirmTitle', { name: cluster.name })}
              description={<div style={{ maxWidth: 360 }}>{t('clusters.pushToken.confirmDescription', { key: 'weir.push.token' })}</div>}
              okText={t('clusters.pushToken.confirm')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => props.onRotatePushToken(cluster)}
            >
              <Button
                type="text"
                size="small"
                icon={<KeyOutlined />}
                loading={props.rotatingId === cluster.id}
                aria-label={t('clusters.pushToken.rotate')}
                title={t('clusters.pushToken.rotate')}
              />
            </Popconfirm>
          )}
          {props.canDelete(cluster) && (
            <Popconfirm
              title={t('clusters.deleteConfirmTitle', { name: cluster.name })}
              description={t('clusters.deleteConfirmDescription')}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => props.onDelete(cluster)}
            >
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                loading={props.deletingId === cluster.id}
                aria-label={t('common.delete')}
                title={t('common.delete')}
              />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const onChange: TableProps<Cluster>['onChange'] = (_pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = single?.columnKey as ClusterSortKey | undefined;
    if (!single?.order || !key || !CLUSTER_SORT_KEYS.includes(key)) props.onSortChange(null);
    else props.onSortChange({ key, order: single.order === 'ascend' ? 'asc' : 'desc' });
  };

  return (
    <Table<Cluster>
      rowKey="id"
      columns={columns}
      dataSource={props.clusters}
      loading={props.loading}
      onChange={onChange}
      pagination={false}
      scroll={{ x: 'max-content' }}
      size="middle"
    />
  );
}
