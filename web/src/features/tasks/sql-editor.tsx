import { lazy, Suspense, useMemo, useRef } from 'react';
import type { SqlCatalog } from '@weir/contract';
import type { EditorProblem, SqlEditorHandle } from '../sql-authoring/monaco-sql-editor';
import styles from './tasks.module.css';

// Monaco and the Flink SQL grammar are a few megabytes: loaded only when a task's script is shown.
const MonacoSqlEditor = lazy(() => import('../sql-authoring/monaco-sql-editor'));

interface SqlEditorProps {
  value?: string;
  onChange?: (value: string) => void;
  /** Where Flink reported an error, underlined. */
  problem?: EditorProblem | null;
  readOnly?: boolean;
  'aria-label'?: string;
  /** What completion offers besides the script's own tables. */
  catalog?: SqlCatalog;
  onReady?: (handle: SqlEditorHandle) => void;
}

/** The script editor: Monaco with Flink SQL, and the plain editor while Monaco loads. */
export function SqlEditor({ value = '', onChange, problem, readOnly, catalog, onReady, ...rest }: SqlEditorProps) {
  return (
    <Suspense fallback={<PlainSqlEditor value={value} errorLine={problem?.line} readOnly aria-label={rest['aria-label']} />}>
      <MonacoSqlEditor value={value} onChange={onChange} readOnly={readOnly} ariaLabel={rest['aria-label']} problem={problem} catalog={catalog} onReady={onReady} />
    </Suspense>
  );
}

interface PlainSqlEditorProps {
  value?: string;
  onChange?: (value: string) => void;
  /** 1-based line to mark, e.g. where Flink reported an error. */
  errorLine?: number | null;
  readOnly?: boolean;
  id?: string;
  'aria-label'?: string;
}

/**
 * A monospace editor with line numbers: a plain textarea whose gutter scrolls with it, so a line
 * and column from Flink can be found by eye. Tab inserts two spaces instead of leaving the field.
 */
export function PlainSqlEditor({ value = '', onChange, errorLine, readOnly, id, ...rest }: PlainSqlEditorProps) {
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = useMemo(() => value.split('\n').length, [value]);

  return (
    <div className={styles.editor} data-testid="sql-editor">
      <div className={styles.gutter} ref={gutter} aria-hidden>
        {Array.from({ length: lineCount }, (_, i) => (
          <div key={i} className={`${styles.gutterLine} ${errorLine === i + 1 ? styles.gutterError : ''}`} data-error-line={errorLine === i + 1 || undefined}>
            {i + 1}
          </div>
        ))}
      </div>
      <textarea
        id={id}
        aria-label={rest['aria-label']}
        className={styles.textarea}
        value={value}
        readOnly={readOnly}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        onChange={(e) => onChange?.(e.target.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Tab' || readOnly) return;
          e.preventDefault();
          const el = e.currentTarget;
          const { selectionStart, selectionEnd } = el;
          const next = `${value.slice(0, selectionStart)}  ${value.slice(selectionEnd)}`;
          onChange?.(next);
          requestAnimationFrame(() => el.setSelectionRange(selectionStart + 2, selectionStart + 2));
        }}
      />
    </div>
  );
}
