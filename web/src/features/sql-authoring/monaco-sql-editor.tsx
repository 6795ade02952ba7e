import type { SqlCatalog } from '@weir/contract';
import { useEffect, useRef } from 'react';
import { apiClient } from '../../api/api-client';
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

/** Markers Weir sets from the gateway's answer, apart from the syntax markers set as one types. */
const GATEWAY_MARKERS = 'weir-gateway';
/** Markers of the script's syntax, as the server's Flink SQL reading (lineage's) finds it. */
const SYNTAX_MARKERS = 'weir-syntax';
/** A pause in typing this long sends the script to be read. */
const SYNTAX_DEBOUNCE_MS = 400;
/** Longer scripts are left to Validate: the server reads at most this much per check. */
const SYNTAX_MAX_CHARS = 200_000;

/**
 * Underlines what the server's reading of Flink SQL finds wrong, each time typing pauses. An answer
 * about text that has changed since is dropped; a failed check leaves the underlines as they were.
 */
function watchSyntax(editor: monaco.editor.IStandaloneCodeEditor): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked: AbortController | undefined;
  const check = async () => {
    const model = editor.getModel();
    if (!model) return;
    const version = model.getVersionId();
    const script = model.getValue();
    if (script.length > SYNTAX_MAX_CHARS) return monaco.editor.setModelMarkers(model, SYNTAX_MARKERS, []);
    asked?.abort();
    asked = new AbortController();
    const { data } = await apiClient.POST('/api/sql/syntax', { body: { script }, signal: asked.signal }).catch(() => ({ data: undefined }));
    if (!data || model.isDisposed() || model.getVersionId() !== version) return;
    monaco.editor.setModelMarkers(
      model,
      SYNTAX_MARKERS,
      data.problems
        .filter((p) => p.line <= model.getLineCount())
        .map((p) => ({ ...problemRange(p, model.getLineContent(p.line)), message: p.message, severity: monaco.MarkerSeverity.Error, source: 'Flink SQL' })),
    );
  };
  const sub = editor.onDidChangeModelContent(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), SYNTAX_DEBOUNCE_MS);
  });
  void check();
  return () => {
    clearTimeout(timer);
    asked?.abort();
    sub.dispose();
  };
}

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
    const stopSyntax = watchSyntax(editor);
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
      stopSyntax();
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
