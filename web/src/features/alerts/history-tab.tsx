import type { AlertDelivery, AlertDeliveryStatus } from '@weir/contract';
import { Alert, Button, Card, DatePicker, Descriptions, Empty, Flex, Select, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { ChannelTypeTag, DeliveryKindTag, DeliveryStatusTag } from './alert-tags';
import { ruleNameText } from './rule-name';
import { formatTime } from './alert-format';
import { senderText } from './delivery-failure-text';
import { deliveryReasonText } from './delivery-skip-text';
import { useAlertPermissions } from './alert-permissions';
import { useAlertChannels, useAlertHistory, useAlertRules } from './alerts.queries';
import {
  DELIVERY_KINDS,
  DELIVERY_STATUSES,
  HISTORY_PAGE_SIZES,
  hasHistoryFilters,
  historyFiltersToParams,
  parseHistoryFilters,
  toHistoryQuery,
  withHistoryFilter,
  type HistoryFilters,
} from './history-filters';
import { TaskPicker } from './task-picker';
import { DateTime } from '../../components/date-time';

/** The alert history: every delivery attempt, newest first, filtered and paged through the URL. */
export function HistoryTab() {
  const { t, i18n } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseHistoryFilters(searchParams);
  const history = useAlertHistory(toHistoryQuery(filters));
  const { canListChannels } = useAlertPermissions();
  const rules = useAlertRules();
  const channels = useAlertChannels(canListChannels);
  const setFilters = (next: HistoryFilters) => setSearchParams(historyFiltersToParams(next), { replace: true });
  const filter = (change: Parameters<typeof withHistoryFilter>[1]) => setFilters(withHistoryFilter(filters, change));

  const range: [Dayjs | null, Dayjs | null] | null =
    filters.from !== undefined || filters.to !== undefined ? [filters.from !== undefined ? dayjs(filters.from) : null, filters.to !== undefined ? dayjs(filters.to) : null] : null;

  // A channel seen only in a row (viewers cannot list channels) still gets a readable option.
  const channelOptions = new Map((channels.data ?? []).map((c) => [c.id, c.name]));
  for (const d of history.data?.items ?? []) if (!channelOptions.has(d.channelId)) channelOptions.set(d.channelId, d.channelName ?? d.channelId);

  const columns: ColumnsType<AlertDelivery> = [
    {
      title: t('alerts.history.columns.time'),
      dataIndex: 'createdAt',
      width: 170,
      render: (at: number) => <DateTime at={at} />,
    },
    {
      title: t('alerts.history.columns.rule'),
      key: 'rule',
      width: 180,
      ellipsis: true,
      render: (_, d) =>
        d.ruleId ? (
          <Typography.Link onClick={() => filter({ ruleId: d.ruleId ?? undefined })}>{d.ruleName === null ? d.ruleId : ruleNameText(t, d.ruleName)}</Typography.Link>
        ) : (
          <Typography.Text type="secondary">{d.kind === 'TEST' ? t('alerts.history.testMessage') : t('common.notAvailable')}</Typography.Text>
        ),
    },
    {
      title: t('alerts.history.columns.job'),
      key: 'job',
      ellipsis: true,
      render: (_, d) => {
        const name = d.taskName ?? d.taskId;
        if (!name) return <Typography.Text type="secondary">{t('common.notAvailable')}</Typography.Text>;
        return d.runId ? (
          <Link to={`/runs/${d.runId}`} title={t('alerts.history.openRun')}>
            {name}
          </Link>
        ) : (
          name
        );
      },
    },
    {
      title: t('alerts.history.columns.channel'),
      key: 'channel',
      width: 200,
      render: (_, d) => (
        <Flex gap={6} align="center" style={{ minWidth: 0 }}>
          <Typography.Link ellipsis onClick={() => filter({ channelId: d.channelId })}>
            {d.channelName ?? d.channelId}
          </Typography.Link>
          <ChannelTypeTag type={d.channelType} />
        </Flex>
      ),
    },
    { title: t('alerts.history.columns.kind'), dataIndex: 'kind', width: 100, render: (kind: AlertDelivery['kind']) => <DeliveryKindTag kind={kind} /> },
    { title: t('alerts.history.columns.attempt'), dataIndex: 'attempt', width: 80, align: 'right', render: (n: number) => `#${n}` },
    {
      title: t('alerts.history.columns.status'),
      dataIndex: 'status',
      width: 120,
      render: (status: AlertDeliveryStatus) => <DeliveryStatusTag status={status} />,
    },
    {
      title: t('alerts.history.columns.error'),
      key: 'error',
      width: 260,
      ellipsis: { showTitle: false },
      // The reason in the reader's language; hovering shows the sender's own text, which may say more
      // (a canceled or held-back notice has none: its reason is Weir's own, already said).
      render: (_, d) => {
        if (d.error) {
          const reason = deliveryReasonText(t, i18n.language, d);
          return (
            <Tooltip title={senderText(d) ?? reason}>
              <Typography.Text type="danger">{reason}</Typography.Text>
            </Tooltip>
          );
        }
        return d.status === 'PENDING' && d.nextAttemptAt ? (
          <Typography.Text type="secondary">{t('alerts.history.nextAttempt', { at: formatTime(d.nextAttemptAt) })}</Typography.Text>
        ) : null;
      },
    },
  ];

  const expanded = (d: AlertDelivery) => (
    <Descriptions size="small" column={2} bordered styles={{ label: { width: 140 } }}>
      <Descriptions.Item label={t('alerts.history.detail.sentAt')}>{formatTime(d.sentAt) || t('common.notAvailable')}</Descriptions.Item>
      <Descriptions.Item label={t('alerts.history.detail.finishedAt')}>{formatTime(d.finishedAt) || t('common.notAvailable')}</Descriptions.Item>
      <Descriptions.Item label={t('alerts.history.detail.request')} span={2}>
        <Typography.Text code>{d.request ?? t('common.notAvailable')}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('alerts.history.detail.response')} span={2}>
        <Typography.Text code>{d.response ?? t('common.notAvailable')}</Typography.Text>
      </Descriptions.Item>
      {d.error && (
        <Descriptions.Item label={t('alerts.history.detail.error')} span={2}>
          <Typography.Text type="danger" style={{ whiteSpace: 'pre-wrap' }}>
            {deliveryReasonText(t, i18n.language, d)}
          </Typography.Text>
        </Descriptions.Item>
      )}
      {senderText(d) && (
        <Descriptions.Item label={t('alerts.history.detail.senderText')} span={2}>
          <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
            {senderText(d)}
          </Typography.Text>
        </Descriptions.Item>
      )}
      {d.incidentId && (
        <Descriptions.Item label={t('alerts.history.detail.incident')} span={2}>
          <Typography.Link onClick={() => filter({ incidentId: d.incidentId ?? undefined })}>{t('alerts.history.detail.allOfIncident')}</Typography.Link>
        </Descriptions.Item>
      )}
    </Descriptions>
  );

  const filtered = hasHistoryFilters(filters);
  return (
    <>
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 12 } }}>
        <Flex gap={8} wrap="wrap" align="center" role="search">
          <TaskPicker aria-label={t('alerts.history.filters.task')} placeholder={t('alerts.history.filters.task')} value={filters.taskId} onChange={(v) => filter({ taskId: (v as string | undefined) ?? undefined })} style={{ width: 190 }} />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            aria-label={t('alerts.history.filters.rule')}
            placeholder={t('alerts.history.filters.rule')}
            style={{ width: 160 }}
            value={filters.ruleId}
            onChange={(ruleId?: string) => filter({ ruleId })}
            options={(rules.data ?? []).map((r) => ({ value: r.id, label: ruleNameText(t, r.name) }))}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            aria-label={t('alerts.history.filters.channel')}
            placeholder={t('alerts.history.filters.channel')}
            style={{ width: 150 }}
            value={filters.channelId}
            onChange={(channelId?: string) => filter({ channelId })}
            options={[...channelOptions].map(([value, label]) => ({ value, label }))}
          />
          <Select
            allowClear
            aria-label={t('alerts.history.filters.status')}
            placeholder={t('alerts.history.filters.status')}
            style={{ width: 130 }}
            value={filters.status}
            onChange={(status?: AlertDeliveryStatus) => filter({ status })}
            options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`alerts.deliveryStatus.${s}`) }))}
          />
          <Select
            allowClear
            aria-label={t('alerts.history.filters.kind')}
            placeholder={t('alerts.history.filters.kind')}
            style={{ width: 120 }}
            value={filters.kind}
            onChange={(kind?: AlertDelivery['kind']) => filter({ kind })}
            options={DELIVERY_KINDS.map((k) => ({ value: k, label: k }))}
          />
          <DatePicker.RangePicker
            showTime
            allowEmpty={[true, true]}
            aria-label={t('alerts.history.filters.range')}
            style={{ width: 360 }}
            value={range}
            onChange={(value) => filter({ from: value?.[0]?.valueOf(), to: value?.[1]?.valueOf() })}
          />
          {filters.incidentId && (
            <Button onClick={() => filter({ incidentId: undefined })}>{t('alerts.history.filters.oneIncident')} ✕</Button>
          )}
          {filtered && <Button onClick={() => setFilters({ page: 1, pageSize: filters.pageSize })}>{t('alerts.history.filters.clear')}</Button>}
        </Flex>
      </Card>
      {history.isError && (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={formatError('load', 'alertHistory', history.error)}
          action={<Button size="small" onClick={() => void history.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AlertDelivery>
          rowKey="id"
          size="middle"
          data-testid="alert-history"
          columns={columns}
          dataSource={history.data?.items ?? []}
          loading={history.isPending || (history.isFetching && history.isPlaceholderData)}
          expandable={{ expandedRowRender: expanded }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                style={{ padding: '32px 0' }}
                description={filtered ? t('alerts.history.emptyFiltered') : t('alerts.history.empty')}
              />
            ),
          }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: history.data?.total ?? 0,
            pageSizeOptions: HISTORY_PAGE_SIZES.map(String),
            showSizeChanger: true,
            showTotal: (count) => t('alerts.history.total', { count }),
            onChange: (page, pageSize) => setFilters({ ...filters, page: pageSize === filters.pageSize ? page : 1, pageSize }),
            style: { marginInline: 16 },
          }}
        />
      </Card>
    </>
  );
}
