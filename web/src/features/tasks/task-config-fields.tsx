import type { Task } from '@weir/contract';
import { Card, Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { useClusters } from '../clusters/clusters.queries';
import { clustersServing, seesSeveralTeams, taskTeamChoice, teamNameOf } from '../teams/team-choices';
import { useTeams } from '../teams/teams.queries';
import { textToOptions } from './config-text';
import { SAVEPOINT_STRATEGIES, type TaskFormValues } from './task-form';

interface Props {
  /** The task being edited; none while creating one. */
  task: Task | undefined;
  canOperate: boolean;
  readOnly: boolean;
  /** The clusters the chosen team may run on. */
  clusterOptions: readonly { id: string; name: string }[];
}

/** The task editor's configuration card: name, team, kind, cluster and how Flink runs the task. Lives inside the editor's form. */
export function TaskConfigFields({ task, canOperate, readOnly, clusterOptions }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TaskFormValues>();
  const clusters = useClusters();
  const teams = useTeams();
  const teamChoice = taskTeamChoice(teams.data);
  const savepointStrategy = Form.useWatch('savepointStrategy', form);
  return (
    <Card title={t('tasks.form.configuration')} size="small">
      <Form.Item name="name" label={t('tasks.form.name')} rules={[{ required: true, whitespace: true, message: t('tasks.form.nameRequired') }, { max: 200 }]}>
        <Input disabled={!canOperate || task?.kind === 'EXTERNAL'} />
      </Form.Item>
      {!task && teamChoice.shown && (
        <Form.Item name="teamId" label={t('teams.picker.task')} extra={t('teams.picker.taskHelp')} rules={[{ required: true, message: t('teams.picker.taskRequired') }]}>
          <Select
            aria-label={t('teams.picker.task')}
            data-testid="task-team-select"
            options={teamChoice.options.map((team) => ({ value: team.id, label: team.name }))}
            onChange={(teamId: string) => {
              // A cluster of the team chosen before does not serve this one.
              const clusterId = form.getFieldValue('clusterId') as string | undefined;
              if (clusterId && !clustersServing(clusters.data ?? [], teamId).some((c) => c.id === clusterId)) form.setFieldsValue({ clusterId: undefined });
            }}
          />
        </Form.Item>
      )}
      {task && seesSeveralTeams(teams.data) && (
        <Form.Item label={t('teams.picker.task')}>
          <Typography.Text data-testid="task-team">{teamNameOf(teams.data, task.teamId)}</Typography.Text>
        </Form.Item>
      )}
      {!task && (
        <Form.Item name="kind" label={t('tasks.form.kind')}>
          <Radio.Group optionType="button" options={[{ value: 'SQL', label: t('tasks.kind.SQL') }, { value: 'JAR', label: t('tasks.kind.JAR') }]} />
        </Form.Item>
      )}
      <Form.Item name="clusterId" label={t('tasks.form.cluster')} rules={[{ required: true, message: t('tasks.form.clusterRequired') }]} extra={clusters.data?.length === 0 ? t('tasks.noCluster') : undefined}>
        <Select data-testid="task-cluster-select" disabled={readOnly} loading={clusters.isPending} options={clusterOptions.map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="executionMode" label={t('tasks.form.mode')}>
            <Select disabled={readOnly} options={(['STREAMING', 'BATCH'] as const).map((m) => ({ value: m, label: t(`tasks.mode.${m}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="parallelism" label={t('tasks.form.parallelism')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1024} style={{ width: '100%' }} disabled={readOnly} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="checkpointIntervalMs" label={t('tasks.form.checkpointInterval')}>
        <InputNumber min={100} step={1000} placeholder={t('tasks.form.checkpointOff')} style={{ width: '100%' }} disabled={readOnly} />
      </Form.Item>
      <Form.Item name="savepointStrategy" label={t('tasks.form.savepointStrategy')}>
        <Select disabled={readOnly} options={SAVEPOINT_STRATEGIES.map((s) => ({ value: s, label: t(`tasks.strategy.${s}`) }))} />
      </Form.Item>
      {savepointStrategy === 'path' && (
        <Form.Item name="savepointPath" label={t('tasks.form.savepointPath')} rules={[{ required: true, whitespace: true }]}>
          <Input placeholder="file:///savepoints/savepoint-…" disabled={readOnly} />
        </Form.Item>
      )}
      <Form.Item
        name="flinkOptions"
        label={t('tasks.form.flinkOptions')}
        extra={<Trans i18nKey="tasks.form.flinkOptionsHelp" components={{ code: <Typography.Text code /> }} />}
        rules={[
          {
            validator: async (_, value: string | undefined) => {
              const { errors } = textToOptions(value ?? '');
              if (errors.length) throw new Error(t('tasks.form.flinkOptionsInvalid', { lines: errors.join(', ') }));
            },
          },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} style={{ fontFamily: 'monospace' }} placeholder="state.backend.type: rocksdb" disabled={readOnly} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="owner" label={t('tasks.form.owner')}>
            <Input disabled={!canOperate} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="alertGroup" label={t('tasks.form.alertGroup')}>
            <Input disabled={readOnly} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('tasks.form.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} disabled={!canOperate} />
      </Form.Item>
    </Card>
  );
}
