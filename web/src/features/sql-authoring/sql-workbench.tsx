import { CheckCircleOutlined, PlayCircleOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import type { SqlCatalog, SqlPreview, SqlProblem } from '@weir/contract';
import { Alert, Button, Empty, InputNumber, Input, Space, Table, Tabs, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { CatalogTree } from './catalog-tree';
import type { SqlEditorHandle } from './monaco-sql-editor';
import { useSqlCatalog, useSqlPreview, useValidateSql } from './sql-authoring.queries';

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
 * script's session sees (insertable into the script, and what completion offers), and a preview
 * of a query's first rows.
 */
export function SqlWorkbench({ taskId, taskName, script, canPreview, editor }: SqlWorkbenchProps) {
  const { t } = useTranslation();
  const validate = useValidateSql(taskId);
  const catalog = useSqlCatalog(taskId);
  const handle = useRef<SqlEditorHandle | null>(null);
  const [tab, setTab] = useState('plan');
  // The problem is dropped once the script changes: its position was about other text.
  const problem = validate.data?.problem && validate.variables === script ? validate.data.problem : null;

  const onValidate = () => {
    setTab('plan');
    validate.mutate(script);
  };

  const insert = (text: string) => handle.current?.insert(text);

  return (
    <div data-testid="sql-workbench">
      <Space style={{ marginBottom: 8 }}>
        <Button icon={<CheckCircleOutlined />} onClick={onValidate} loading={validate.isPending} data-testid="sql-validate">
          {t('sqlAuthoring.validate')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={() => { setTab('catalog'); catalog.mutate(script); }} loading={catalog.isPending} data-testid="sql-catalog-refresh">
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
  const preview = useSqlPreview(taskId);
  const [query, setQuery] = useState('');
  const [maxRows, setMaxRows] = useState(100);
  const [timeoutSeconds, setTimeoutSeconds] = useState(30);
  const running = useRef<AbortController | null>(null);

  if (!canPreview) return <Alert type="info" showIcon message={t('sqlAuthoring.preview.operatorsOnly')} />;

  const run = () => {
    const controller = new AbortController();
    running.current = controller;
    preview.mutate({ script, query, maxRows, timeoutSeconds, signal: controller.signal });
  };
  const stop = () => running.current?.abort();

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
        {preview.isPending ? (
          <Button danger icon={<StopOutlined />} onClick={stop} data-testid="sql-preview-stop">
            {t('sqlAuthoring.preview.stop')}
          </Button>
        ) : (
          <Button type="primary" icon={<PlayCircleOutlined />} disabled={!query.trim()} onClick={run} data-testid="sql-preview-run">
            {t('sqlAuthoring.preview.run')}
          </Button>
        )}
      </Space>
      {preview.isPending && <Alert type="info" showIcon message={t('sqlAuthoring.preview.running')} style={{ marginBottom: 8 }} />}
      {preview.error && !(preview.error instanceof DOMException) && <Alert type="error" showIcon role="alert" message={formatError('preview', 'sqlQuery', preview.error)} />}
      {preview.data && <PreviewTable result={preview.data} />}
    </div>
  );
}

function PreviewTable({ result }: { result: SqlPreview }) {
  const { t } = useTranslation();
  const columns = [
    { key: '__kind', title: t('sqlAuthoring.preview.kind'), dataIndex: 'kind', width: 90 },
    ...result.columns.map((c, i) => ({
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
    <>
      <Typography.Paragraph type="secondary" data-testid="sql-preview-summary">
        {t('sqlAuthoring.preview.summary', {
          count: result.rows.length,
          reason: t(`sqlAuthoring.preview.stopped.${result.stoppedBy}`),
          job: result.jobId ?? t('sqlAuthoring.preview.noJob'),
          jobState: result.jobId ? (result.jobEnded ? t('sqlAuthoring.preview.jobCancelled') : t('sqlAuthoring.preview.jobNotConfirmed')) : '',
        })}
      </Typography.Paragraph>
      <Table
        data-testid="sql-preview-rows"
        size="small"
        rowKey={(_, i) => String(i)}
        columns={columns}
        dataSource={result.rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: true }}
      />
    </>
  );
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
