import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Result, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { formatError } from '../../api/format-error';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/auth.queries';
import { AlertsTab } from './alerts-tab';
import { CheckpointsTab } from './checkpoints-tab';
import { ClusterTab } from './cluster-tab';
import { ConfigurationTab } from './configuration-tab';
import { ExceptionsTab } from './exceptions-tab';
import { LineageTab } from './lineage-tab';
import { LogsTab } from './logs-tab';
import { MetricsTab } from './metrics-tab';
import { OverviewTab } from './overview-tab';
import { operationRules, RunOperations } from './run-operations';
import { RunStatus } from './run-status';
import { useRun, useRunOperation } from './run-detail.queries';
import { RunWarnings } from './run-warnings';
import { SourceBanner } from './source-banner';
import { SqlTab } from './sql-tab';
import { VersionsTab } from './versions-tab';

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
    overview: <OverviewTab detail={detail} fetchedAt={run.dataUpdatedAt} />,
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
            <RunStatus status={detail.run.status} lost={detail.run.lost} />
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
        items={TABS.map((key) => ({ key, label: t(`runDetail.tabs.${key}`), children: content[key] }))}
      />
    </div>
  );
}
