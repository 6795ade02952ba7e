import type { SqlCatalog } from '@weir/contract';

// What the editor offers at the caret: keywords, functions, and the tables and columns Weir knows
// from the catalog browser (what the task's cluster sees after the script's DDL ran) and from the
// script as the editor parses it. Pure: the editor turns these into its own completion items.

export type CompletionKind = 'keyword' | 'function' | 'table' | 'column';

export interface SqlCompletion {
  label: string;
  kind: CompletionKind;
  detail: string;
  insertText: string;
  /** Tables and columns first, then functions, then keywords. */
  sortText: string;
}

export interface KnownTable {
  /** As it is written in a query from the session's current database: bare there, else catalog.db.table. */
  name: string;
  columns: { name: string; type: string }[];
}

/** A table the script itself creates, as the editor's parser saw it. */
export interface ScriptTable {
  name: string;
  columns: { name: string; type: string }[];
}

/** What the parser expects at the caret. */
export interface CaretContext {
  expectsTable: boolean;
  expectsColumn: boolean;
  /** Tables the statement at the caret reads or writes (its FROM, JOIN, INSERT INTO). */
  tablesInStatement: string[];
  keywords: string[];
}

/** Flink built-in functions offered by name; the gateway is the authority on their arguments. */
export const BUILT_IN_FUNCTIONS = [
  'ABS', 'AVG', 'CAST', 'CEIL', 'CHAR_LENGTH', 'COALESCE', 'CONCAT', 'CONCAT_WS', 'COUNT', 'CUMULATE', 'CURRENT_DATE',
  'CURRENT_TIMESTAMP', 'CURRENT_WATERMARK', 'DATE_FORMAT', 'DAYOFMONTH', 'EXTRACT', 'FIRST_VALUE', 'FLOOR', 'FROM_UNIXTIME',
  'HOP', 'HOUR', 'IF', 'IFNULL', 'INITCAP', 'JSON_OBJECT', 'JSON_QUERY', 'JSON_VALUE', 'LAG', 'LAST_VALUE', 'LEAD', 'LISTAGG',
  'LOCALTIMESTAMP', 'LOWER', 'LPAD', 'LTRIM', 'MAX', 'MD5', 'MIN', 'MOD', 'NOW', 'NULLIF', 'OVERLAY', 'POSITION', 'POWER',
  'PROCTIME', 'RAND', 'REGEXP', 'REGEXP_EXTRACT', 'REGEXP_REPLACE', 'REPLACE', 'ROUND', 'ROW_NUMBER', 'RPAD', 'RTRIM',
  'SESSION', 'SHA256', 'SPLIT_INDEX', 'SQRT', 'STDDEV_POP', 'SUBSTRING', 'SUM', 'TIMESTAMPADD', 'TIMESTAMPDIFF',
  'TO_DATE', 'TO_TIMESTAMP', 'TO_TIMESTAMP_LTZ', 'TRIM', 'TRY_CAST', 'TUMBLE', 'UNIX_TIMESTAMP', 'UPPER', 'UUID',
] as const;

/** The catalog's tables, named as a query in the session's current database writes them. */
export function tablesOfCatalog(catalog: SqlCatalog | undefined): KnownTable[] {
  if (!catalog) return [];
  const tables: KnownTable[] = [];
  for (const c of catalog.catalogs) {
    for (const d of c.databases) {
      const here = c.name === catalog.currentCatalog && d.name === catalog.currentDatabase;
      for (const t of d.tables) {
        tables.push({ name: here ? t.name : `${c.name}.${d.name}.${t.name}`, columns: t.columns.map((col) => ({ name: col.name, type: col.type })) });
      }
    }
  }
  return tables;
}

/** User functions of the catalog, named as tables are. */
export function functionsOfCatalog(catalog: SqlCatalog | undefined): string[] {
  if (!catalog) return [];
  return catalog.catalogs.flatMap((c) => c.databases.flatMap((d) => d.functions));
}

/** The last part of a possibly qualified, possibly quoted name, for matching a table the statement names. */
function lastPart(name: string): string {
  return (name.split('.').at(-1) ?? name).replace(/`/g, '').toLowerCase();
}

/**
 * The script's tables win over the catalog's of the same name: the catalog was read when the
 * browser last refreshed, the script is what is typed now.
 */
export function knownTables(catalog: SqlCatalog | undefined, script: ScriptTable[]): KnownTable[] {
  const byName = new Map<string, KnownTable>();
  for (const t of tablesOfCatalog(catalog)) byName.set(t.name.toLowerCase(), t);
  for (const t of script) if (t.name) byName.set(t.name.replace(/`/g, '').toLowerCase(), { name: t.name.replace(/`/g, ''), columns: t.columns });
  return [...byName.values()];
}

export function completionsAt(context: CaretContext, tables: KnownTable[], userFunctions: string[]): SqlCompletion[] {
  const items: SqlCompletion[] = [];
  if (context.expectsColumn) {
    const named = new Set(context.tablesInStatement.map(lastPart));
    const inStatement = tables.filter((t) => named.has(lastPart(t.name)));
    // Before the FROM clause is typed the statement names no table yet: every known column is offered.
    for (const t of inStatement.length ? inStatement : tables) {
      for (const c of t.columns) {
        items.push({ label: c.name, kind: 'column', detail: `${t.name} · ${c.type}`, insertText: quoteIfNeeded(c.name), sortText: `0${c.name}` });
      }
    }
  }
  if (context.expectsTable) {
    for (const t of tables) items.push({ label: t.name, kind: 'table', detail: `${t.columns.length} columns`, insertText: t.name.split('.').map(quoteIfNeeded).join('.'), sortText: `1${t.name}` });
  }
  if (context.expectsColumn || !context.expectsTable) {
    for (const f of [...userFunctions, ...BUILT_IN_FUNCTIONS]) items.push({ label: f, kind: 'function', detail: 'function', insertText: f, sortText: `2${f}` });
  }
  for (const k of context.keywords) items.push({ label: k, kind: 'keyword', detail: 'keyword', insertText: k, sortText: `3${k}` });
  return dedupe(items);
}

function dedupe(items: SqlCompletion[]): SqlCompletion[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.kind}:${i.label}:${i.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A name that is not a plain identifier (a space, a dash, a leading digit) is backquoted. */
export function quoteIfNeeded(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}
