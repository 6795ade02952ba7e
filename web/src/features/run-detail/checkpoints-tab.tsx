import type { CheckpointView, RunDetail } from '@weir/contract';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { PathText } from '../../components/path-text';
import { formatBytes } from './job-graph';
import { formatMs, formatTime } from './format';
import { useRunCheckpoints } from './run-detail.queries';
import { SourceBanner } from './source-banner';
import { DateTime } from '../../components/date-time';

export interface RestoreAction {
  allowed: boolean;
  reason: string | null;
  restore(path: string): void;
}

export function CheckpointsTab({ detail, restore }: { detail: RunDetail; restore: RestoreAction }) {
  const { t } = useTranslation();
  const q = useRunCheckpoints(detail.run.id, detail.terminal);
  if (q.isPending) return <Spin />;
  const data = q.data;
  if (!data) return null;
  const restoreButton = (path: string | null) =>
    path ? (
      <Popconfirm title={t('runDetail.checkpoints.restoreConfirm', { path })} onConfirm={() => restore.restore(path)} disabled={!restore.allowed}>
        <Button size="small" disabled={!restore.allowed} title={restore.reason ?? undefined}>
          {t('runDetail.checkpoints.restoreFrom')}
        </Button>
      </Popconfirm>
    ) : null;
  const latest = (c: CheckpointView | null) => (c ? `#${c.id} · ${formatTime(c.triggeredAt)} · ${formatMs(c.durationMs)} · ${formatBytes(c.checkpointedSize)}` : t('runDetail.checkpoints.none'));
  const cfg = data.config;
  const yesNo = (flag: boolean | null | undefined) => (flag === null || flag === undefined ? '–' : t(flag ? 'common.yes' : 'common.no'));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <SourceBanner section={data} />
      {!data.enabled && <Alert type="warning" showIcon message={t('runDetail.checkpoints.disabled')} />}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))', gap: 16 }}>
        <Card size="small" title={t('runDetail.checkpoints.counts')}>
          <Descriptions size="small" column={1} data-testid="checkpoint-counts">
            <Descriptions.Item label={t('runDetail.checkpoints.total')}>{data.counts?.total ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('runDetail.checkpoints.completed')}><span data-testid="checkpoints-completed">{data.counts?.completed ?? '–'}</span></Descriptions.Item>
            <Descriptions.Item label={t('runDetail.checkpoints.failed')}>{data.counts?.failed ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('runDetail.checkpoints.inProgress')}>{data.counts?.inProgress ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('runDetail.checkpoints.restored')}>{data.counts?.restored ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('runDetail.checkpoints.latestCompleted')}>
              <span data-testid="latest-completed">{latest(data.latest.completed)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('runDetail.checkpoints.latestFailed')}>
              {data.latest.failed ? `${latest(data.latest.failed)} ${data.latest.failed.failureMessage ?? ''}` : t('runDetail.checkpoints.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('runDetail.checkpoints.latestSavepoint')}>{latest(data.latest.savepoint)}</Descriptions.Item>
            <Descriptions.Item label={t('runDetail.checkpoints.latestRestore')}>
              {data.latest.restored ? (
                <>
                  {`#${data.latest.restored.id} · ${formatTime(data.latest.restored.restoredAt)} · `}
                  <PathText text={data.latest.restored.path} maxWidth={360} />
                </>
              ) : (
                t('runDetail.checkpoints.none')
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('runDetail.checkpoints.config')}>
          {cfg ? (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('runDetail.checkpoints.mode')}><span translate="no">{cfg.mode}</span></Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.interval')}>{formatMs(cfg.intervalMs)}</Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.timeout')}>{formatMs(cfg.timeoutMs)}</Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.minPause')}>{formatMs(cfg.minPauseMs)}</Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.maxConcurrent')}>{cfg.maxConcurrent}</Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.tolerable')}>{cfg.tolerableFailures ?? '–'}</Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.externalized')}>{yesNo(cfg.externalized)}</Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.backend')}>{cfg.stateBackend ?? '–'}</Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.storage')}><PathText text={cfg.storage} maxWidth={360} /></Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.unaligned')}>{yesNo(cfg.unaligned)}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{t('runDetail.checkpoints.disabled')}</Typography.Text>
          )}
        </Card>
      </div>
      <Card size="small" title={t('runDetail.checkpoints.history')}>
        <Table<CheckpointView>
          data-testid="checkpoint-history"
          // Wide histories scroll inside their card: the page itself never scrolls sideways at 1280 px.
          scroll={{ x: 'max-content' }}
          size="small"
          rowKey="id"
          dataSource={data.history}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState title={t('runDetail.checkpoints.noHistory')} hint={t(data.enabled ? 'runDetail.checkpoints.noHistoryHint' : 'runDetail.checkpoints.disabled')} /> }}
          columns={[
            { title: t('runDetail.checkpoints.id'), dataIndex: 'id', width: 70 },
            { title: t('runDetail.checkpoints.status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'COMPLETED' ? 'green' : s === 'FAILED' ? 'red' : 'blue'}>{s}</Tag> },
            { title: t('runDetail.checkpoints.type'), render: (_, c) => <span translate="no">{c.isSavepoint ? 'SAVEPOINT' : (c.type ?? 'CHECKPOINT')}</span> },
            { title: t('runDetail.checkpoints.triggered'), render: (_, c) => <DateTime at={c.triggeredAt} /> },
            { title: t('runDetail.checkpoints.durationCol'), render: (_, c) => formatMs(c.durationMs) },
            { title: t('runDetail.checkpoints.size'), render: (_, c) => formatBytes(c.checkpointedSize) },
            { title: t('runDetail.checkpoints.stateSize'), render: (_, c) => formatBytes(c.stateSize) },
            { title: t('runDetail.checkpoints.acks'), render: (_, c) => `${c.acknowledgedSubtasks ?? '–'}/${c.subtasks ?? '–'}` },
            { title: t('runDetail.checkpoints.path'), width: 240, render: (_, c) => <PathText text={c.path ?? c.failureMessage} maxWidth={220} /> },
            { title: '', render: (_, c) => (c.status === 'COMPLETED' ? restoreButton(c.path) : null) },
          ]}
        />
      </Card>
      <Card size="small" title={t('runDetail.checkpoints.savepoints')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={data.savepoints}
          pagination={false}
          locale={{ emptyText: <EmptyState title={t('runDetail.checkpoints.noSavepoints')} hint={t('runDetail.checkpoints.noSavepointsHint')} /> }}
          columns={[
            { title: t('runDetail.checkpoints.kind'), dataIndex: 'kind' },
            { title: t('runDetail.checkpoints.status'), dataIndex: 'status' },
            { title: t('runDetail.checkpoints.created'), render: (_, s) => <DateTime at={s.createdAt} /> },
            { title: t('runDetail.checkpoints.path'), render: (_, s) => <PathText text={s.path ?? s.failure} maxWidth={420} /> },
            { title: '', render: (_, s) => (s.status === 'COMPLETED' ? restoreButton(s.path) : null) },
          ]}
        />
      </Card>
    </Space>
  );
}
