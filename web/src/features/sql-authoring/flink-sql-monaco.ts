// Monaco with the Flink SQL language: highlighting and completion from the Flink SQL grammar.
// Syntax diagnostics come from the server's reading instead (see monaco-sql-editor.tsx), the one
// lineage uses, which also takes the forms Flink accepts that the grammar alone rejects. Imported only by the lazily
// loaded editor, so none of it is in any other page's chunks.
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import { EntityContextType, LanguageIdEnum, setupLanguageFeatures, type CompletionService, type ICompletionItem } from 'monaco-sql-languages';
import 'monaco-sql-languages/esm/languages/flink/flink.contribution';
import FlinkSqlWorker from 'monaco-sql-languages/esm/languages/flink/flink.worker?worker';
import type { SqlCatalog } from '@weir/contract';
import { completionsAt, functionsOfCatalog, knownTables, type CompletionKind, type ScriptTable } from './sql-completion';

export { monaco };
export const FLINK_SQL = LanguageIdEnum.FLINK;

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === LanguageIdEnum.FLINK ? new FlinkSqlWorker() : new EditorWorker()),
};

/** The catalog the completion reads; the editor sets it whenever the catalog browser refreshes. */
let currentCatalog: SqlCatalog | undefined;
export function setCompletionCatalog(catalog: SqlCatalog | undefined): void {
  currentCatalog = catalog;
}

const KIND: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  keyword: monaco.languages.CompletionItemKind.Keyword,
  function: monaco.languages.CompletionItemKind.Function,
  table: monaco.languages.CompletionItemKind.Class,
  column: monaco.languages.CompletionItemKind.Field,
};

interface ParsedEntity {
  entityContextType: string;
  text: string;
  isAccessible?: boolean | null;
  columns?: { text: string; _colType?: { text: string } | null }[];
  belongStmt?: { isContainCaret?: boolean };
}

const completionService: CompletionService = async (_model, _position, _context, suggestions, entities) => {
  const parsed = (entities ?? []) as unknown as ParsedEntity[];
  const scriptTables: ScriptTable[] = parsed
    .filter((e) => e.entityContextType === EntityContextType.TABLE_CREATE)
    .map((e) => ({ name: e.text, columns: (e.columns ?? []).map((c) => ({ name: c.text.replace(/`/g, ''), type: c._colType?.text ?? '' })) }));
  const syntax = suggestions?.syntax.map((s) => s.syntaxContextType as string) ?? [];
  const tablesInStatement = parsed
    .filter((e) => e.entityContextType === EntityContextType.TABLE && (e.isAccessible || e.belongStmt?.isContainCaret))
    .map((e) => e.text);
  const items = completionsAt(
    {
      expectsTable: syntax.includes(EntityContextType.TABLE) || syntax.includes(EntityContextType.VIEW),
      expectsColumn: syntax.includes(EntityContextType.COLUMN),
      tablesInStatement,
      keywords: suggestions?.keywords ?? [],
    },
    knownTables(currentCatalog, scriptTables),
    functionsOfCatalog(currentCatalog),
  );
  return items.map((i): ICompletionItem => ({ label: i.label, kind: KIND[i.kind], detail: i.detail, insertText: i.insertText, sortText: i.sortText }));
};

setupLanguageFeatures(LanguageIdEnum.FLINK, {
  completionItems: { enable: true, triggerCharacters: [' ', '.', ','], completionService },
  diagnostics: false,
});
