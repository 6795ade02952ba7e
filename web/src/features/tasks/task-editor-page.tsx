import { UploadOutlined } from '@ant-design/icons';
import type { SavepointStrategy, Task } from '@weir/contract';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Popconfirm, Row, Select, Space, Tabs, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { formatError } from '../../api/format-error';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/page-spinner';
import { useSession } from '../auth/auth.queries';
import { useClusters } from '../clusters/clusters.queries';
import { lastUsedCluster, preselectedCluster, rememberCluster } from './cluster-preselect';
import { clustersServing, taskTeamChoice } from '../teams/team-choices';
import { useTeams } from '../teams/teams.queries';
import { TaskRunsTable } from '../runs/task-runs-table';
import { SqlEditor } from './sql-editor';
import { TaskConfigFields } from './task-config-fields';
import { editableKind, formValuesToCreateRequest, formValuesToUpdateRequest, NEW_TASK_VALUES, SAVEPOINT_STRATEGIES, sqlErrorOf, taskToFormValues, type SqlError, type TaskFormValues } from './task-form';
import { SqlWorkbench } from '../sql-authoring/sql-workbench';
import { RunStatusTag } from '../runs/run-status-tag';
import { KindTag, LifecycleTag } from './task-tags';
import { useCreateTask, useDeleteTask, usePublishTask, useTask, useTaskOffline, useTaskOnline, useUpdateTask, useUploadJar } from './tasks.queries';
import { SavepointsPanel } from '../savepoints/savepoints-panel';
import { VersionsPanel } from './versions-panel';

/** Create (/tasks/new) or edit (/tasks/:id) a task: script or jar, configuration, publish, online/offline, versions. */
export function TaskEditorPage() {
  const { id } = useParams();
  const isNew = !id;
  const task = useTask(id);
  if (!isNew && task.isPending) return <PageSpinner />;
  // A failed background refresh must not replace the editor: that would drop what is typed and the outcome
  // of a publish still running. The editor shows it as a warning instead.
  if (!isNew && task.isLoadingError) {
    return <Alert type="error" showIcon role="alert" message={formatError('load', ['taskNamed', { name: id }], task.error)} />;
  }
  return (
    <>
      {task.isRefetchError && (
        <Alert data-testid="refresh-failed" type="warning" showIcon style={{ marginBottom: 12 }} message={formatError('load', ['taskNamed', { name: task.data?.name ?? id ?? '' }], task.error)} />
      )}
      <TaskEditor key={id ?? 'new'} task={task.data} />
    </>
  );
}

function TaskEditor({ task }: { task: Task | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useSession();
  const clusters = useClusters();
  const teams = useTeams();
  const [form] = Form.useForm<TaskFormValues>();
  const [dirty, setDirty] = useState(false);
  const [sqlError, setSqlError] = useState<SqlError | null>(null);
  const [strategy, setStrategy] = useState<SavepointStrategy | 'default'>('default');
  const [withSavepoint, setWithSavepoint] = useState(true);
  const [note, setNote] = useState('');
  // Set when publishing could not reach the SQL Gateway to validate: only then is publishing unvalidated offered.
  const [gatewayUnreachable, setGatewayUnreachable] = useState<string | null>(null);
  const [tab, setTab] = useState('script');
  const id = task?.id ?? '';
  const create = useCreateTask();
  const update = useUpdateTask(id);
  const publish = usePublishTask(id);
  const online = useTaskOnline(id);
  const offline = useTaskOffline(id);
  const remove = useDeleteTask();
  const upload = useUploadJar();
  const kind = Form.useWatch('kind', form) ?? (task ? editableKind(task) : 'SQL');
  const jarName = Form.useWatch('jarName', form);
  const script = Form.useWatch('sql', form) as string | undefined;
  const teamChoice = taskTeamChoice(teams.data);
  const chosenTeamId: string | undefined = Form.useWatch('teamId', form) ?? task?.teamId ?? teamChoice.initial;
  // A task runs on a cluster of its team or a shared one; the server refuses the rest.
  const clusterOptions = clustersServing(clusters.data ?? [], chosenTeamId);

  // The teams arrive after the form is made: preselect the team then, unless the user chose one.
  useEffect(() => {
    if (!task && teamChoice.initial && form.getFieldValue('teamId') === undefined) form.setFieldsValue({ teamId: teamChoice.initial });
  }, [teamChoice.initial]);

  // The clusters arrive after the form too: a new task starts on the only one, or the last one used.
  const clusterPreselect = task ? undefined : preselectedCluster(clusterOptions, lastUsedCluster());
  useEffect(() => {
    if (clusterPreselect && form.getFieldValue('clusterId') === undefined) form.setFieldsValue({ clusterId: clusterPreselect });
  }, [clusterPreselect]);

  // The server's copy refreshes every few seconds; the form follows it only while nothing is typed.
  useEffect(() => {
    if (task && !dirty) form.setFieldsValue(taskToFormValues(task));
  }, [task?.updatedAt]);

  const canOperate = session.data?.user.role !== 'viewer';
  const publishProblem = sqlError?.line ? { line: sqlError.line, column: sqlError.column ?? 1, message: sqlError.message } : null;
  const readOnly = !canOperate || task?.lifecycle === 'ONLINE' || task?.kind === 'EXTERNAL';
  const name = task?.name ?? '';
  const busy = create.isPending || update.isPending || publish.isPending || online.isPending || offline.isPending;

  const save = async (): Promise<Task | undefined> => {
    // The kind is chosen once, at creation; afterwards it is the task's, not a form field.
    const values = { ...(await form.validateFields()), kind: task ? editableKind(task) : form.getFieldValue('kind') } as TaskFormValues;
    if (!task) {
      // The team may be preselected without its field shown, so it is read from the form, not the validated fields.
      const created = await create.mutateAsync(formValuesToCreateRequest({ ...values, teamId: form.getFieldValue('teamId') as string | undefined }));
      rememberCluster(created.clusterId);
      message.success(t('tasks.editor.created', { name: created.name }));
      setDirty(false);
      navigate(`/tasks/${created.id}`, { replace: true });
      return created;
    }
    const saved = await update.mutateAsync(formValuesToUpdateRequest(values));
    setDirty(false);
    return saved;
  };

  const onSave = () =>
    save()
      .then((saved) => saved && task && message.success(t('tasks.editor.saved', { name: saved.name })))
      .catch((err) => {
        if (err instanceof ApiError) message.error(formatError(task ? 'taskSave' : 'taskCreate', task ? ['taskNamed', { name }] : 'newTask', err));
      });

  const onPublish = async (unvalidated = false) => {
    try {
      if (dirty) await save();
      const version = (await publish.mutateAsync({ note: note.trim() || undefined, unvalidated: unvalidated || undefined })) as { version: number };
      setNote('');
      setSqlError(null);
      setGatewayUnreachable(null);
      message.success(t(unvalidated ? 'tasks.editor.publishedUnvalidated' : 'tasks.editor.published', { version: version.version }));
    } catch (err) {
      if (!(err instanceof ApiError)) return;
      setSqlError(sqlErrorOf(err));
      setGatewayUnreachable(err.code === 'FLINK_UNREACHABLE' ? err.message : null);
      message.error(formatError('taskPublish', ['taskNamed', { name }], err));
    }
  };

  const onOnline = () =>
    online.mutate(strategy === 'default' ? {} : { savepointStrategy: strategy }, {
      onSuccess: (result) => {
        setSqlError(null);
        message.success(t('tasks.editor.onlineDone', { message: (result as { message: string }).message }));
      },
      onError: (err) => {
        setSqlError(sqlErrorOf(err));
        message.error(formatError('taskOnline', ['taskNamed', { name }], err));
      },
    });

  const onOffline = () =>
    offline.mutate(
      { withSavepoint },
      {
        onSuccess: (result) => void message.success(t('tasks.editor.offlineDone', { message: (result as { message: string }).message })),
        onError: (err) => void message.error(formatError('taskOffline', ['taskNamed', { name }], err)),
      },
    );

  const onDelete = () =>
    remove.mutate(id, {
      onSuccess: () => {
        message.success(t('tasks.editor.deleted', { name }));
        navigate('/tasks');
      },
      onError: (err) => void message.error(formatError('delete', ['taskNamed', { name }], err)),
    });

  const onUpload = (file: File) => {
    upload.mutate(file, {
      onSuccess: (jar) => {
        form.setFieldsValue({ jarId: jar.id, jarName: jar.fileName });
        setDirty(true);
        message.success(t('tasks.form.uploaded', { name: jar.fileName }));
      },
      onError: (err) => void message.error(formatError('jarUpload', 'jarFile', err)),
    });
    return false;
  };

  const lifecycle = task?.lifecycle;
  const latestActive = task?.latestStatus && !['FINISHED', 'CANCELED', 'FAILED'].includes(task.latestStatus);
  const canOnline = task && task.kind !== 'EXTERNAL' && (lifecycle === 'PUBLISHED' || lifecycle === 'OFFLINE' || (lifecycle === 'ONLINE' && !latestActive));
  const canPublish = task && task.kind !== 'EXTERNAL' && lifecycle !== 'ONLINE' && (task.hasUnpublishedChanges || dirty);

  const actions = canOperate && (
    <Space wrap>
      <Button onClick={onSave} disabled={(!dirty && !!task) || readOnly} loading={create.isPending || update.isPending}>
        {t('tasks.editor.save')}
      </Button>
      {task && (
        <>
          <Popconfirm
            title={t('tasks.editor.publish')}
            description={<Input style={{ width: 260 }} placeholder={t('tasks.editor.publishNote')} value={note} onChange={(e) => setNote(e.target.value)} />}
            onConfirm={() => onPublish()}
            okText={t('tasks.editor.publish')}
            cancelText={t('common.cancel')}
            disabled={!canPublish}
          >
            <Button disabled={!canPublish} loading={publish.isPending}>
              {t('tasks.editor.publish')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('tasks.editor.online')}
            description={
              <Space direction="vertical" size={4}>
                <Typography.Text type="secondary">{t('tasks.editor.onlineFrom')}</Typography.Text>
                <Select
                  aria-label={t('tasks.editor.onlineFrom')}
                  style={{ width: 220 }}
                  value={strategy}
                  onChange={setStrategy}
                  options={[
                    { value: 'default', label: `${t(`tasks.strategy.${task.config.savepointStrategy}`)} (${t('tasks.bulk.fromDefault')})` },
                    ...SAVEPOINT_STRATEGIES.filter((s) => s !== 'path').map((s) => ({ value: s, label: t(`tasks.strategy.${s}`) })),
                  ]}
                />
              </Space>
            }
            onConfirm={onOnline}
            okText={t('tasks.editor.online')}
            cancelText={t('common.cancel')}
            disabled={!canOnline || dirty}
          >
            <Button type="primary" disabled={!canOnline || dirty} loading={online.isPending}>
              {t('tasks.editor.online')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('tasks.editor.offline')}
            description={
              <Checkbox checked={withSavepoint} onChange={(e) => setWithSavepoint(e.target.checked)}>
                {t('tasks.editor.offlineWithSavepoint')}
              </Checkbox>
            }
            onConfirm={onOffline}
            okText={t('tasks.editor.offline')}
            cancelText={t('common.cancel')}
            disabled={lifecycle !== 'ONLINE'}
          >
            <Button danger disabled={lifecycle !== 'ONLINE'} loading={offline.isPending}>
              {t('tasks.editor.offline')}
            </Button>
          </Popconfirm>
          <Popconfirm title={t('tasks.editor.deleteConfirm', { name })} onConfirm={onDelete} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }}>
            <Button type="text" danger disabled={lifecycle === 'ONLINE' && !!latestActive}>
              {t('tasks.editor.delete')}
            </Button>
          </Popconfirm>
        </>
      )}
    </Space>
  );

  const title = task ? (
    <Space size={10} wrap>
      <span>{task.name}</span>
      <KindTag kind={task.kind} />
      <LifecycleTag lifecycle={task.lifecycle} />
      <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
        {task.currentVersion ? t('tasks.editor.version', { version: task.currentVersion }) : t('tasks.editor.noVersion')}
        {task.hasUnpublishedChanges && task.currentVersion ? ` · ${t('tasks.editor.unpublished')}` : ''}
      </Typography.Text>
    </Space>
  ) : (
    t('tasks.newTitle')
  );

  const subtitle = task && (
    <Space size={8} data-testid="latest-run">
      <span>{t('tasks.editor.latestRun')}:</span>
      <RunStatusTag status={task.latestStatus} />
    </Space>
  );

  const scriptPane =
    kind === 'SQL' ? (
      <>
        {task ? (
          <SqlWorkbench
            taskId={task.id}
            taskName={task.name}
            script={script ?? ''}
            canPreview={canOperate}
            editor={(wiring) => (
              <Form.Item name="sql" noStyle>
                <SqlEditor aria-label={t('tasks.editor.script')} readOnly={readOnly} catalog={wiring.catalog} onReady={wiring.onReady} problem={wiring.problem ?? publishProblem} />
              </Form.Item>
            )}
          />
        ) : (
          <Form.Item name="sql" noStyle>
            <SqlEditor aria-label={t('tasks.editor.script')} readOnly={readOnly} problem={publishProblem} />
          </Form.Item>
        )}
        {gatewayUnreachable && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="gateway-unreachable"
            message={t('tasks.editor.gatewayUnreachable')}
            description={gatewayUnreachable}
            action={
              canPublish && (
                <Popconfirm
                  title={t('tasks.editor.publishUnvalidated')}
                  description={t('tasks.editor.publishUnvalidatedConfirm')}
                  onConfirm={() => onPublish(true)}
                  okText={t('tasks.editor.publishUnvalidated')}
                  cancelText={t('common.cancel')}
                >
                  <Button size="small" danger loading={publish.isPending}>
                    {t('tasks.editor.publishUnvalidated')}
                  </Button>
                </Popconfirm>
              )
            }
          />
        )}
        {sqlError && (
          <Alert
            role="alert"
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="sql-error"
            message={
              sqlError.line
                ? t('tasks.editor.sqlError', { line: sqlError.line, column: sqlError.column ?? 1, message: sqlError.message })
                : t('tasks.editor.sqlErrorNoPosition', { message: sqlError.message })
            }
          />
        )}
      </>
    ) : (
      <>
        <Form.Item name="jarId" hidden rules={[{ required: true, message: t('tasks.form.jarFile') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="jarName" hidden>
          <Input />
        </Form.Item>
        <Form.Item label={t('tasks.form.jarFile')} required>
          <Space>
            <Typography.Text code={Boolean(jarName)}>{jarName ?? '—'}</Typography.Text>
            <Upload accept=".jar" showUploadList={false} beforeUpload={onUpload} disabled={readOnly}>
              <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={readOnly}>
                {t('tasks.form.uploadJar')}
              </Button>
            </Upload>
          </Space>
        </Form.Item>
        <Form.Item name="entryClass" label={t('tasks.form.entryClass')} extra={t('tasks.form.entryClassHelp')}>
          <Input placeholder="org.apache.flink.streaming.examples.wordcount.WordCount" disabled={readOnly} />
        </Form.Item>
        <Form.Item name="args" label={t('tasks.form.args')}>
          <Input placeholder="--input /data/in.txt --parallelism 2" disabled={readOnly} />
        </Form.Item>
      </>
    );

  return (
    <>
      <PageHeader title={title} subtitle={subtitle} extra={actions} />
      {task?.kind === 'EXTERNAL' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('tasks.editor.externalHint')} />}
      {task?.lifecycle === 'ONLINE' && task.kind !== 'EXTERNAL' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('tasks.editor.readOnlyOnline')} />}
      <Form<TaskFormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        disabled={busy}
        initialValues={task ? taskToFormValues(task) : NEW_TASK_VALUES}
        onValuesChange={(changed) => {
          setDirty(true);
          if ('sql' in changed) setSqlError(null);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Card styles={{ body: { paddingTop: 4 } }}>
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  { key: 'script', label: kind === 'SQL' ? t('tasks.editor.script') : t('tasks.editor.jar'), children: scriptPane },
                  ...(task && task.kind !== 'EXTERNAL' ? [{ key: 'versions', label: t('tasks.editor.versions'), children: <VersionsPanel task={task} /> }] : []),
                  ...(task ? [{ key: 'savepoints', label: t('savepoints.tab'), children: <SavepointsPanel task={task} canOperate={canOperate} /> }] : []),
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <TaskConfigFields task={task} canOperate={canOperate} readOnly={readOnly} clusterOptions={clusterOptions} />
          </Col>
        </Row>
      </Form>
      {task && (
        <Card size="small" style={{ marginTop: 16 }} styles={{ body: { paddingBlock: 4 } }} data-testid="task-runs-section">
          <TaskRunsTable taskId={task.id} taskName={task.name} pollMs={5_000} />
        </Card>
      )}
    </>
  );
}
