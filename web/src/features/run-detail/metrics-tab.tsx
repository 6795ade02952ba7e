import type { RunDetail } from '@weir/contract';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Flex, Segmented, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import ReactECharts from 'echarts-for-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useThemeMode } from '../../app/theme-mode';
import { formatError } from '../../api/format-error';
import { vertexTitle } from './job-graph';
import { buildMetricCharts, chartOption, type MetricName } from './metric-series';
import { useMetricSelection, useMetricSeries, useMetricsAvailable, useSaveMetricSelection } from './run-detail.queries';

const LIVE_WINDOW_MS = 15 * 60_000;
/** Who the server records a default selection as made by (server/src/metrics/metric-sampler.ts). */
const DEFAULT_SELECTION_BY = 'weir';

/** The user picks vertices/TaskManagers and metrics; Weir samples them; the charts read the stored points. */
export function MetricsTab({ detail, canOperate }: { detail: RunDetail; canOperate: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const colorMode = useThemeMode();
  const runId = detail.run.id;
  const available = useMetricsAvailable(runId);
  const selection = useMetricSelection(runId);
  const save = useSaveMetricSelection(runId);
  const [vertices, setVertices] = useState<string[]>([]);
  const [vertexMetrics, setVertexMetrics] = useState<string[]>([]);
  const [jobMetrics, setJobMetrics] = useState<string[]>([]);
  const [tms, setTms] = useState<string[]>([]);
  const [tmMetrics, setTmMetrics] = useState<string[]>([]);
  const [mode, setMode] = useState<'live' | 'range'>(detail.terminal ? 'range' : 'live');
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const end = dayjs(detail.run.endTime ?? Date.now());
    return [dayjs(Math.max(detail.run.startTime ?? end.valueOf() - 3_600_000, end.valueOf() - 6 * 3_600_000)), end];
  });

  // The form starts from the stored selection.
  useEffect(() => {
    const chosen = selection.data?.series ?? [];
    const parts = chosen.map((k) => k.split(':'));
    setVertices([...new Set(parts.filter((p) => p[0] === 'vertex').map((p) => p[1]!))]);
    setVertexMetrics([...new Set(parts.filter((p) => p[0] === 'vertex').map((p) => p[2]!))]);
    setJobMetrics([...new Set(parts.filter((p) => p[0] === 'job').map((p) => p[1]!))]);
    setTms([...new Set(parts.filter((p) => p[0] === 'tm').map((p) => p[1]!))]);
    setTmMetrics([...new Set(parts.filter((p) => p[0] === 'tm').map((p) => p[2]!))]);
  }, [selection.data]);

  const wanted = useMemo(
    () => [
      ...vertices.flatMap((v) => vertexMetrics.map((m) => `vertex:${v}:${m}`)),
      ...jobMetrics.map((m) => `job:${m}`),
      ...tms.flatMap((tm) => tmMetrics.map((m) => `tm:${tm}:${m}`)),
    ],
    [vertices, vertexMetrics, jobMetrics, tms, tmMetrics],
  );
  const stored = selection.data?.series ?? [];
  const intervalMs = available.data?.intervalMs ?? 10_000;
  const series = useMetricSeries(runId, stored, mode === 'live' ? { liveWindowMs: LIVE_WINDOW_MS } : { from: range[0].valueOf(), to: range[1].valueOf() }, intervalMs);
  const vertexNames = useMemo(() => Object.fromEntries((available.data?.vertices ?? []).map((v) => [v.id, v.name])), [available.data]);
  const jobName = detail.run.jobName;
  const charts = useMemo(() => buildMetricCharts(series.data?.series ?? [], { vertexNames, intervalMs, jobName }), [series.data, vertexNames, intervalMs, jobName]);
  const metricName = (m: string) => t(`runDetail.metrics.names.${m as MetricName}`);

  const onSave = () =>
    save.mutate(wanted, {
      onSuccess: (s) => void message.success(t('runDetail.metrics.saved', { count: s.series.length, seconds: intervalMs / 1000, hours: available.data?.retentionHours ?? 0 })),
      onError: (err) => void message.error(formatError('save', 'metricSelection', err)),
    });

  if (available.isPending || selection.isPending) return <Spin />;
  const a = available.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('runDetail.metrics.choose')} data-testid="metric-picker">
        {a && !a.sampling && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('runDetail.metrics.notSampling')} />}
        {selection.data?.updatedBy === DEFAULT_SELECTION_BY && (
          <Typography.Paragraph type="secondary" data-testid="default-selection">
            {t('runDetail.metrics.defaultSelection')}
          </Typography.Paragraph>
        )}
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 16 }}>
          <div>
            <Typography.Text strong>{t('runDetail.metrics.vertices')}</Typography.Text>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column' }} value={vertices} onChange={(v) => setVertices(v as string[])} disabled={!canOperate}
              options={(a?.vertices ?? []).map((v) => ({ value: v.id, label: <span translate="no">{vertexTitle(v.name)}</span> }))} />
          </div>
          <div>
            <Typography.Text strong>{t('runDetail.metrics.vertexMetrics')}</Typography.Text>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column' }} value={vertexMetrics} onChange={(v) => setVertexMetrics(v as string[])} disabled={!canOperate}
              options={(a?.vertexMetrics ?? []).map((m) => ({ value: m, label: metricName(m) }))} />
          </div>
          <div>
            <Typography.Text strong>{t('runDetail.metrics.jobMetrics')}</Typography.Text>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column' }} value={jobMetrics} onChange={(v) => setJobMetrics(v as string[])} disabled={!canOperate}
              options={(a?.jobMetrics ?? []).map((m) => ({ value: m, label: metricName(m) }))} />
          </div>
          <div>
            <Typography.Text strong>{t('runDetail.metrics.taskManagers')}</Typography.Text>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column' }} value={tms} onChange={(v) => setTms(v as string[])} disabled={!canOperate}
              options={(a?.taskManagers ?? []).map((id) => ({ value: id, label: id }))} />
            <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>{t('runDetail.metrics.taskManagerMetrics')}</Typography.Text>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column' }} value={tmMetrics} onChange={(v) => setTmMetrics(v as string[])} disabled={!canOperate}
              options={(a?.taskManagerMetrics ?? []).map((m) => ({ value: m, label: metricName(m) }))} />
          </div>
        </div>
        <Button type="primary" style={{ marginTop: 12 }} onClick={onSave} loading={save.isPending} disabled={!canOperate || (wanted.length === 0 && stored.length === 0)}>
          {t('runDetail.metrics.save')}
        </Button>
      </Card>
      <Flex gap={12} align="center">
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as 'live' | 'range')}
          options={[
            { value: 'live', label: t('runDetail.metrics.live', { minutes: LIVE_WINDOW_MS / 60_000 }), disabled: detail.terminal },
            { value: 'range', label: t('runDetail.metrics.range') },
          ]}
        />
        {mode === 'range' && <DatePicker.RangePicker showTime value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />}
      </Flex>
      {stored.length === 0 ? (
        <Empty description={t('runDetail.metrics.empty')} />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(440px, 1fr))', gap: 16 }}>
          {charts.map((chart) => {
            const points = chart.lines.reduce((n, l) => n + l.data.length, 0);
            return (
              <Card key={chart.metric} size="small" title={metricName(chart.metric)} data-testid="metric-chart" data-metric={chart.metric} data-points={points}>
                {points === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('runDetail.metrics.noPoints')} />
                ) : (
                  <ReactECharts
                    theme={colorMode === 'dark' ? 'dark' : undefined}
                    option={{ ...chartOption(chart, { from: series.data!.from, to: series.data!.to }, i18n.language), backgroundColor: 'transparent' }}
                    // ECharts' own words (a scrolling legend's pages, "no data") in the reader's language too.
                    opts={{ locale: i18n.language.startsWith('zh') ? 'ZH' : 'EN' }}
                    style={{ height: 240 }}
                    notMerge
                  />
                )}
              </Card>
            );
          })}
        </div>
      )}
    </Space>
  );
}
