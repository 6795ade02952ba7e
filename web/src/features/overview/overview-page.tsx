import type { OverviewRunStatus } from '@weir/contract';
import { Alert, Badge, Button, Card, Empty, Tooltip } from 'antd';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { PageHeader } from '../../components/page-header';
import { useLiveRunEvents, type LiveState } from './live-run-events';
import { useOverviewCounts, useOverviewTasks } from './overview.queries';
import { useClusters } from '../clusters/clusters.queries';
import { useSeesSeveralTeams } from '../teams/teams.queries';
import { emptyOverviewKind, parseOverviewView, writeOverviewView, type OverviewView } from './overview-url';
import { OverviewTable } from './overview-table';
import { OverviewToolbar } from './overview-toolbar';
import { StatusCards } from './status-cards';

const LIVE_BADGE: Record<LiveState, 'success' | 'processing' | 'warning'> = { live: 'success', connecting: 'processing', reconnecting: 'warning' };

function LiveIndicator({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={state === 'reconnecting' ? t('overview.live.reconnectingHint') : t('overview.live.liveHint')}>
      <span data-testid="live-state" data-state={state}>
        <Badge status={LIVE_BADGE[state]} text={t(`overview.live.${state}`)} />
      </span>
    </Tooltip>
  );
}

function EmptyState({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Empty
      style={{ padding: '40px 0' }}
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <span style={{ maxWidth: 520, display: 'inline-block' }}>
          <strong>{title}</strong>
          <br />
          {hint}
        </span>
      }
    >
      {children}
    </Empty>
  );
}

/** The job overview at `/`: status cards, filters and the task list; all choices live in the URL. */
export function OverviewPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => parseOverviewView(searchParams), [searchParams]);
  const liveState = useLiveRunEvents();
  const live = liveState === 'live';
  const counts = useOverviewCounts(view, live);
  const tasks = useOverviewTasks(view, live);
  const showTeam = useSeesSeveralTeams();

  const change = useCallback(
    (next: Partial<OverviewView>) => setSearchParams((params) => writeOverviewView(params, parseOverviewView(params), next), { replace: false }),
    [setSearchParams],
  );
  const clear = () => change({ statuses: [], lifecycles: [], clusterIds: [], teamIds: [], mode: null, health: [], q: '' });
  const selectStatus = (status: OverviewRunStatus | null) => change({ statuses: status ? [status] : [] });

  // An empty list says why, and what to do next.
  const emptyKind = emptyOverviewKind(view, counts.data?.total, undefined);
  const clusters = useClusters({ enabled: emptyKind !== 'no-match' });
  const why = emptyOverviewKind(view, counts.data?.total, clusters.data?.length);
  const empty =
    why === 'no-match' ? (
      <EmptyState title={t('overview.empty.noMatch')} hint={t('overview.empty.noMatchHint')}>
        <Button onClick={clear}>{t('overview.filters.clear')}</Button>
      </EmptyState>
    ) : why === 'no-cluster' ? (
      <EmptyState title={t('overview.empty.nothingRan')} hint={t('overview.empty.nothingRanHint')}>
        <Link to="/clusters">
          <Button type="primary">{t('overview.empty.registerCluster')}</Button>
        </Link>
      </EmptyState>
    ) : (
      <EmptyState title={t('overview.empty.nothingRan')} hint={t('overview.empty.noJobsHint', { count: clusters.data?.length ?? 0 })}>
        <Link to="/tasks/new">
          <Button type="primary">{t('overview.empty.createTask')}</Button>
        </Link>
      </EmptyState>
    );

  const loadError = (tasks.isError && !tasks.data ? tasks.error : undefined) ?? (counts.isError && !counts.data ? counts.error : undefined);
  const staleError = !loadError && (tasks.isError || counts.isError) ? (tasks.error ?? counts.error) : undefined;

  return (
    <>
      <PageHeader title={t('overview.title')} subtitle={t('overview.subtitle')} extra={<LiveIndicator state={liveState} />} />
      {loadError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={formatError('load', 'jobOverview', loadError)}
          action={
            <Button
              size="small"
              onClick={() => {
                void counts.refetch();
                void tasks.refetch();
              }}
            >
              {t('common.retry')}
            </Button>
          }
        />
      ) : (
        staleError && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={formatError('load', 'jobOverview', staleError)} />
      )}
      <StatusCards counts={counts.data} selected={view.statuses} onSelect={selectStatus} />
      <Card styles={{ body: { padding: 0 } }}>
        <OverviewToolbar view={view} onViewChange={change} onClear={clear} />
        <OverviewTable
          data={tasks.data}
          loading={tasks.isPending || (tasks.isFetching && tasks.isPlaceholderData)}
          view={view}
          onViewChange={change}
          empty={tasks.isError ? null : empty}
          showTeam={showTeam}
        />
      </Card>
    </>
  );
}


