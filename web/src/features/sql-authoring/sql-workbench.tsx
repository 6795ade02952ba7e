import { CheckCircleOutlined, PlayCircleOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import type { SqlCatalog, SqlProblem } from '@weir/contract';
import { Alert, Button, Empty, InputNumber, Input, Space, Spin, Table, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useTask } from '../tasks/tasks.queries';
import { changesCatalog } from './catalog-refresh';
import { CatalogTree } from './catalog-tree';
import type { SqlEditorHandle } from './monaco-sql-editor';
import type { PreviewState } from './preview-stream';
import { useSqlCatalog, useSqlPreviewStream, useValidateSql } from './sql-authoring.queries';

/** What the workbench hands the editor it is drawn around. */
export interface EditorWiring {
  problem: SqlProblem | null;
  catalog: SqlCatalog | undefined;
  onReady: (handle: SqlEditorHandle) => void;
}

interface SqlWorkbenchProps {
  taskId: string;
  taskName: string;
  /** The script as typed, saved or not. */
  script: string;
  /** Operators of the task's team: previews start a job. */
  canPreview: boolean;
  editor: (wiring: EditorWiring) => ReactNode;
}

/**
 * The script editor with what helps write it, all through the task's cluster's SQL Gateway:
 * Validate (Flink's plan, or its error underlined at its line and column), the catalog the
 * script's session sees (insertable into the script, and what completion offers; listed when the
 * editor opens, again after a script that changes the catalog was validated or published, and on
 * Refresh), and a preview of a query's rows as Flink yields them.
 */
export function SqlWorkbench({ taskId, taskName, script, canPreview, editor }: SqlWorkbenchProps) {
  const { t } = useTranslation();
  const validate = useValidateSql(taskId);
  // First the saved draft's catalog (the server may answer it from memory), then the typed script's when asked.
  const [catalogAsked, setCatalogAsked] = useState<{ script: string | undefined; generation: number }>({ script: undefined, generation: 0 });
  const catalog = useSqlCatalog(taskId, catalogAsked);
  const relist = (text: string) => setCatalogAsked((asked) => ({ script: text, generation: asked.generation + 1 }));
  const handle = useRef<SqlEditorHandle | null>(null);
  const [tab, setTab] = useState('plan');
  // The problem is dropped once the script changes: its position was about other text.
  const problem = validate.data?.problem && validate.variables === script ? validate.data.problem : null;

  // Publishing ran the script's DDL on the cluster (it validates first): list what it changed.
  const publishedVersion = useTask(taskId).data?.currentVersion;
  const seenVersion = useRef(publishedVersion);
  useEffect(() => {
    if (seenVersion.current !== undefined && publishedVersion !== seenVersion.current && changesCatalog(script)) relist(script);
    seenVersion.current = publishedVersion;
  }, [publishedVersion]);

  const onValidate = () => {
    setTab('plan');
    validate.mutate(script, {
      onSuccess: (result) => {
        if (result.valid && changesCatalog(script)) relist(script);
      },
    });
  };

  const insert = (text: string) => handle.current?.insert(text);

  return (
    <div data-testid="sql-workbench">
      <Space style={{ marginBottom: 8 }}>
        <Button icon={<CheckCircleOutlined />} onClick={onValidate} loading={validate.isPending} data-testid="sql-validate">
          {t('sqlAuthoring.validate')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={() => { setTab('catalog'); relist(script); }} loading={catalog.isFetching} data-testid="sql-catalog-refresh">
          {t('sqlAuthoring.catalog.refresh')}
        </Button>
      </Space>
      {editor({ problem, catalog: catalog.data, onReady: (h) => (handle.current = h) })}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        style={{ marginTop: 8 }}
        items={[
          { key: 'plan', label: t('sqlAuthoring.tabs.plan'), children: <ValidationResult taskName={taskName} state={validate} /> },
          {
            key: 'catalog',
            label: t('sqlAuthoring.tabs.catalog'),
            children: catalog.error ? (
              <Alert type="error" showIcon message={formatError('load', ['sqlCatalog', { name: taskName }], catalog.error)} />
            ) : catalog.data ? (
              <CatalogTree catalog={catalog.data} onInsert={insert} />
            ) : catalog.isFetching ? (
              <Spin>
                <Empty description={t('sqlAuthoring.catalog.listing')} />
              </Spin>
            ) : (
              <Empty description={t('sqlAuthoring.catalog.empty')} />
            ),
          },
          {
            key: 'preview',
            label: t('sqlAuthoring.tabs.preview'),
            children: <PreviewPane taskId={taskId} script={script} canPreview={canPreview} selection={() => handle.current?.selection() ?? ''} />,
          },
        ]}
      />
    </div>
  );
}

function ValidationResult({ taskName, state }: { taskName: string; state: ReturnType<typeof useValidateSql> }) {
  const { t } = useTranslation();
  if (state.isPending) return <Typography.Text type="secondary">{t('sqlAuthoring.validating')}</Typography.Text>;
  if (state.error) return <Alert type="error" showIcon message={formatError('validate', ['taskScript', { name: taskName }], state.error)} />;
  const result = state.data;
  if (!result) return <Typography.Text type="secondary">{t('sqlAuthoring.notValidated')}</Typography.Text>;
  if (!result.valid && result.problem) {
    const { line, column, message } = result.problem;
    return <Alert type="error" showIcon role="alert" data-testid="sql-validation-error" message={t('sqlAuthoring.invalid', { line, column, message })} />;
  }
  return (
    <div data-testid="sql-validation-plan">
      <Alert type="success" showIcon message={t('sqlAuthoring.valid')} style={{ marginBottom: 8 }} />
      <pre style={{ maxHeight: 360, overflow: 'auto', fontSize: 12, background: '#fafafa', padding: 8, margin: 0 }}>{result.plan}</pre>
    </div>
  );
}

function PreviewPane({ taskId, script, canPreview, selection }: { taskId: string; script: string; canPreview: boolean; selection: () => string }) {
  const { t } = useTranslation();
  const preview = useSqlPreviewStream(taskId);
  const [query, setQuery] = useState('');
  const [maxRows, setMaxRows] = useState(100);
  const [timeoutSeconds, setTimeoutSeconds] = useState(30);

  if (!canPreview) return <Alert type="info" showIcon message={t('sqlAuthoring.preview.operatorsOnly')} />;

  const { state } = preview;
  const running = state.phase === 'running';
  return (
    <div data-testid="sql-preview">
      <Input.TextArea
        aria-label={t('sqlAuthoring.preview.query')}
        placeholder="SELECT * FROM …"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 8 }}
        style={{ fontFamily: 'monospace', marginBottom: 8 }}
      />
      <Space wrap style={{ marginBottom: 8 }}>
        <Button onClick={() => setQuery(selection().trim() || query)}>{t('sqlAuthoring.preview.useSelection')}</Button>
        <span>{t('sqlAuthoring.preview.maxRows')}</span>
        <InputNumber aria-label={t('sqlAuthoring.preview.maxRows')} min={1} max={1000} value={maxRows} onChange={(v) => setMaxRows(v ?? 100)} />
        <span>{t('sqlAuthoring.preview.timeout')}</span>
        <InputNumber aria-label={t('sqlAuthoring.preview.timeout')} min={1} max={120} value={timeoutSeconds} onChange={(v) => setTimeoutSeconds(v ?? 30)} />
        {running ? (
          <Button danger icon={<StopOutlined />} onClick={preview.stop} data-testid="sql-preview-stop">
            {t('sqlAuthoring.preview.stop')}
          </Button>
        ) : (
          <Button type="primary" icon={<PlayCircleOutlined />} disabled={!query.trim()} onClick={() => void preview.run({ script, query, maxRows, timeoutSeconds })} data-testid="sql-preview-run">
            {t('sqlAuthoring.preview.run')}
          </Button>
        )}
      </Space>
      {running && (
        <Alert
          type="info"
          showIcon
          icon={<Spin size="small" />}
          data-testid="sql-preview-progress"
          message={t('sqlAuthoring.preview.progress', { count: state.rows.length, job: state.jobId ?? t('sqlAuthoring.preview.jobStarting') })}
          description={t('sqlAuthoring.preview.running')}
          style={{ marginBottom: 8 }}
        />
      )}
      {state.phase === 'failed' && <Alert type="error" showIcon role="alert" message={formatError('preview', 'sqlQuery', state.error)} style={{ marginBottom: 8 }} />}
      {(state.phase === 'ended' || state.phase === 'stopped') && <PreviewSummary state={state} />}
      {state.columns.length > 0 && <PreviewTable state={state} />}
    </div>
  );
}

function PreviewSummary({ state }: { state: PreviewState }) {
  const { t } = useTranslation();
  const jobState = !state.jobId
    ? ''
    : state.phase === 'stopped'
      ? t('sqlAuthoring.preview.jobStopping')
      : state.jobEnded
        ? t('sqlAuthoring.preview.jobCancelled')
        : t('sqlAuthoring.preview.jobNotConfirmed');
  return (
    <Typography.Paragraph type="secondary" data-testid="sql-preview-summary">
      {t('sqlAuthoring.preview.summary', {
        count: state.rows.length,
        reason: t(`sqlAuthoring.preview.stopped.${state.stoppedBy ?? 'END'}`),
        job: state.jobId ?? t('sqlAuthoring.preview.noJob'),
        jobState,
      })}
    </Typography.Paragraph>
  );
}

function PreviewTable({ state }: { state: PreviewState }) {
  const { t } = useTranslation();
  const columns = [
    { key: '__kind', title: t('sqlAuthoring.preview.kind'), dataIndex: 'kind', width: 90 },
    ...state.columns.map((c, i) => ({
      key: `c${i}`,
      title: (
        <span>
          {c.name} <Typography.Text type="secondary">{c.type ?? ''}</Typography.Text>
        </span>
      ),
      render: (_: unknown, row: { fields: unknown[] }) => cellText(row.fields[i]),
    })),
  ];
  return (
    <Table
      data-testid="sql-preview-rows"
      size="small"
      rowKey={(_, i) => String(i)}
      columns={columns}
      dataSource={state.rows}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      scroll={{ x: true }}
    />
  );
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
