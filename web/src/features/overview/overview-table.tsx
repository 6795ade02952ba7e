import { EyeOutlined } from '@ant-design/icons';
import { isDurationLive, type OverviewSortKey, type OverviewTask, type OverviewTaskPage } from '@weir/contract';
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import type { SortOrder as AntSortOrder } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { HealthScore } from './health-score';
import { DateTime } from '../../components/date-time';
import { LiveDuration } from '../../components/live-duration';
import { PAGE_SIZES, SORT_KEYS, type OverviewView } from './overview-url';
import { RunStatusTag } from '../runs/run-status-tag';
import runStyles from '../runs/runs.module.css';
import { TaskRunsTable } from '../runs/task-runs-table';
import styles from './overview.module.css';

const LIFECYCLE_COLORS = { DEVELOP: 'default', PUBLISHED: 'blue', ONLINE: 'green', OFFLINE: 'orange' } as const;

interface OverviewTableProps {
  data: OverviewTaskPage | undefined;
  loading: boolean;
  view: OverviewView;
  onViewChange: (change: Partial<OverviewView>) => void;
  empty: ReactNode;
  /** The Team column, for users who see more than one team. */
  showTeam: boolean;
}

const TEAM_COLUMN_WIDTH = 110;

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** The overview list: one row per task with its latest run; server-side sort and pages; rows expand into the task's runs. */
export function OverviewTable({ data, loading, view, onViewChange, empty, showTeam }: OverviewTableProps) {
  const { t } = useTranslation();

  const sortable = (key: OverviewSortKey) => ({
    key,
    sorter: true,
    sortOrder: (view.sort === key ? (view.order === 'asc' ? 'ascend' : 'descend') : null) as AntSortOrder,
    sortDirections: ['ascend', 'descend', 'ascend'] as AntSortOrder[],
  });

  const columns: ColumnsType<OverviewTask> = [
    {
      title: t('overview.columns.name'),
      dataIndex: 'name',
      ...sortable('name'),
      width: 206,
      render: (name: string, task) => (
        // The name gives way (ellipsis) so the kind tag always shows. The ellipsis is CSS's alone:
        // antd's Typography ellipsis measures each cell after it is drawn (two forced layouts per
        // row), which was most of the overview's main-thread time at a page of 50 rows.
        <div className={styles.nameCell}>
          <Tooltip title={name} placement="topLeft">
            <span data-testid="task-name" className={styles.name}>
              {name}
            </span>
          </Tooltip>
          {task.kind === 'EXTERNAL' && (
            <Tooltip title={t('overview.externalHint')}>
              <Tag bordered={false} style={{ marginInlineEnd: 0, flex: 'none' }}>
                {t('overview.kind.EXTERNAL')}
              </Tag>
            </Tooltip>
          )}
        </div>
      ),
    },
    {
      title: t('overview.columns.lifecycle'),
      dataIndex: 'lifecycle',
      ...sortable('lifecycle'),
      width: 100,
      render: (lifecycle: OverviewTask['lifecycle']) => (
        <Tag color={LIFECYCLE_COLORS[lifecycle]} bordered={false}>
          {t(`overview.lifecycle.${lifecycle}`)}
        </Tag>
      ),
    },
    {
      title: t('overview.columns.executionMode'),
      dataIndex: 'executionMode',
      ...sortable('executionMode'),
      width: 84,
      render: (mode: OverviewTask['executionMode']) => t(`overview.mode.${mode}`),
    },
    {
      title: t('overview.columns.cluster'),
      dataIndex: 'clusterName',
      ...sortable('cluster'),
      ellipsis: true,
      width: 110,
      render: (name: string | null, task) =>
        name ?? (
          <Tooltip title={task.clusterId}>
            <Typography.Text type="secondary">{t('overview.removedCluster')}</Typography.Text>
          </Tooltip>
        ),
    },
    ...(showTeam
      ? [
          {
            title: t('teams.column'),
            dataIndex: 'teamName',
            ellipsis: true,
            width: TEAM_COLUMN_WIDTH,
            render: (teamName: string) => <span data-testid="task-team">{teamName}</span>,
          },
        ]
      : []),
    {
      title: t('overview.columns.flinkJobId'),
      dataIndex: 'flinkJobId',
      ...sortable('flinkJobId'),
      width: 112,
      render: (jobId: string) => (
        <Typography.Text className={runStyles.jobId} copyable={{ text: jobId, tooltips: [t('overview.copyJobId'), '✓'] }} title={jobId}>
          {jobId.slice(0, 8)}…
        </Typography.Text>
      ),
    },
    {
      title: t('overview.columns.status'),
      dataIndex: 'status',
      ...sortable('status'),
      width: 140,
      render: (_, task) => <RunStatusTag status={task.status} lost={task.lost} />,
    },
    {
      title: t('overview.columns.startTime'),
      dataIndex: 'startTime',
      ...sortable('startTime'),
      width: 162,
      render: (at: number | null) => (at === null ? dash : <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}><DateTime at={at} /></span>),
    },
    {
      title: t('overview.columns.durationMs'),
      dataIndex: 'durationMs',
      ...sortable('durationMs'),
      width: 100,
      render: (duration: number | null, task) => (
        <LiveDuration durationMs={duration} startTime={task.startTime} live={isDurationLive(task)} />
      ),
    },
    {
      title: t('overview.columns.restartCount'),
      dataIndex: 'restartCount',
      ...sortable('restartCount'),
      width: 96,
      align: 'right',
      render: (count: number) => (count > 0 ? <Typography.Text type={count >= 3 ? 'danger' : 'warning'}>{count}</Typography.Text> : count),
    },
    {
      title: (
        <Tooltip title={t('overview.health.columnHint')}>
          <span>{t('overview.columns.health')}</span>
        </Tooltip>
      ),
      dataIndex: 'health',
      ...sortable('health'),
      width: 88,
      render: (health: OverviewTask['health']) => (health ? <HealthScore {...health} /> : dash),
    },
    {
      title: t('overview.columns.owner'),
      dataIndex: 'owner',
      ...sortable('owner'),
      ellipsis: true,
      width: 90,
      render: (owner: string | null) => owner ?? dash,
    },
    {
      title: t('overview.columns.actions'),
      key: 'detail',
      align: 'center',
      fixed: 'right',
      width: 60,
      render: (_, task) => (
        <Tooltip title={t('overview.viewDetail', { jobId: task.flinkJobId })}>
          <Link to={`/runs/${task.latestRunId}`} aria-label={t('overview.viewDetail', { jobId: task.flinkJobId })} data-testid="run-detail-link">
            <EyeOutlined style={{ fontSize: 16 }} />
          </Link>
        </Tooltip>
      ),
    },
  ];

  const onChange: TableProps<OverviewTask>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = single?.columnKey as OverviewSortKey | undefined;
      if (!single?.order || !key || !SORT_KEYS.includes(key)) onViewChange({ sort: 'name', order: 'asc' });
      else onViewChange({ sort: key, order: single.order === 'ascend' ? 'asc' : 'desc' });
    } else if (extra.action === 'paginate') {
      const pageSize = pagination.pageSize ?? view.pageSize;
      onViewChange(pageSize !== view.pageSize ? { pageSize } : { page: pagination.current ?? 1 });
    }
  };

  return (
    <Table<OverviewTask>
      data-testid="overview-table"
      rowKey="id"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      onChange={onChange}
      size="middle"
      tableLayout="fixed"
      // Fits a 1440 px screen without scrolling; narrower laptops scroll sideways with the detail column pinned.
      scroll={{ x: 1390 + (showTeam ? TEAM_COLUMN_WIDTH : 0) }}
      locale={{ emptyText: empty }}
      onRow={(task) => ({ 'data-status': task.status, 'data-task-name': task.name }) as React.HTMLAttributes<HTMLElement>}
      expandable={{
        expandedRowRender: (task) => <TaskRunsTable taskId={task.id} taskName={task.name} />,
        rowExpandable: () => true,
        columnWidth: 40,
      }}
      pagination={{
        current: view.page,
        pageSize: view.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total, [from, to]) => t('overview.pageTotal', { from, to, total: total.toLocaleString() }),
        hideOnSinglePage: false,
        style: { marginInline: 16 },
      }}
    />
  );
}
