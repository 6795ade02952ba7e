import { PlusOutlined } from '@ant-design/icons';
import type { BulkOperationResult, TaskLifecycle, TaskListItem } from '@weir/contract';
import { Alert, App, Button, Card, Empty, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/auth.queries';
import { useClusters } from '../clusters/clusters.queries';
import { BulkResultModal } from './bulk-result-modal';
import { RunStatusTag } from '../runs/run-status-tag';
import { KindTag, LifecycleTag } from './task-tags';
import { useBulkOperation, useTasks } from './tasks.queries';

const LIFECYCLES: TaskLifecycle[] = ['DEVELOP', 'PUBLISHED', 'ONLINE', 'OFFLINE'];
const PAGE_SIZE = 50;

/** The task list: search and lifecycle filter in the URL, bulk online/offline for the selected rows. */
export function TasksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const canOperate = session.data?.user.role !== 'viewer';
  const q = params.get('q') ?? '';
  const lifecycle = (params.get('lifecycle')?.split(',').filter((l): l is TaskLifecycle => LIFECYCLES.includes(l as TaskLifecycle)) ?? []);
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const tasks = useTasks({ q: q || undefined, lifecycle, page, pageSize: PAGE_SIZE });
  const clusters = useClusters();
  const clusterNames = useMemo(() => new Map((clusters.data ?? []).map((c) => [c.id, c.name])), [clusters.data]);
  const [selected, setSelected] = useState<string[]>([]);
  const [from, setFrom] = useState<'default' | 'latest-savepoint'>('default');
  const [bulkResult, setBulkResult] = useState<{ action: 'online' | 'offline'; result: BulkOperationResult } | null>(null);
  const bulk = useBulkOperation();

  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        if (key !== 'page') p.delete('page');
        return p;
      },
      { replace: true },
    );

  const runBulk = (action: 'online' | 'offline') =>
    bulk.mutate(
      { action, taskIds: selected, from },
      {
        onSuccess: (result) => {
          setBulkResult({ action, result: result as BulkOperationResult });
          setSelected([]);
        },
        onError: (err) => void message.error(formatError(action === 'online' ? 'taskOnline' : 'taskOffline', 'selectedTasks', err)),
      },
    );

  const newButton = canOperate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tasks/new')}>
      {t('tasks.new')}
    </Button>
  );

  const columns = [
    {
      title: t('tasks.columns.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, task: TaskListItem) => <Link to={`/tasks/${task.id}`}>{name}</Link>,
    },
    { title: t('tasks.columns.kind'), dataIndex: 'kind', key: 'kind', width: 100, render: (kind: TaskListItem['kind']) => <KindTag kind={kind} /> },
    { title: t('tasks.columns.lifecycle'), dataIndex: 'lifecycle', key: 'lifecycle', width: 120, render: (l: TaskLifecycle) => <LifecycleTag lifecycle={l} /> },
    { title: t('tasks.columns.mode'), dataIndex: 'executionMode', key: 'mode', width: 110, render: (m: TaskListItem['executionMode']) => t(`tasks.mode.${m}`) },
    { title: t('tasks.columns.cluster'), dataIndex: 'clusterId', key: 'cluster', width: 150, render: (id: string) => clusterNames.get(id) ?? id },
    { title: t('tasks.columns.status'), dataIndex: 'latestStatus', key: 'status', width: 130, render: (s: string | null) => <RunStatusTag status={s} /> },
    { title: t('tasks.columns.owner'), dataIndex: 'owner', key: 'owner', width: 130, render: (o: string | null) => o ?? t('common.notAvailable') },
    {
      title: t('tasks.columns.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 180,
      render: (at: number) => <DateTime at={at} />,
    },
  ];

  const body = () => {
    if (tasks.isError && !tasks.data) return <Alert type="error" showIcon role="alert" message={formatError('load', 'tasks', tasks.error)} />;
    if (tasks.isSuccess && tasks.data.total === 0 && !q && lifecycle.length === 0) {
      return (
        <Empty style={{ padding: '48px 0' }} description={t('tasks.empty')}>
          {newButton}
        </Empty>
      );
    }
    return (
      <>
        <Flex gap={12} wrap style={{ padding: 16 }} align="center">
          <Input.Search allowClear placeholder={t('tasks.search')} defaultValue={q} style={{ width: 260 }} onSearch={(v) => setParam('q', v.trim() || null)} />
          <Select
            mode="multiple"
            allowClear
            placeholder={t('tasks.lifecycleFilter')}
            style={{ minWidth: 220 }}
            value={lifecycle}
            options={LIFECYCLES.map((l) => ({ value: l, label: t(`tasks.lifecycle.${l}`) }))}
            onChange={(v: TaskLifecycle[]) => setParam('lifecycle', v.join(',') || null)}
          />
          {canOperate && selected.length > 0 && (
            <Space style={{ marginLeft: 'auto' }} wrap>
              <Typography.Text type="secondary">{t('tasks.selected', { count: selected.length })}</Typography.Text>
              <Select
                aria-label={t('tasks.bulk.from')}
                value={from}
                style={{ width: 190 }}
                onChange={setFrom}
                options={[
                  { value: 'default', label: t('tasks.bulk.fromDefault') },
                  { value: 'latest-savepoint', label: t('tasks.bulk.fromLatest') },
                ]}
              />
              <Button loading={bulk.isPending && bulk.variables?.action === 'online'} onClick={() => runBulk('online')}>
                {t('tasks.bulk.online')}
              </Button>
              <Button danger loading={bulk.isPending && bulk.variables?.action === 'offline'} onClick={() => runBulk('offline')}>
                {t('tasks.bulk.offline')}
              </Button>
            </Space>
          )}
        </Flex>
        <Table<TaskListItem>
          rowKey="id"
          size="middle"
          loading={tasks.isPending}
          dataSource={tasks.data?.items ?? []}
          columns={columns}
          rowSelection={canOperate ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: tasks.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => setParam('page', p > 1 ? String(p) : null),
          }}
        />
      </>
    );
  };

  return (
    <>
      <PageHeader title={t('tasks.title')} subtitle={t('tasks.subtitle')} extra={newButton} />
      <Card styles={{ body: { padding: tasks.isSuccess && (tasks.data.total > 0 || q || lifecycle.length) ? 0 : undefined } }}>{body()}</Card>
      <BulkResultModal action={bulkResult?.action ?? 'online'} result={bulkResult?.result ?? null} onClose={() => setBulkResult(null)} />
    </>
  );
}
