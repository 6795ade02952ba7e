import type { RunHealth } from '@weir/contract';
import { Alert, Card, Empty, Progress, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { HEALTH_COLORS } from '../runs/health-colors';
import { checkDetailText, reasonText } from '../overview/health-text';
import { formatTime } from './format';
import { checkViews } from './health-view';
import { useRunHealth } from './run-detail.queries';

const STATE_COLORS = { PASS: 'success', FAIL: 'error', SKIPPED: 'default' } as const;

/** The run's health on its Overview tab: score and band, what costs points, and each check with since when. */
export function HealthPanel({ runId, terminal }: { runId: string; terminal: boolean }) {
  const { t } = useTranslation();
  const health = useRunHealth(runId, terminal);
  return (
    <Card size="small" title={t('runDetail.health.title')} data-testid="run-health" extra={health.data && <Extra health={health.data} terminal={terminal} />}>
      {health.isPending ? (
        <Spin />
      ) : health.isError ? (
        <Alert type="error" showIcon message={formatError('load', 'runHealth', health.error)} />
      ) : (
        <HealthBody health={health.data} terminal={terminal} />
      )}
    </Card>
  );
}

function Extra({ health, terminal }: { health: RunHealth; terminal: boolean }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {health.endedStatus && health.endedAt !== null
        ? t('runDetail.health.endedScore', { status: health.endedStatus, time: formatTime(health.endedAt) })
        : health.evaluatedAt
          ? t(terminal ? 'runDetail.health.lastScoredAt' : 'runDetail.health.scoredAt', { time: formatTime(health.evaluatedAt) })
          : null}
    </Typography.Text>
  );
}

function HealthBody({ health, terminal }: { health: RunHealth; terminal: boolean }) {
  const { t, i18n } = useTranslation();
  const checks = checkViews(health.history, health.checks);
  const links = (health.restartedFromRunId || health.restartedAsRunId) && (
    <Space size={16} style={{ marginTop: 8 }}>
      {health.restartedFromRunId && <Link to={`/runs/${health.restartedFromRunId}`}>{t('runDetail.health.restartedFrom')}</Link>}
      {health.restartedAsRunId && <Link to={`/runs/${health.restartedAsRunId}`}>{t('runDetail.health.restartedAs')}</Link>}
    </Space>
  );
  if (health.score === null || health.band === null) {
    return (
      <>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          style={{ margin: '8px 0' }}
          data-testid="run-health-unscored"
          description={t(terminal ? 'runDetail.health.scoringEnd' : 'runDetail.health.notScoredYet')}
        />
        {links}
      </>
    );
  }
  const color = HEALTH_COLORS[health.band];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '132px minmax(0, 1fr) minmax(0, 1fr)', gap: 24, alignItems: 'start' }}>
      <div style={{ textAlign: 'center' }}>
        <Progress
          type="dashboard"
          percent={health.score}
          size={96}
          strokeColor={color}
          format={() => (
            <span data-testid="run-health-score" data-score={health.score} data-band={health.band} style={{ color, fontWeight: 600 }}>
              {health.score}
            </span>
          )}
        />
        <div>
          <Tag color={health.band === 'healthy' ? 'success' : health.band === 'degraded' ? 'warning' : 'error'} style={{ marginInlineEnd: 0 }}>
            {t(`overview.health.band.${health.band}`)}
          </Tag>
        </div>
        {health.endedStatus && health.endedAt !== null ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }} data-testid="run-health-ended" data-ended-status={health.endedStatus}>
            {t('runDetail.health.endedScore', { status: health.endedStatus, time: formatTime(health.endedAt) })}
          </Typography.Text>
        ) : (
          terminal && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
              {t('runDetail.health.frozen')}
            </Typography.Text>
          )
        )}
      </div>
      <div data-testid="run-health-reasons">
        <Typography.Text strong>{t('runDetail.health.reasons')}</Typography.Text>
        {health.reasons.length === 0 ? (
          <div style={{ marginTop: 6 }}>
            <Typography.Text type="secondary">{t('overview.health.allPass')}</Typography.Text>
          </div>
        ) : (
          <ul style={{ margin: '6px 0 0', paddingInlineStart: 18 }}>
            {health.reasons.map((reason) => (
              <li key={reason.check} style={{ marginBottom: 4 }}>
                <Typography.Text strong style={{ color }}>
                  −{reason.penalty}
                </Typography.Text>{' '}
                <Typography.Text strong>{t(`overview.health.check.${reason.check}`)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {reasonText(t, i18n.language, reason)}
                  </Typography.Text>
                </div>
              </li>
            ))}
          </ul>
        )}
        {links}
      </div>
      <div data-testid="run-health-checks">
        <Typography.Text strong>{t('runDetail.health.checks')}</Typography.Text>
        {checks.length === 0 ? (
          <div style={{ marginTop: 6 }}>
            <Typography.Text type="secondary">{t('runDetail.health.noChecks')}</Typography.Text>
          </div>
        ) : (
          <ul style={{ listStyle: 'none', margin: '6px 0 0', padding: 0 }}>
            {checks.map((check) => (
              <li key={check.check} style={{ marginBottom: 6 }} data-check={check.check} data-state={check.state}>
                <Tag color={STATE_COLORS[check.state]} bordered={false}>
                  {t(`runDetail.health.state.${check.state}`)}
                </Tag>
                <Typography.Text>{t(`overview.health.check.${check.check}`)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' · '}
                  {t('runDetail.health.since', { time: formatTime(check.since) })}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: checkDetailText(t, i18n.language, check) }}>
                    {checkDetailText(t, i18n.language, check)}
                  </Typography.Text>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
