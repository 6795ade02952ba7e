import type { RunDetail, RunLogPage } from '@weir/contract';
import { Alert, Button, Flex, Segmented, Select, Space, Switch, Typography } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { CapturedLogs } from './captured-logs';
import { sectionReasonText } from './section-reason-text';
import { formatBytes } from './job-graph';
import { LogText, useLogFilter } from './log-text';
import { appendPage, EMPTY_WINDOW, type LogWindow, prependPage, previousOffset } from './log-window';
import { fetchLogPage, useRunLogCaptures } from './run-detail.queries';

const PAGE_BYTES = 64 * 1024;
const FOLLOW_BYTES = 256 * 1024;
/** What the page keeps in memory; older text is let go (and can be loaded again). */
const MAX_CHARS = 512 * 1024;
const FOLLOW_MS = 2_000;
/** How often follow mode asks again for logs it could not read (no TaskManager yet, a JobManager restarting). */
const UNAVAILABLE_RETRY_MS = 5_000;

type Component = 'jobmanager' | 'taskmanager';
type Kind = 'log' | 'stdout' | 'threaddump';

/**
 * The run's logs: live from the cluster, or the captures Weir kept at its failures (the view and
 * the chosen capture are in the URL, ?logs=captures&capture=<id>, so the Exceptions tab and alerts
 * can link to one). A run that ended with captures opens on them: its cluster may have moved on.
 */
export function LogsTab({ detail, canOperate }: { detail: RunDetail; canOperate: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const captures = useRunLogCaptures(detail.run.id);
  const count = captures.data?.captures.length ?? 0;
  const chosen = params.get('logs');
  const view = chosen === 'live' || chosen === 'captures' ? chosen : params.get('capture') || (detail.terminal && count > 0) ? 'captures' : 'live';
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(changes)) if (v === null) p.delete(k); else p.set(k, v);
        return p;
      },
      { replace: true },
    );
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Segmented
        data-testid="logs-view"
        value={view}
        onChange={(v) => set({ logs: String(v) })}
        options={[{ value: 'live', label: t('runDetail.logs.live') }, { value: 'captures', label: t('runDetail.logs.captured', { count }) }]}
      />
      {view === 'live' ? (
        <LiveLogs detail={detail} />
      ) : (
        <CapturedLogs detail={detail} canOperate={canOperate} captureId={params.get('capture') ?? undefined} onSelect={(id) => set({ logs: 'captures', capture: id })} />
      )}
    </Space>
  );
}

/** JobManager/TaskManager logs, stdout and thread dumps, read in byte windows; follow mode polls the next window. */
function LiveLogs({ detail }: { detail: RunDetail }) {
  const { t } = useTranslation();
  const { filter, controls } = useLogFilter();
  const runId = detail.run.id;
  const [component, setComponent] = useState<Component>('taskmanager');
  const [tm, setTm] = useState<string | undefined>();
  const [kind, setKind] = useState<Kind>('log');
  const [name, setName] = useState<string | undefined>();
  const [follow, setFollow] = useState(!detail.terminal);
  const [window, setWindow] = useState<LogWindow>(EMPTY_WINDOW);
  const [meta, setMeta] = useState<Pick<RunLogPage, 'available' | 'reason' | 'reasonCode' | 'taskManagers' | 'files' | 'tm'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const pre = useRef<HTMLPreElement>(null);
  const windowRef = useRef(window);
  windowRef.current = window;

  const query = useCallback((extra: { offset?: number; limit: number }) => fetchLogPage(runId, { component, tm, kind, name, ...extra }), [runId, component, tm, kind, name]);

  const loadTail = useCallback(async () => {
    setLoading(true);
    try {
      const page = await query({ limit: PAGE_BYTES });
      setMeta(page);
      setWindow(appendPage(EMPTY_WINDOW, page, MAX_CHARS));
      setError(null);
    } catch (err) {
      setError(formatError('load', 'logs', err));
    } finally {
      setLoading(false);
    }
  }, [query]);

  useEffect(() => {
    void loadTail();
  }, [loadTail]);

  useEffect(() => {
    if (!follow || kind === 'threaddump' || meta?.available === false) return;
    const timer = setInterval(async () => {
      const current = windowRef.current;
      try {
        const page = await query({ offset: current.end, limit: FOLLOW_BYTES });
        if (page.total < current.end) return void loadTail(); // the file was rotated or truncated
        if (page.text) setWindow((w) => appendPage(w, page, MAX_CHARS));
      } catch {
        // The next poll tries again; the banner shows lasting failures through loadTail.
      }
    }, FOLLOW_MS);
    return () => clearInterval(timer);
  }, [follow, kind, meta?.available, query, loadTail]);

  // Unreadable while the run lives (a YARN application's TaskManager gets its container after the job is
  // RUNNING; a TaskManager being replaced): follow mode asks again, so the logs appear without a reload.
  useEffect(() => {
    if (!follow || meta?.available !== false) return;
    const timer = setInterval(() => void loadTail(), UNAVAILABLE_RETRY_MS);
    return () => clearInterval(timer);
  }, [follow, meta?.available, loadTail]);

  // In follow mode the newest line stays in view.
  useLayoutEffect(() => {
    if (follow && pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [window.text, follow]);

  const loadEarlier = async () => {
    const previous = previousOffset(window, PAGE_BYTES);
    if (!previous) return;
    const page = await query(previous);
    setFollow(false);
    setWindow((w) => prependPage(w, page));
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Flex gap={12} wrap align="center">
        <Segmented value={component} onChange={(v) => { setComponent(v as Component); setName(undefined); }}
          options={[{ value: 'jobmanager', label: t('runDetail.logs.jobmanager') }, { value: 'taskmanager', label: t('runDetail.logs.taskmanager') }]} />
        {component === 'taskmanager' && (
          <Select style={{ minWidth: 140 }} value={tm ?? meta?.tm ?? undefined} onChange={(v) => { setTm(v); setName(undefined); }}
            options={(meta?.taskManagers ?? []).map((id) => ({ value: id, label: id }))} aria-label={t('runDetail.logs.taskmanager')} />
        )}
        <Segmented value={kind} onChange={(v) => setKind(v as Kind)}
          options={[{ value: 'log', label: t('runDetail.logs.log') }, { value: 'stdout', label: t('runDetail.logs.stdout') }, { value: 'threaddump', label: t('runDetail.logs.threaddump') }]} />
        {kind === 'log' && (meta?.files.length ?? 0) > 0 && (
          <Select style={{ minWidth: 220 }} allowClear placeholder={t('runDetail.logs.file')} value={name} onChange={setName} aria-label={t('runDetail.logs.file')}
            options={(meta?.files ?? []).map((f) => ({ value: f.name, label: `${f.name} (${formatBytes(f.size)})` }))} />
        )}
        <Space>
          <Switch checked={follow} onChange={setFollow} disabled={kind === 'threaddump'} aria-label={t('runDetail.logs.follow')} />
          {t('runDetail.logs.follow')}
        </Space>
        <Button onClick={() => void loadEarlier()} disabled={window.start <= 0}>{t('runDetail.logs.earlier')}</Button>
        <Button onClick={() => void loadTail()} loading={loading}>{t('runDetail.logs.reload')}</Button>
        {controls}
        {meta?.available && (
          <Typography.Text type="secondary" data-testid="log-range">
            {t('runDetail.logs.range', { start: window.start, end: window.end, total: window.total })}
          </Typography.Text>
        )}
      </Flex>
      {error && <Alert type="error" showIcon message={error} />}
      {meta && !meta.available && <Alert data-testid="logs-unavailable" type="warning" showIcon message={t('runDetail.logs.unavailable', { reason: sectionReasonText(t, meta) })} />}
      {window.dropped && <Alert type="info" showIcon message={t('runDetail.logs.dropped')} />}
      {meta?.available && <LogText ref={pre} text={window.text} filter={filter} empty={t('runDetail.logs.empty')} />}
    </Space>
  );
}
