import type { SqlCatalog } from '@weir/contract';
import { useEffect, useRef } from 'react';
import { FLINK_SQL, monaco, setCompletionCatalog } from './flink-sql-monaco';
import { problemRange } from './sql-markers';

/** What the page around the editor may do with it. */
export interface SqlEditorHandle {
  /** Puts text at the caret (replacing the selection), as typing would. */
  insert(text: string): void;
  /** The selected text, or '' when nothing is selected. */
  selection(): string;
}

/** A problem to underline: Flink's, at the script's line and column. */
export interface EditorProblem {
  message: string;
  line: number;
  column: number;
  endLine?: number | null;
  endColumn?: number | null;
}

export interface MonacoSqlEditorProps {
  value: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  ariaLabel?: string;
  problem?: EditorProblem | null;
  catalog?: SqlCatalog;
  onReady?: (handle: SqlEditorHandle) => void;
}

/** Markers Weir sets from the gateway's answer, apart from the parser's own syntax markers. */
const GATEWAY_MARKERS = 'weir-gateway';

export default function MonacoSqlEditor({ value, onChange, readOnly, ariaLabel, problem, catalog, onReady }: MonacoSqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // Set while the value from outside is applied: that is not an edit to report back.
  const applyingValue = useRef(false);

  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      value,
      language: FLINK_SQL,
      ariaLabel,
      readOnly,
      // With readOnly, marks the input itself read-only, as assistive technology and tests read it.
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      renderWhitespace: 'none',
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    const sub = editor.onDidChangeModelContent(() => {
      // The gateway's verdict was about the text before this edit.
      monaco.editor.setModelMarkers(editor.getModel()!, GATEWAY_MARKERS, []);
      if (!applyingValue.current) onChangeRef.current?.(editor.getValue());
    });
    onReady?.({
      insert: (text) => {
        const selection = editor.getSelection();
        if (!selection || editor.getOption(monaco.editor.EditorOption.readOnly)) return;
        editor.executeEdits('weir-insert', [{ range: selection, text, forceMoveMarkers: true }]);
        editor.focus();
      },
      selection: () => {
        const selection = editor.getSelection();
        return selection ? (editor.getModel()?.getValueInRange(selection) ?? '') : '';
      },
    });
    return () => {
      sub.dispose();
      editor.getModel()?.dispose();
      editor.dispose();
    };
  }, []);

  // The form's value changes from outside too (the server's copy refreshing while nothing is typed).
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || editor.getValue() === value) return;
    applyingValue.current = true;
    try {
      editor.setValue(value);
    } finally {
      applyingValue.current = false;
    }
  }, [value]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, ariaLabel });
  }, [readOnly, ariaLabel]);

  useEffect(() => {
    setCompletionCatalog(catalog);
  }, [catalog]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    if (!problem || problem.line > model.getLineCount()) {
      monaco.editor.setModelMarkers(model, GATEWAY_MARKERS, []);
      return;
    }
    const range = problemRange({ line: problem.line, column: problem.column, endLine: problem.endLine ?? null, endColumn: problem.endColumn ?? null }, model.getLineContent(problem.line));
    monaco.editor.setModelMarkers(model, GATEWAY_MARKERS, [{ ...range, message: problem.message, severity: monaco.MarkerSeverity.Error, source: 'Flink' }]);
    editorRef.current?.revealLineInCenterIfOutsideViewport(problem.line);
  }, [problem]);

  return <div ref={host} data-testid="monaco-sql-editor" style={{ height: 380, border: '1px solid #d9d9d9', borderRadius: 6 }} />;
}
