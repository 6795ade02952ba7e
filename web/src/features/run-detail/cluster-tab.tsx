import type { RunDetail, TaskManagerView } from '@weir/contract';
import { Card, Collapse, Descriptions, Space, Spin, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { PathText } from '../../components/path-text';
import { formatBytes } from './job-graph';
import { useRunCluster } from './run-detail.queries';
import { SourceBanner } from './source-banner';
import { DateTime } from '../../components/date-time';

export function ClusterTab({ detail }: { detail: RunDetail }) {
  const { t } = useTranslation();
  const cluster = useRunCluster(detail.run.id, detail.terminal);
  if (cluster.isPending) return <Spin />;
  const data = cluster.data;
  const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <SourceBanner section={data} />
      {data?.jobManager && (
        <Card size="small" title={t('runDetail.cluster.jobManager')}>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
            <Descriptions.Item label={t('runDetail.cluster.restUrl')}><PathText text={data.jobManager.restUrl} maxWidth={280} /></Descriptions.Item>
            <Descriptions.Item label={t('runDetail.cluster.flinkVersion')}>{data.jobManager.flinkVersion ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('runDetail.cluster.heap')}>{`${formatBytes(data.jobManager.heapUsed)} / ${formatBytes(data.jobManager.heapMax)}`}</Descriptions.Item>
            <Descriptions.Item label={t('runDetail.cluster.cpuLoad')}>{pct(data.jobManager.cpuLoad)}</Descriptions.Item>
          </Descriptions>
          <Collapse
            size="small"
            style={{ marginTop: 8 }}
            items={[{
              key: 'config',
              label: t('runDetail.cluster.configuration'),
              children: <Table size="small" rowKey="key" pagination={false} scroll={{ y: 360 }} dataSource={data.jobManager.config}
                columns={[{ title: t('runDetail.configuration.key'), dataIndex: 'key', width: '45%' }, { title: t('runDetail.configuration.value'), dataIndex: 'value', render: (v: string) => <PathText text={v} maxWidth={480} /> }]} />,
            }]}
          />
        </Card>
      )}
      <Card size="small" title={t('runDetail.cluster.taskManagers')}>
        <Table<TaskManagerView>
          data-testid="taskmanagers-table"
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data?.taskManagers ?? []}
          locale={{ emptyText: <EmptyState title={t('runDetail.cluster.noTaskManagers')} hint={t(detail.terminal ? 'runDetail.cluster.noTaskManagersEnded' : 'runDetail.cluster.noTaskManagersHint')} /> }}
          expandable={{
            expandedRowRender: (tm) => (
              <Descriptions size="small" column={{ xs: 1, md: 3 }} title={t('runDetail.cluster.memory')}>
                {Object.entries(tm.memory).map(([k, v]) => <Descriptions.Item key={k} label={k}>{formatBytes(v)}</Descriptions.Item>)}
              </Descriptions>
            ),
          }}
          columns={[
            { title: t('runDetail.cluster.id'), dataIndex: 'id' },
            { title: t('runDetail.cluster.slots'), render: (_, tm) => `${tm.slotsFree} / ${tm.slotsTotal}` },
            { title: t('runDetail.cluster.slotsOfRun'), render: (_, tm) => tm.slotsOfRun ?? '–' },
            { title: t('runDetail.cluster.cpu'), render: (_, tm) => tm.cpuCores ?? '–' },
            { title: t('runDetail.cluster.cpuLoad'), render: (_, tm) => pct(tm.cpuLoad) },
            { title: t('runDetail.cluster.heap'), render: (_, tm) => `${formatBytes(tm.heapUsed)} / ${formatBytes(tm.heapMax)}` },
            { title: t('runDetail.cluster.managedMemory'), render: (_, tm) => formatBytes(tm.managedMemory) },
            { title: t('runDetail.cluster.processMemory'), render: (_, tm) => formatBytes(tm.totalProcessMemory) },
            { title: t('runDetail.cluster.heartbeat'), render: (_, tm) => <DateTime at={tm.lastHeartbeatAt} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
