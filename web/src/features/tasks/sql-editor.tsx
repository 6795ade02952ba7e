import { useMemo, useRef } from 'react';
import styles from './tasks.module.css';

interface SqlEditorProps {
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
export function SqlEditor({ value = '', onChange, errorLine, readOnly, id, ...rest }: SqlEditorProps) {
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
