import { isDurationLive, type RunDetail } from '@weir/contract';
import { Card, Descriptions, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveDuration } from '../../components/live-duration';
import { PathText } from '../../components/path-text';
import { formatMs, formatTime } from './format';
import { HealthPanel } from './health-panel';
import { useRunGraph } from './run-detail.queries';
import { SourceBanner } from './source-banner';
import { StatusStrip } from './status-strip';
import { statusNoteText } from '../runs/status-note-text';

// The graph libraries (@xyflow/react, dagre) load beside the job graph's own data, so the rest of the
// tab (status, times, health) is drawn and usable before them.
const loadJobGraphView = () => import('./job-graph-view');
const JobGraphView = lazy(async () => ({ default: (await loadJobGraphView()).JobGraphView }));

export function OverviewTab({ detail }: { detail: RunDetail }) {
  const { t, i18n } = useTranslation();
  const noteOf = (tr: RunDetail['transitions'][number]) => statusNoteText(t, i18n.language, tr);
  const graph = useRunGraph(detail.run.id, detail.terminal);
  // Fetch the graph's code while its data is on the way, not after.
  useEffect(() => void loadJobGraphView(), []);
  const { run, job } = detail;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} data-testid="run-facts">
          <Descriptions.Item label={t('runDetail.fields.status')}>{run.status}</Descriptions.Item>
          <Descriptions.Item label={t('runDetail.fields.jobId')}>
            {run.submissionError === null ? (
              // One token, never broken in the middle (a Chinese layout breaks a long Latin word anywhere):
              // on one line, cut to its column with an ellipsis when narrow, whole on hover, when copied
              // and in the page for the browser's search.
              <span data-testid="flink-job-id" style={{ display: 'block', minWidth: 0 }}>
                <PathText text={run.flinkJobId} style={{ maxWidth: '100%', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }} />
              </span>
            ) : (
              <Typography.Text type="secondary" data-testid="flink-job-id-none">
                {t('runDetail.neverReached.title')}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('runDetail.fields.cluster')}>{detail.cluster?.name ?? `${run.clusterId} (${t('runDetail.fields.clusterRemoved')})`}</Descriptions.Item>
          <Descriptions.Item label={t('runDetail.fields.mode')}>{run.executionMode}</Descriptions.Item>
          <Descriptions.Item label={t('runDetail.fields.parallelism')}>{job.parallelism ?? '–'}</Descriptions.Item>
          <Descriptions.Item label={t('runDetail.fields.start')}>{formatTime(run.startTime)}</Descriptions.Item>
          <Descriptions.Item label={t('runDetail.fields.end')}>{formatTime(run.endTime)}</Descriptions.Item>
          <Descriptions.Item label={t('runDetail.fields.duration')}>
            <span data-testid="run-duration">
              <LiveDuration durationMs={run.durationMs} startTime={run.startTime} live={isDurationLive(run)} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('runDetail.fields.restarts')}>
            <span data-testid="restart-count">{run.restartCount}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('runDetail.fields.version')}>{detail.version ? `v${detail.version.version}` : t('runDetail.fields.noVersion')}</Descriptions.Item>
          <Descriptions.Item label={t('runDetail.fields.task')}>{detail.task?.name ?? '–'}</Descriptions.Item>
          <Descriptions.Item label={t('runDetail.fields.runId')}>
            <Typography.Text type="secondary">{run.id}</Typography.Text>
          </Descriptions.Item>
          {run.yarnApplicationId !== null && (
            <Descriptions.Item label={t('runDetail.fields.yarnApplication')}>
              <span data-testid="yarn-application-id">{run.yarnApplicationId}</span>
            </Descriptions.Item>
          )}
          {run.jobManagerUrl !== null && (
            <Descriptions.Item label={t('runDetail.fields.jobManager')}>
              <span data-testid="run-job-manager-url">
                <PathText text={run.jobManagerUrl} style={{ maxWidth: '100%' }} />
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
        {detail.lostEvidence && (
          <Descriptions size="small" bordered column={1} title={t('runDetail.fields.lostEvidence')} style={{ marginTop: 12 }}>
            {Object.entries(detail.lostEvidence).map(([k, v]) => (
              <Descriptions.Item key={k} label={k}>
                {typeof v === 'number' && v > 1e12 ? formatTime(v) : String(v)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Card>
      <HealthPanel runId={run.id} terminal={detail.terminal} />
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 300px', gap: 16 }}>
        <Card size="small" title={t('runDetail.graph.title')}>
          <SourceBanner section={graph.data} />
          <Suspense fallback={<Spin />}>{graph.isPending ? <Spin /> : graph.data && <JobGraphView graph={graph.data} />}</Suspense>
        </Card>
        <Card size="small" title={t('runDetail.timeline.title')}>
          <div style={{ marginBottom: 12 }}>
            <StatusStrip detail={detail} />
          </div>
          {detail.transitions.length === 0 ? (
            <Typography.Text type="secondary">{t('runDetail.timeline.empty')}</Typography.Text>
          ) : (
            <Timeline
              data-testid="status-timeline"
              items={[...detail.transitions].reverse().map((tr) => ({
                color: tr.toStatus === 'FAILED' ? 'red' : tr.toStatus === 'RUNNING' ? 'green' : tr.toStatus === 'RESTARTING' || tr.toStatus === 'RECONNECTING' ? 'orange' : 'gray',
                children: (
                  <div>
                    <Tag style={{ marginInlineEnd: 4 }}>{tr.toStatus}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatTime(tr.at)}
                    </Typography.Text>
                    {tr.source !== 'flink' && (
                      <div style={{ fontSize: 11, color: '#8c8c8c' }}>
                        {t(tr.source === 'yarn' ? 'runDetail.timeline.byYarn' : 'runDetail.timeline.byWeir')}
                        {noteOf(tr) ? `: ${noteOf(tr)}` : ''}
                      </div>
                    )}
                  </div>
                ),
              }))}
            />
          )}
        </Card>
      </div>
    </Space>
  );
}
