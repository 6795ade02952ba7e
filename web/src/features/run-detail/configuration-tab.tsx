import type { RunDetail } from '@weir/contract';
import { Card, Descriptions, Empty, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMs } from './format';
import { useRunConfiguration } from './run-detail.queries';
import { SourceBanner } from './source-banner';

function KeyValues({ values }: { values: Record<string, unknown> }) {
  const { t } = useTranslation();
  const rows = Object.entries(values).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
  if (rows.length === 0) return <Typography.Text type="secondary">{t('runDetail.configuration.none')}</Typography.Text>;
  return (
    <Table size="small" rowKey="key" pagination={false} dataSource={rows}
      columns={[{ title: t('runDetail.configuration.key'), dataIndex: 'key', width: '40%' }, { title: t('runDetail.configuration.value'), dataIndex: 'value', render: (v: string) => <Typography.Text code>{v}</Typography.Text> }]} />
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
          {data.task ? <KeyValues values={data.task} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('runDetail.sql.external')} />}
        </Card>
      </div>
    </Space>
  );
}
