import type { Cluster, StopYarnSessionResult } from '@weir/contract';
import { YARN_SESSION_LIMITS } from '@weir/contract';
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useStartYarnSession, useStopYarnSession } from './clusters.queries';

interface StartSessionForm {
  name?: string;
  slotsPerTaskManager: number;
  jobManagerMemoryMb: number;
  taskManagerMemoryMb: number;
}

/** Weir's defaults, the same as the server's when a field is left out. */
const DEFAULT_SIZE: StartSessionForm = { slotsPerTaskManager: 2, jobManagerMemoryMb: 1024, taskManagerMemoryMb: 1024 };

/**
 * Starts a Flink YARN session on a YARN entry, sized by the operator: slots per TaskManager and the memory of the
 * JobManager and of each TaskManager YARN gives it, within the bounds the server holds too (a typo of a zero
 * cannot ask YARN for a terabyte). The fields do not clamp to the bounds: a figure out of them is said, not
 * silently replaced by another the operator did not type.
 */
export function StartYarnSessionModal({ yarnCluster, onClose, onStarted }: { yarnCluster: Cluster; onClose: () => void; onStarted: (session: Cluster) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StartSessionForm>();
  const start = useStartYarnSession();

  const submit = (values: StartSessionForm) =>
    start.mutate(
      { yarnClusterId: yarnCluster.id, request: { ...values, name: values.name?.trim() || undefined } },
      {
        onSuccess: (session) => {
          onStarted(session);
          onClose();
        },
      },
    );

  const memoryField = (name: 'jobManagerMemoryMb' | 'taskManagerMemoryMb') => {
    const { min, max } = YARN_SESSION_LIMITS[name];
    return (
      <Form.Item
        name={name}
        label={t(`clusters.yarn.sessionForm.${name}`)}
        rules={[{ required: true, type: 'integer', min, max, message: t('clusters.yarn.sessionForm.between', { min, max }) }]}
      >
        <InputNumber step={256} precision={0} addonAfter="MB" style={{ width: 200 }} data-testid={`session-${name}`} />
      </Form.Item>
    );
  };

  const slots = YARN_SESSION_LIMITS.slotsPerTaskManager;
  return (
    <Modal
      title={t('clusters.yarn.startSessionTitle', { name: yarnCluster.name })}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('clusters.yarn.startSession')}
      cancelText={t('common.cancel')}
      confirmLoading={start.isPending}
      destroyOnHidden
      width={520}
    >
      <Typography.Paragraph type="secondary">{t('clusters.yarn.sessionForm.description')}</Typography.Paragraph>
      {start.error && (
        <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} message={formatError('startSession', ['clusterNamed', { name: yarnCluster.name }], start.error)} />
      )}
      <Form<StartSessionForm> form={form} initialValues={DEFAULT_SIZE} layout="vertical" onFinish={submit} requiredMark="optional" disabled={start.isPending}>
        <Form.Item
          name="name"
          label={t('clusters.yarn.sessionForm.name')}
          extra={t('clusters.yarn.sessionForm.nameHelp')}
          rules={[{ max: 100 }, { pattern: /^[\p{L}\p{N} ._-]*$/u, message: t('clusters.yarn.sessionForm.nameInvalid') }]}
        >
          <Input placeholder={t('clusters.yarn.sessionForm.namePlaceholder', { name: yarnCluster.name })} data-testid="session-name" />
        </Form.Item>
        <Form.Item
          name="slotsPerTaskManager"
          label={t('clusters.yarn.sessionForm.slotsPerTaskManager')}
          rules={[{ required: true, type: 'integer', min: slots.min, max: slots.max, message: t('clusters.yarn.sessionForm.between', { min: slots.min, max: slots.max }) }]}
        >
          <InputNumber precision={0} style={{ width: 200 }} data-testid="session-slotsPerTaskManager" />
        </Form.Item>
        {memoryField('jobManagerMemoryMb')}
        {memoryField('taskManagerMemoryMb')}
      </Form>
    </Modal>
  );
}

/**
 * Stops a YARN session Weir started. Without "cancel the jobs first" the server refuses while Weir's jobs run on
 * it and says which; the refusal stays in the dialog, where the operator can then choose to cancel them.
 */
export function StopYarnSessionModal({ session, onClose, onStopped }: { session: Cluster; onClose: () => void; onStopped: (result: StopYarnSessionResult) => void }) {
  const { t } = useTranslation();
  const [force, setForce] = useState(false);
  const stop = useStopYarnSession();

  return (
    <Modal
      title={t('clusters.yarn.stopSessionTitle', { name: session.name })}
      open
      onCancel={onClose}
      onOk={() =>
        stop.mutate(
          { sessionId: session.id, force },
          {
            onSuccess: (result) => {
              onStopped(result);
              onClose();
            },
          },
        )
      }
      okText={t('clusters.yarn.stopSession')}
      okButtonProps={{ danger: true, 'data-testid': 'confirm-stop-session' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={stop.isPending}
      destroyOnHidden
      width={520}
    >
      <Typography.Paragraph>{t('clusters.yarn.stopSessionDescription')}</Typography.Paragraph>
      {stop.error && (
        <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} message={formatError('stop', ['clusterNamed', { name: session.name }], stop.error)} />
      )}
      <Checkbox checked={force} onChange={(e) => setForce(e.target.checked)} disabled={stop.isPending} data-testid="stop-session-force">
        {t('clusters.yarn.stopSessionForce')}
      </Checkbox>
    </Modal>
  );
}
