import type { SavepointCatalogEntry, SavepointRetentionPlan, SavepointRetentionPolicy, Task } from '@weir/contract';
import { Alert, App, Button, Card, Checkbox, Empty, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { policyOf, retentionOf, toFormValues, type PolicyFormValues } from './policy-form';
import { formatBytes } from '../run-detail/job-graph';
import { useApplyRetention, usePreviewRetention, useRestoreFromSavepoint, useSavepointPolicy, useSaveSavepointPolicy, useTaskSavepoints } from './savepoints.queries';

const STATUS_COLOR: Record<SavepointCatalogEntry['status'], string> = { PENDING: 'processing', COMPLETED: 'success', FAILED: 'error', DISPOSED: 'default', MISSING: 'warning' };
const time = (at: number | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm:ss') : '–');

/** A task's savepoints across its runs, its savepoint schedule and retention, and a preview of what retention removes. */
export function SavepointsPanel({ task, canOperate }: { task: Task; canOperate: boolean }) {
  const { t } = useTranslation();
  const catalog = useTaskSavepoints(task.id);
  const restore = useRestoreFromSavepoint(task);
  // A restore starts the task's version again from the chosen state, as a new run of its latest run.
  const restoreBlocked = !canOperate ? t('savepoints.catalog.restoreNeedsOperator') : task.kind === 'EXTERNAL' || !task.latestRunId ? t('savepoints.catalog.restoreNeedsRun') : null;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="savepoints-panel">
      <PolicyCard task={task} canOperate={canOperate} />
      <Card size="small" title={t('savepoints.catalog.title')}>
        {catalog.isError ? (
          <Alert type="error" showIcon message={formatError('load', 'savepoints', catalog.error)} />
        ) : (
          <Table<SavepointCatalogEntry>
            size="small"
            rowKey="id"
            loading={catalog.isPending}
            dataSource={catalog.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('savepoints.catalog.empty')} /> }}
            onRow={(s) => ({ 'data-status': s.status, 'data-taken-by': s.takenBy ?? '', 'data-source': s.source, 'data-path': s.path ?? '' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('savepoints.catalog.created'), render: (_, s) => time(s.completedAt ?? s.createdAt) },
              { title: t('savepoints.catalog.status'), render: (_, s) => <Tag color={STATUS_COLOR[s.status]}>{s.status}</Tag> },
              { title: t('savepoints.catalog.kind'), dataIndex: 'kind' },
              { title: t('savepoints.catalog.takenBy'), render: (_, s) => s.takenBy ?? <Typography.Text type="secondary">{t(s.source === 'flink' ? 'savepoints.catalog.foundInFlink' : 'savepoints.catalog.found')}</Typography.Text> },
              { title: t('savepoints.catalog.run'), render: (_, s) => <Link to={`/runs/${s.runId}`}>{s.flinkJobId ? s.flinkJobId.slice(0, 8) : s.runId.slice(-8)}</Link> },
              { title: t('savepoints.catalog.version'), render: (_, s) => (s.taskVersion === null ? '–' : `v${s.taskVersion}`) },
              { title: t('savepoints.catalog.format'), render: (_, s) => s.format ?? '–' },
              { title: t('savepoints.catalog.size'), render: (_, s) => (s.sizeBytes === null ? '–' : formatBytes(s.sizeBytes)) },
              {
                title: t('savepoints.catalog.path'),
                render: (_, s) => (
                  <Space direction="vertical" size={0}>
                    {s.path ? <Typography.Text copyable={{ text: s.path }} delete={s.status === 'DISPOSED'} style={{ fontSize: 12 }}>{s.path}</Typography.Text> : <Typography.Text type="danger">{s.failure ?? '–'}</Typography.Text>}
                    {s.status === 'DISPOSED' && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('savepoints.catalog.disposed', { at: time(s.disposedAt), by: s.disposedBy ?? '–' })}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: '',
                render: (_, s) =>
                  s.status === 'COMPLETED' && s.path ? (
                    <Popconfirm
                      title={t('savepoints.catalog.restore')}
                      description={t('savepoints.catalog.restoreConfirm', { name: task.name })}
                      onConfirm={() => restore.mutate(s.path!)}
                      okText={t('savepoints.catalog.restore')}
                      cancelText={t('common.cancel')}
                      disabled={restoreBlocked !== null}
                    >
                      <Button size="small" disabled={restoreBlocked !== null || restore.isPending} title={restoreBlocked ?? undefined}>
                        {t('savepoints.catalog.restore')}
                      </Button>
                    </Popconfirm>
                  ) : s.status === 'MISSING' ? (
                    <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('savepoints.catalog.missing')}</Typography.Text>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

function PolicyCard({ task, canOperate }: { task: Task; canOperate: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const policy = useSavepointPolicy(task.id);
  const save = useSaveSavepointPolicy(task.id);
  const previewRetention = usePreviewRetention(task.id);
  const [values, setValues] = useState<PolicyFormValues>(toFormValues(undefined));
  // The plan shown, with the retention it was made for (the form may change while it is open).
  const [preview, setPreview] = useState<{ plan: SavepointRetentionPlan; retention: SavepointRetentionPolicy } | null>(null);
  // The form follows the stored policy when it changes (loaded, saved), not on every refetch: edits in progress stay.
  useEffect(() => {
    if (policy.data) setValues(toFormValues(policy.data));
  }, [policy.data?.updatedAt]);
  const set = (patch: Partial<PolicyFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const retention = retentionOf(values);
  const disabled = !canOperate || save.isPending;

  if (policy.isLoadingError) return <Alert type="error" showIcon message={formatError('load', 'savepointPolicy', policy.error)} />;
  return (
    <Card size="small" title={t('savepoints.policy.title')} loading={policy.isPending} data-testid="savepoint-policy">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{t('savepoints.policy.schedule')}</Typography.Text>
          <Radio.Group
            disabled={disabled}
            value={values.scheduleKind}
            onChange={(e) => set({ scheduleKind: e.target.value })}
            options={[
              { value: 'off', label: t('savepoints.policy.off') },
              { value: 'interval', label: t('savepoints.policy.interval') },
              { value: 'cron', label: t('savepoints.policy.cron') },
            ]}
          />
          {values.scheduleKind === 'interval' && (
            <Space.Compact>
              <InputNumber aria-label={t('savepoints.policy.interval')} disabled={disabled} min={1} value={values.every} onChange={(every) => set({ every })} />
              <Select
                disabled={disabled}
                value={values.everyUnit}
                onChange={(everyUnit) => set({ everyUnit })}
                options={(['seconds', 'minutes', 'hours'] as const).map((unit) => ({ value: unit, label: t(`savepoints.policy.units.${unit}`) }))}
              />
            </Space.Compact>
          )}
          {values.scheduleKind === 'cron' && <Input aria-label={t('savepoints.policy.cron')} disabled={disabled} style={{ width: 200 }} value={values.cron} onChange={(e) => set({ cron: e.target.value })} />}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {values.scheduleKind === 'cron' ? t('savepoints.policy.cronHelp') : t('savepoints.policy.whileRunning')}
        </Typography.Text>
        <Space wrap>
          <Typography.Text strong>{t('savepoints.policy.retention')}</Typography.Text>
          <Checkbox disabled={disabled} checked={values.keepLastOn} onChange={(e) => set({ keepLastOn: e.target.checked })}>
            {t('savepoints.policy.keepLast')}
          </Checkbox>
          <InputNumber aria-label={t('savepoints.policy.keepLast')} disabled={disabled || !values.keepLastOn} min={1} max={1000} value={values.keepLast} onChange={(keepLast) => set({ keepLast })} />
          <span>{t('savepoints.policy.keepLastUnit')}</span>
          <Checkbox disabled={disabled} checked={values.keepForOn} onChange={(e) => set({ keepForOn: e.target.checked })}>
            {t('savepoints.policy.keepFor')}
          </Checkbox>
          <InputNumber aria-label={t('savepoints.policy.keepFor')} disabled={disabled || !values.keepForOn} min={0.05} step={1} value={values.keepForDays} onChange={(keepForDays) => set({ keepForDays })} />
          <span>{t('savepoints.policy.keepForUnit')}</span>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('savepoints.policy.retentionHelp')}
        </Typography.Text>
        <Space wrap>
          {canOperate && (
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() =>
                save.mutate(policyOf(values), {
                  onSuccess: () => void message.success(t('savepoints.policy.saved')),
                  onError: (err) => void message.error(formatError('save', 'savepointPolicy', err)),
                })
              }
            >
              {t('savepoints.policy.save')}
            </Button>
          )}
          <Button
            disabled={!retention}
            title={retention ? undefined : t('savepoints.policy.previewNeedsRule')}
            loading={previewRetention.isPending}
            onClick={() =>
              retention &&
              previewRetention.mutate(retention, {
                onSuccess: (plan) => setPreview({ plan, retention }),
                onError: (err) => void message.error(formatError('preview', 'savepoints', err)),
              })
            }
          >
            {t('savepoints.policy.preview')}
          </Button>
          {policy.data?.nextDueAt && <Typography.Text type="secondary" data-testid="next-savepoint">{t('savepoints.policy.nextDue', { at: time(policy.data.nextDueAt) })}</Typography.Text>}
          {policy.data?.updatedBy && policy.data.updatedAt && (
            <Typography.Text type="secondary">{t('savepoints.policy.updated', { by: policy.data.updatedBy, at: time(policy.data.updatedAt) })}</Typography.Text>
          )}
        </Space>
      </Space>
      {preview && <PreviewModal task={task} plan={preview.plan} retention={preview.retention} canOperate={canOperate} onClose={() => setPreview(null)} />}
    </Card>
  );
}

function PreviewModal(props: { task: Task; plan: SavepointRetentionPlan; retention: SavepointRetentionPolicy; canOperate: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const apply = useApplyRetention(props.task.id);
  const { plan } = props;
  const rows = (entries: SavepointRetentionPlan['keep']) => (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={entries}
      columns={[
        { title: t('savepoints.catalog.created'), render: (_, e) => time(e.completedAt), width: 170 },
        { title: t('savepoints.catalog.path'), dataIndex: 'path', render: (path: string) => <Typography.Text style={{ fontSize: 12 }}>{path}</Typography.Text> },
        { title: t('savepoints.preview.reason'), dataIndex: 'reason' },
      ]}
    />
  );
  return (
    <Modal
      open
      width={900}
      title={t('savepoints.preview.title')}
      onCancel={props.onClose}
      footer={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          {props.canOperate && plan.dispose.length > 0 && (
            <Popconfirm
              title={t('savepoints.preview.applyConfirm')}
              onConfirm={() => apply.mutate(props.retention, { onSuccess: props.onClose })}
            >
              <Button danger loading={apply.isPending}>
                {t('savepoints.preview.apply', { count: plan.dispose.length })}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="retention-preview">
        <Typography.Title level={5}>{t('savepoints.preview.dispose', { count: plan.dispose.length })}</Typography.Title>
        {plan.dispose.length === 0 ? <Typography.Text type="secondary">{t('savepoints.preview.nothing')}</Typography.Text> : rows(plan.dispose)}
        <Typography.Title level={5}>{t('savepoints.preview.keep', { count: plan.keep.length })}</Typography.Title>
        {rows(plan.keep)}
      </Space>
    </Modal>
  );
}
