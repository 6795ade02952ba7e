import { EyeOutlined } from '@ant-design/icons';
import { isDurationLive, type OverviewRun } from '@weir/contract';
import { Alert, Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { DateTime } from '../../components/date-time';
import { LiveDuration } from '../../components/live-duration';
import { RunStatusTag } from './run-status-tag';
import { useTaskRuns } from './runs.queries';
import styles from './runs.module.css';

const PAGE_SIZE = 10;

function time(at: number | null) {
  return at === null ? <Typography.Text type="secondary">—</Typography.Text> : <DateTime at={at} />;
}

/**
 * Every run of a task, newest first, each linking to its detail: what an expanded overview row shows,
 * and the task editor's Runs section (which passes `pollMs`, having no live events of its own).
 */
export function TaskRunsTable({ taskId, taskName, pollMs }: { taskId: string; taskName: string; pollMs?: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const runs = useTaskRuns(taskId, page, PAGE_SIZE, pollMs);

  if (runs.isError && !runs.data) {
    return (
      <Alert
        type="error"
        showIcon
        message={formatError('load', ['taskRuns', { name: taskName }], runs.error)}
        action={
          <Button size="small" onClick={() => void runs.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }

  const columns: ColumnsType<OverviewRun> = [
    {
      title: t('overview.columns.flinkJobId'),
      dataIndex: 'flinkJobId',
      render: (jobId: string, run) => (
        <span className={styles.jobIdCell}>
          <Typography.Text className={styles.jobId} copyable={{ text: jobId, tooltips: [t('overview.copyJobId'), '✓'] }} data-testid="run-job-id">
            {jobId}
          </Typography.Text>
          {run.latest && (
            <Tag bordered={false} color="blue" style={{ marginInlineStart: 8 }}>
              {t('overview.history.latest')}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t('overview.columns.status'), dataIndex: 'status', render: (_, run) => <RunStatusTag status={run.status} lost={run.lost} /> },
    { title: t('overview.columns.cluster'), dataIndex: 'clusterName', render: (name: string | null, run) => name ?? <Typography.Text type="secondary">{run.clusterId}</Typography.Text> },
    { title: t('overview.columns.startTime'), dataIndex: 'startTime', render: time },
    { title: t('overview.columns.endTime'), dataIndex: 'endTime', render: time },
    {
      title: t('overview.columns.durationMs'),
      dataIndex: 'durationMs',
      render: (duration: number | null, run) => (
        <LiveDuration durationMs={duration} startTime={run.startTime} live={isDurationLive(run)} />
      ),
    },
    { title: t('overview.columns.restartCount'), dataIndex: 'restartCount', align: 'right' },
    {
      title: t('overview.columns.actions'),
      key: 'detail',
      align: 'center',
      width: 72,
      render: (_, run) => (
        <Tooltip title={t('overview.viewDetail', { jobId: run.flinkJobId })}>
          <Link to={`/runs/${run.id}`} aria-label={t('overview.viewDetail', { jobId: run.flinkJobId })} data-testid="run-detail-link">
            <EyeOutlined />
          </Link>
        </Tooltip>
      ),
    },
  ];

  return (
    <div className={styles.history} data-testid={`task-runs-${taskId}`}>
      <Table<OverviewRun>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={runs.data?.items ?? []}
        loading={runs.isFetching && !runs.data}
        locale={{ emptyText: t('overview.history.empty') }}
        title={() => (
          <Typography.Text strong>
            {t('overview.history.title', { name: taskName })}
            {runs.data && (
              <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 8 }}>
                {t('overview.history.total', { count: runs.data.total })}
              </Typography.Text>
            )}
          </Typography.Text>
        )}
        pagination={
          (runs.data?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: runs.data?.total ?? 0, size: 'small', showSizeChanger: false, onChange: setPage }
            : false
        }
      />
    </div>
  );
}
