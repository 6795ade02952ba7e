import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Result, Space, Spin, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { formatError } from '../../api/format-error';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/auth.queries';
import { OverviewTab } from './overview-tab';
import { operationRules, RunOperations } from './run-operations';
import { RunStatusTag } from '../runs/run-status-tag';
import { useRun, useRunOperation } from './run-detail.queries';
import { RunWarnings } from './run-warnings';
import { SourceBanner } from './source-banner';

// Only the first tab ships with the page. The others load when opened, so the page's first load
// carries none of their libraries (ECharts for metrics, the lineage graph), and the overview tab is
// interactive sooner.
const AlertsTab = lazy(async () => ({ default: (await import('./alerts-tab')).AlertsTab }));
const CheckpointsTab = lazy(async () => ({ default: (await import('./checkpoints-tab')).CheckpointsTab }));
const ClusterTab = lazy(async () => ({ default: (await import('./cluster-tab')).ClusterTab }));
const ConfigurationTab = lazy(async () => ({ default: (await import('./configuration-tab')).ConfigurationTab }));
const ExceptionsTab = lazy(async () => ({ default: (await import('./exceptions-tab')).ExceptionsTab }));
const LineageTab = lazy(async () => ({ default: (await import('./lineage-tab')).LineageTab }));
const LogsTab = lazy(async () => ({ default: (await import('./logs-tab')).LogsTab }));
const MetricsTab = lazy(async () => ({ default: (await import('./metrics-tab')).MetricsTab }));
const SqlTab = lazy(async () => ({ default: (await import('./sql-tab')).SqlTab }));
const VersionsTab = lazy(async () => ({ default: (await import('./versions-tab')).VersionsTab }));

const TABS = ['overview', 'metrics', 'cluster', 'checkpoints', 'exceptions', 'logs', 'configuration', 'sql', 'lineage', 'versions', 'alerts'] as const;
type TabKey = (typeof TABS)[number];

/** One run's detail page at /runs/:runId; the open tab is kept in the URL (?tab=). */
export function RunDetailPage() {
  const { runId = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const run = useRun(runId);
  const restart = useRunOperation(runId);
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'overview';

  if (run.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  // Only a first load that failed replaces the page; a failed refresh keeps it (the overview tab says its age).
  if (run.isLoadingError) {
    if (run.error instanceof ApiError && run.error.code === 'NOT_FOUND') {
      // A link from an old alert or bookmark: say so and offer the way back, not a dead end.
      return (
        <Result
          status="404"
          title={t('runDetail.notFound')}
          subTitle={t('runDetail.notFoundHint')}
          extra={
            <Link to="/" data-testid="run-not-found-back">
              <ArrowLeftOutlined /> {t('runDetail.back')}
            </Link>
          }
        />
      );
    }
    return <Alert type="error" showIcon message={formatError('load', 'run', run.error)} />;
  }
  const detail = run.data;
  const role = session.data?.user.role;
  const canOperate = role === 'operator' || role === 'admin';
  const rules = operationRules(detail, canOperate, t as (key: string) => string);
  const name = detail.task?.name ?? detail.run.jobName;
  const restore = {
    allowed: rules.restartFromChosenSavepoint === null,
    reason: rules.restartFromChosenSavepoint,
    restore: (path: string) =>
      restart.mutate(
        { action: 'restart', from: 'savepoint', savepointPath: path },
        {
          onSuccess: (r) => {
            void message.success(t('runDetail.ops.done', { action: t('runDetail.ops.restart'), message: r.message }));
            if (r.newRunId) navigate(`/runs/${r.newRunId}`);
          },
          onError: (err) => void message.error(formatError('restart', ['runNamed', { name }], err)),
        },
      ),
  };

  const content: Record<TabKey, React.ReactNode> = {
    overview: <OverviewTab detail={detail} />,
    metrics: <MetricsTab detail={detail} canOperate={canOperate} />,
    cluster: <ClusterTab detail={detail} />,
    checkpoints: <CheckpointsTab detail={detail} restore={restore} />,
    exceptions: <ExceptionsTab detail={detail} />,
    logs: <LogsTab detail={detail} canOperate={canOperate} />,
    configuration: <ConfigurationTab detail={detail} />,
    sql: <SqlTab detail={detail} />,
    lineage: <LineageTab detail={detail} />,
    versions: <VersionsTab detail={detail} />,
    alerts: <AlertsTab detail={detail} />,
  };

  return (
    <div data-testid="run-detail" data-run-status={detail.run.status}>
      <Link to="/" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('runDetail.back')}
      </Link>
      <PageHeader
        title={
          <Space>
            {t('runDetail.title', { name })}
            <RunStatusTag status={detail.run.status} lost={detail.run.lost} testId="run-status" />
          </Space>
        }
        subtitle={
          <Typography.Text type="secondary">
            {detail.run.submissionError === null ? `${detail.run.flinkJobId} · ` : ''}
            {detail.cluster?.name ?? `${detail.run.clusterId} (${t('runDetail.fields.clusterRemoved')})`}
          </Typography.Text>
        }
        extra={<RunOperations detail={detail} rules={rules} />}
      />
      {run.isRefetchError && (
        <Alert data-testid="refresh-failed" type="warning" showIcon style={{ marginBottom: 12 }} message={formatError('load', 'run', run.error)} />
      )}
      {detail.run.submissionError !== null ? (
        <Alert
          data-testid="never-reached-flink"
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('runDetail.neverReached.title')}
          description={t('runDetail.neverReached.description', { error: detail.run.submissionError })}
        />
      ) : (
        <SourceBanner section={detail.job} />
      )}
      <RunWarnings warnings={detail.warnings} />
      <Tabs
        activeKey={tab}
        destroyInactiveTabPane
        onChange={(key) =>
          setParams(
            (p) => {
              p.set('tab', key);
              return p;
            },
            { replace: true },
          )
        }
        items={TABS.map((key) => ({ key, label: t(`runDetail.tabs.${key}`), children: <Suspense fallback={<Spin style={{ display: 'block', margin: '40px auto' }} />}>{content[key]}</Suspense> }))}
      />
    </div>
  );
}
