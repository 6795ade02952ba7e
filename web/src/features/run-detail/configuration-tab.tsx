import type { RunDetail } from '@weir/contract';
import { Card, Descriptions, Empty, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { configRows, valueInWords } from './config-rows';
import { formatMs } from './format';
import { useRunConfiguration } from './run-detail.queries';
import { SourceBanner } from './source-banner';

/** Flink's own configuration: its keys as Flink names them (what one searches Flink's docs for), values in words. */
function KeyValues({ values }: { values: Record<string, unknown> }) {
  const { t } = useTranslation();
  const rows = Object.entries(values).map(([key, value]) => ({ key, value: valueInWords(key, value) }));
  if (rows.length === 0) return <Typography.Text type="secondary">{t('runDetail.configuration.none')}</Typography.Text>;
  return (
    <Table size="small" rowKey="key" pagination={false} dataSource={rows}
      columns={[
        { title: t('runDetail.configuration.key'), dataIndex: 'key', width: '40%', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
        { title: t('runDetail.configuration.value'), dataIndex: 'value', render: (v: string | null) => <ConfigValue value={v} /> },
      ]} />
  );
}

function ConfigValue({ value }: { value: string | null }) {
  const { t } = useTranslation();
  // A value is Flink's or the task's own (PIPELINED, a restart strategy's description), shown as it is.
  return value === null ? <Typography.Text type="secondary">{t('runDetail.configuration.notSet')}</Typography.Text> : <span style={{ wordBreak: 'break-word' }} translate="no">{value}</span>;
}

/** Weir's task settings under their names, and the task's extra Flink options as rows of their own. */
function TaskSettings({ values }: { values: Record<string, unknown> }) {
  const { t } = useTranslation();
  const rows = configRows(values);
  const plain = rows.filter((row) => row.group === null);
  const groups = [...new Set(rows.flatMap((row) => (row.group === null ? [] : [row.group])))];
  const fieldName = (key: string, words: string) => t(`runDetail.configuration.fields.${key}`, { defaultValue: words });
  const shownValue = (key: string, value: string | null) => (key === 'savepointStrategy' && value !== null ? t(`runDetail.configuration.savepointStrategies.${value}`, { defaultValue: value }) : value);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" column={1} data-testid="task-settings">
        {plain.map((row) => (
          <Descriptions.Item key={row.key} label={fieldName(row.key, row.label ?? row.key)}>
            <ConfigValue value={shownValue(row.key, row.value)} />
          </Descriptions.Item>
        ))}
      </Descriptions>
      {groups.map((group) => (
        <div key={group}>
          <Typography.Text strong>{fieldName(group, group)}</Typography.Text>
          <KeyValues values={Object.fromEntries(rows.filter((row) => row.group === group).map((row) => [row.key, row.value]))} />
        </div>
      ))}
    </Space>
  );
}

export function ConfigurationTab({ detail }: { detail: RunDetail }) {
  const { t } = useTranslation();
  const q = useRunConfiguration(detail.run.id);
  if (q.isPending) return <Spin />;
  const data = q.data;
  if (!data) return null;
  const cp = data.checkpoint;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <SourceBanner section={data} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: 16 }}>
        <Card size="small" title={t('runDetail.configuration.execution')} data-testid="execution-config">
          <KeyValues values={data.execution} />
        </Card>
        <Card size="small" title={t('runDetail.configuration.checkpoint')}>
          {cp ? (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('runDetail.checkpoints.mode')}>{cp.mode}</Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.interval')}>{formatMs(cp.intervalMs)}</Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.timeout')}>{formatMs(cp.timeoutMs)}</Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.backend')}>{cp.stateBackend ?? '–'}</Descriptions.Item>
              <Descriptions.Item label={t('runDetail.checkpoints.storage')}>{cp.storage ?? '–'}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{t('runDetail.checkpoints.disabled')}</Typography.Text>
          )}
        </Card>
        <Card size="small" title={t('runDetail.configuration.user')}>
          <KeyValues values={data.user} />
        </Card>
        <Card size="small" title={t('runDetail.configuration.task')} extra={data.taskSource === 'draft' ? <Typography.Text type="secondary">{t('runDetail.configuration.taskFromDraft')}</Typography.Text> : null}>
          {data.task ? <TaskSettings values={data.task} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('runDetail.sql.external')} />}
        </Card>
      </div>
    </Space>
  );
}
