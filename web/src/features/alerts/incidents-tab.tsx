import type { AlertIncident } from '@weir/contract';
import { Alert, Button, Card, Empty, Flex, Segmented, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { IncidentStateTag } from './alert-tags';
import { ruleNameText } from './rule-name';
import { formatDuration } from './alert-format';
import { GuardedButton, useAlertPermissions } from './alert-permissions';
import { useAlertIncidents } from './alerts.queries';
import { incidentSummaryText } from './incident-summary-text';
import { historyFiltersToParams, incidentFiltersToParams, parseIncidentFilters, toIncidentQuery } from './history-filters';
import { SilenceModal, type SilencePreset } from './silence-modal';
import { DateTime } from '../../components/date-time';

/** Incidents: one per rule and job (or cluster) while its condition holds; open first by default. */
export function IncidentsTab() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseIncidentFilters(searchParams);
  const incidents = useAlertIncidents(toIncidentQuery(filters));
  const { canOperate } = useAlertPermissions();
  const [silencing, setSilencing] = useState<SilencePreset | undefined>();

  const columns: ColumnsType<AlertIncident> = [
    { title: t('alerts.incidents.columns.state'), dataIndex: 'state', width: 100, render: (s: AlertIncident['state']) => <IncidentStateTag state={s} /> },
    { title: t('alerts.incidents.columns.rule'), dataIndex: 'ruleName', width: 170, ellipsis: true, render: (name: string) => ruleNameText(t, name) },
    {
      title: t('alerts.incidents.columns.subject'),
      key: 'subject',
      width: 200,
      ellipsis: true,
      render: (_, i) => {
        if (i.taskName || i.taskId) return i.runId ? <Link to={`/runs/${i.runId}`}>{i.taskName ?? i.taskId}</Link> : (i.taskName ?? i.taskId);
        if (i.clusterName || i.clusterId) return t('alerts.incidents.cluster', { name: i.clusterName ?? i.clusterId });
        return t('common.notAvailable');
      },
    },
    {
      title: t('alerts.incidents.columns.summary'),
      key: 'summary',
      ellipsis: { showTitle: false },
      render: (_, i) => {
        const summary = incidentSummaryText(t, i18n.language, i);
        return (
          <Tooltip title={summary}>
            <span>{summary}</span>
          </Tooltip>
        );
      },
    },
    { title: t('alerts.incidents.columns.openedAt'), dataIndex: 'openedAt', width: 170, render: (at: number) => <DateTime at={at} /> },
    {
      title: t('alerts.incidents.columns.resolved'),
      key: 'resolved',
      width: 200,
      render: (_, i) =>
        i.resolvedAt ? (
          <Flex vertical>
            <DateTime at={i.resolvedAt} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('alerts.incidents.after', { duration: formatDuration(t, Math.max(1000, Math.round((i.resolvedAt - i.openedAt) / 1000) * 1000)) })}
              {i.resolveReason ? ` · ${t(`alerts.resolveReason.${i.resolveReason}`, { defaultValue: i.resolveReason })}` : ''}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="danger">{t('alerts.incidents.openFor', { since: dayjs(i.openedAt).fromNow(true) })}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, i) => (
        <Flex gap={4}>
          <Button size="small" type="link" onClick={() => navigate(`/alerts?${historyFiltersToParams({ incidentId: i.id, page: 1, pageSize: 50 }).toString()}`)}>
            {t('alerts.incidents.deliveries')}
          </Button>
          {i.state === 'FIRING' && (
            <GuardedButton size="small" type="link" allowed={canOperate} need="operator" onClick={() => setSilencing({ ruleId: i.ruleId, taskId: i.taskId })}>
              {t('alerts.incidents.silence')}
            </GuardedButton>
          )}
        </Flex>
      ),
    },
  ];

  const setState = (state: string) =>
    setSearchParams(incidentFiltersToParams({ ...filters, state: state === 'all' ? undefined : (state as 'FIRING' | 'RESOLVED'), page: 1 }), { replace: true });

  return (
    <>
      <Flex style={{ marginBottom: 16 }} align="center" gap={12}>
        <Segmented
          aria-label={t('alerts.incidents.filter')}
          value={filters.state ?? 'all'}
          onChange={(v) => setState(String(v))}
          options={[
            { value: 'FIRING', label: t('alerts.incidents.open') },
            { value: 'RESOLVED', label: t('alerts.incidents.resolvedFilter') },
            { value: 'all', label: t('alerts.incidents.all') },
          ]}
        />
      </Flex>
      {incidents.isError && (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={formatError('load', 'alertIncidents', incidents.error)}
          action={<Button size="small" onClick={() => void incidents.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AlertIncident>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={incidents.data?.items ?? []}
          loading={incidents.isPending || (incidents.isFetching && incidents.isPlaceholderData)}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                style={{ padding: '32px 0' }}
                description={filters.state === 'FIRING' ? t('alerts.incidents.emptyOpen') : t('alerts.incidents.empty')}
              />
            ),
          }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: incidents.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            style: { marginInline: 16 },
            onChange: (page) => setSearchParams(incidentFiltersToParams({ ...filters, page }), { replace: true }),
          }}
        />
      </Card>
      <SilenceModal open={silencing !== undefined} preset={silencing} onClose={() => setSilencing(undefined)} />
    </>
  );
}
