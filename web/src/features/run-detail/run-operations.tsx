import { DownOutlined, ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import type { RunDetail, RunOperationName } from '@weir/contract';
import { App, Button, Dropdown, Form, Input, Modal, Popconfirm, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { useRunOperation, type RunOperation } from './run-detail.queries';

export type OperationRules = Record<RunOperationName, string | null>;

/**
 * Why each operation is not possible now (null: possible): the server's answer (detail.operations,
 * which the operations API enforces the same way), plus the user's role, which only the page knows.
 */
export function operationRules(detail: RunDetail, canOperate: boolean, t: (key: string) => string): OperationRules {
  const r = (key: string) => t(`runDetail.ops.reasons.${key}`);
  return Object.fromEntries(
    Object.entries(detail.operations).map(([name, o]) => [name, !canOperate ? r('viewer') : o.allowed ? null : r(o.blocker ?? 'notRunning')]),
  ) as OperationRules;
}

const RESTARTS = [
  { key: 'latest-checkpoint', rule: 'restartFromLatestCheckpoint', label: 'runDetail.ops.restartCheckpoint' },
  { key: 'latest-savepoint', rule: 'restartFromLatestSavepoint', label: 'runDetail.ops.restartSavepoint' },
  { key: 'savepoint', rule: 'restartFromChosenSavepoint', label: 'runDetail.ops.restartChosen' },
  { key: 'none', rule: 'restartWithoutState', label: 'runDetail.ops.restartNone' },
] as const;

export function RunOperations({ detail, rules }: { detail: RunDetail; rules: OperationRules }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The page's own modal, not App's: the build leaves App's out of every first load (web/build/leave-out-unused-antd.ts).
  const [modal, modalHolder] = Modal.useModal();
  const navigate = useNavigate();
  const op = useRunOperation(detail.run.id);
  const [choosing, setChoosing] = useState(false);
  const [path, setPath] = useState('');
  const name = detail.task?.name ?? detail.run.jobName;

  const run = (operation: RunOperation, label: string) =>
    op.mutate(operation, {
      onSuccess: (result) => {
        void message.success(t('runDetail.ops.done', { action: label, message: result.message }));
        // A restart is a new run: follow it.
        if (operation.action === 'restart' && result.newRunId) navigate(`/runs/${result.newRunId}`);
      },
      onError: (err) => void message.error(formatError(operation.action === 'savepoint' ? 'trigger' : operation.action, ['runNamed', { name }], err)),
    });

  /** A restart that loses state or stops a job still going is confirmed first. */
  const restart = (operation: RunOperation & { action: 'restart' }) => {
    const warnings = [
      operation.from === 'none' ? t('runDetail.ops.restartConfirmStateless') : null,
      detail.terminal ? null : t('runDetail.ops.restartConfirmActive', { status: detail.run.status }),
    ].filter((w): w is string => w !== null);
    if (warnings.length === 0) return run(operation, t('runDetail.ops.restart'));
    modal.confirm({
      title: t('runDetail.ops.restartConfirmTitle', { name }),
      content: <div data-testid="restart-confirm">{warnings.map((w) => <p key={w}>{w}</p>)}</div>,
      okText: t('runDetail.ops.restartOk'),
      okButtonProps: { danger: true },
      onOk: () => run(operation, t('runDetail.ops.restart')),
    });
  };

  const withReason = (reason: string | null, node: React.ReactNode) => (reason ? <Tooltip title={reason}>{node}</Tooltip> : node);

  return (
    <>
      {modalHolder}
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
          // Confirmed first: a savepoint writes the job's whole state, which takes time and space on a large job.
          <Popconfirm
            title={t('runDetail.ops.savepointConfirm', { name })}
            description={<div style={{ maxWidth: 360 }}>{t('runDetail.ops.savepointConfirmDescription')}</div>}
            okText={t('runDetail.ops.savepointConfirmOk')}
            cancelText={t('common.cancel')}
            onConfirm={() => run({ action: 'savepoint' }, t('runDetail.ops.savepoint'))}
            disabled={Boolean(rules.savepoint)}
          >
            <Button disabled={Boolean(rules.savepoint)} loading={op.isPending && op.variables?.action === 'savepoint'}>
              {t('runDetail.ops.savepoint')}
            </Button>
          </Popconfirm>,
        )}
        {(() => {
          const blocked = RESTARTS.every((r) => rules[r.rule] !== null);
          return withReason(
            blocked ? rules.restartWithoutState : null,
            <Dropdown
              disabled={blocked}
              menu={{
                items: RESTARTS.map((r) => ({
                  key: r.key,
                  disabled: rules[r.rule] !== null,
                  label: (
                    <span data-testid={`restart-${r.key}`} data-disabled={rules[r.rule] !== null}>
                      {t(r.label)}
                      {rules[r.rule] !== null && <div style={{ fontSize: 12, opacity: 0.7 }}>{rules[r.rule]}</div>}
                    </span>
                  ),
                })),
                onClick: ({ key }) => {
                  if (key === 'savepoint') setChoosing(true);
                  else restart({ action: 'restart', from: key as 'none' | 'latest-checkpoint' | 'latest-savepoint' });
                },
              }}
            >
              <Button disabled={blocked} data-testid="restart-menu">
                {t('runDetail.ops.restart')} <DownOutlined />
              </Button>
            </Dropdown>,
          );
        })()}
        {withReason(
          rules.refresh,
          <Button icon={<ReloadOutlined />} disabled={Boolean(rules.refresh)} onClick={() => run({ action: 'refresh' }, t('runDetail.ops.refresh'))}>
            {t('runDetail.ops.refresh')}
          </Button>,
        )}
        {detail.cluster?.jobWebUrl && (
          <Button icon={<ExportOutlined />} href={detail.cluster.jobWebUrl} target="_blank" rel="noreferrer" data-testid="flink-ui-link">
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
            restart({ action: 'restart', from: 'savepoint', savepointPath: path.trim() });
          }}
        >
          <Form layout="vertical">
            <Form.Item label={t('runDetail.ops.savepointPath')}>
              <Input value={path} onChange={(e) => setPath(e.target.value)} placeholder="file:///…/savepoint-…" />
            </Form.Item>
          </Form>
        </Modal>
      </Space>
    </>
  );
}
