import { DownOutlined, ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import type { RunDetail } from '@weir/contract';
import { App, Button, Dropdown, Form, Input, Modal, Popconfirm, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useRunOperation, type RunOperation } from './run-detail.queries';

const CANCELLABLE = new Set(['RUNNING', 'RESTARTING', 'CREATED', 'INITIALIZING', 'FAILING', 'RECONCILING']);

export interface OperationRules {
  stop: string | null;
  cancel: string | null;
  savepoint: string | null;
  restart: string | null;
  refresh: string | null;
}

/** Why each operation is not allowed now (null: allowed). The server checks again; this only explains. */
export function operationRules(detail: RunDetail, canOperate: boolean, t: (key: string) => string): OperationRules {
  const r = (key: string) => t(`runDetail.ops.reasons.${key}`);
  if (!canOperate) return { stop: r('viewer'), cancel: r('viewer'), savepoint: r('viewer'), restart: r('viewer'), refresh: r('viewer') };
  if (!detail.cluster) return { stop: r('noCluster'), cancel: r('noCluster'), savepoint: r('noCluster'), restart: r('noCluster'), refresh: r('noCluster') };
  const status = detail.run.status;
  const running = status === 'RUNNING';
  return {
    stop: running ? null : detail.terminal ? r('terminal') : r('notRunning'),
    cancel: CANCELLABLE.has(status) ? null : detail.terminal ? r('terminal') : r('notRunning'),
    savepoint: running ? null : detail.terminal ? r('terminal') : r('notRunning'),
    restart: detail.task?.kind === 'EXTERNAL' ? r('external') : null,
    refresh: null,
  };
}

export function RunOperations({ detail, rules }: { detail: RunDetail; rules: OperationRules }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const op = useRunOperation(detail.run.id);
  const [choosing, setChoosing] = useState(false);
  const [path, setPath] = useState('');
  const name = detail.task?.name ?? detail.run.jobName;

  const run = (operation: RunOperation, label: string) =>
    op.mutate(operation, {
      onSuccess: (result) => void message.success(t('runDetail.ops.done', { action: label, message: result.message })),
      onError: (err) => void message.error(formatError(operation.action === 'savepoint' ? 'trigger' : operation.action, ['runNamed', { name }], err)),
    });

  const withReason = (reason: string | null, node: React.ReactNode) => (reason ? <Tooltip title={reason}>{node}</Tooltip> : node);

  return (
    <Space wrap>
      {withReason(
        rules.stop,
        <Dropdown
          disabled={Boolean(rules.stop)}
          menu={{
            items: [
              { key: 'sp', label: t('runDetail.ops.stopWithSavepoint') },
              { key: 'nosp', label: t('runDetail.ops.stopWithoutSavepoint') },
            ],
            onClick: ({ key }) => run({ action: 'stop', withSavepoint: key === 'sp' }, t('runDetail.ops.stop')),
          }}
        >
          <Button disabled={Boolean(rules.stop)} loading={op.isPending && op.variables?.action === 'stop'}>
            {t('runDetail.ops.stop')} <DownOutlined />
          </Button>
        </Dropdown>,
      )}
      {withReason(
        rules.cancel,
        <Popconfirm title={t('runDetail.ops.cancelConfirm', { name })} onConfirm={() => run({ action: 'cancel' }, t('runDetail.ops.cancel'))} disabled={Boolean(rules.cancel)}>
          <Button danger disabled={Boolean(rules.cancel)}>{t('runDetail.ops.cancel')}</Button>
        </Popconfirm>,
      )}
      {withReason(
        rules.savepoint,
        <Button disabled={Boolean(rules.savepoint)} onClick={() => run({ action: 'savepoint' }, t('runDetail.ops.savepoint'))} loading={op.isPending && op.variables?.action === 'savepoint'}>
          {t('runDetail.ops.savepoint')}
        </Button>,
      )}
      {withReason(
        rules.restart,
        <Dropdown
          disabled={Boolean(rules.restart)}
          menu={{
            items: [
              { key: 'latest-checkpoint', label: t('runDetail.ops.restartCheckpoint') },
              { key: 'latest-savepoint', label: t('runDetail.ops.restartSavepoint') },
              { key: 'savepoint', label: t('runDetail.ops.restartChosen') },
              { key: 'none', label: t('runDetail.ops.restartNone') },
            ],
            onClick: ({ key }) => {
              if (key === 'savepoint') setChoosing(true);
              else run({ action: 'restart', from: key as 'none' | 'latest-checkpoint' | 'latest-savepoint' }, t('runDetail.ops.restart'));
            },
          }}
        >
          <Button disabled={Boolean(rules.restart)}>
            {t('runDetail.ops.restart')} <DownOutlined />
          </Button>
        </Dropdown>,
      )}
      {withReason(
        rules.refresh,
        <Button icon={<ReloadOutlined />} disabled={Boolean(rules.refresh)} onClick={() => run({ action: 'refresh' }, t('runDetail.ops.refresh'))}>
          {t('runDetail.ops.refresh')}
        </Button>,
      )}
      {detail.cluster && (
        <Button icon={<ExportOutlined />} href={detail.cluster.jobWebUrl} target="_blank" rel="noreferrer">
          {t('runDetail.ops.flinkUi')}
        </Button>
      )}
      <Modal
        open={choosing}
        title={t('runDetail.ops.chooseSavepoint')}
        okButtonProps={{ disabled: !path.trim() }}
        onCancel={() => setChoosing(false)}
        onOk={() => {
          setChoosing(false);
          run({ action: 'restart', from: 'savepoint', savepointPath: path.trim() }, t('runDetail.ops.restart'));
        }}
      >
        <Form layout="vertical">
          <Form.Item label={t('runDetail.ops.savepointPath')}>
            <Input value={path} onChange={(e) => setPath(e.target.value)} placeholder="file:///…/savepoint-…" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
