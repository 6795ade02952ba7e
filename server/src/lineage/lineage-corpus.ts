// The corpus format: each `NN-name.sql` has a hand-written `NN-name.expected.json` in a compact,
// line-per-fact notation (see `toCompact`) so an expectation can be read and written without
// running the analyser.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LineageResult } from './lineage.schemas.js';

export const CORPUS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');

export interface CompactLineage {
  /** `id kind connector | col TYPE | col TYPE METADATA | col AS expr | col` (connector `-` when null). */
  tables: string[];
  /** `[statementIndex] table.column -> table.column[ via v1,v2][ : transform]`. */
  edges: string[];
  /** `from -> to`. */
  tableEdges: string[];
  /** `kind@line[ -> sink, sink]`, in script order. */
  statements: string[];
  /** `line:column message`. */
  warnings?: string[];
  errors?: string[];
}

export interface CorpusCase {
  name: string;
  sql: string;
  expected: CompactLineage;
}

export function readCorpus(): CorpusCase[] {
  return fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.sql'.length);
      return {
        name,
        sql: fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8'),
        expected: JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, `${name}.expected.json`), 'utf8')) as CompactLineage,
      };
    });
}

const sorted = (xs: string[]) => [...xs].sort();

export function toCompact(r: LineageResult): CompactLineage {
  return {
    tables: sorted(
      r.tables.map((t) =>
        [
          `${t.id} ${t.kind} ${t.connector ?? '-'}`,
          ...t.columns.map((c) =>
            c.computed !== undefined ? `${c.name} AS ${c.computed}` : [c.name, c.type, c.metadata ? 'METADATA' : null].filter(Boolean).join(' '),
          ),
        ].join(' | '),
      ),
    ),
    edges: sorted(
      r.columnEdges.map(
        (e) =>
          `[${e.statementIndex}] ${e.from.table}.${e.from.column} -> ${e.to.table}.${e.to.column}` +
          (e.via.length > 0 ? ` via ${e.via.join(',')}` : '') +
          (e.transform ? ` : ${e.transform}` : ''),
      ),
    ),
    tableEdges: sorted(r.tableEdges.map((e) => `${e.from} -> ${e.to}`)),
    statements: r.statements.map((s) => `${s.kind}@${s.line}${s.sinks.length > 0 ? ` -> ${s.sinks.join(', ')}` : ''}`),
    warnings: sorted(r.warnings.map((w) => `${w.line}:${w.column} ${w.message}`)),
    errors: sorted(r.errors.map((w) => `${w.line}:${w.column} ${w.message}`)),
  };
}

/** Expected files may leave out empty warnings/errors; lists of facts compare as sets. */
export function normaliseExpected(e: CompactLineage): CompactLineage {
  return {
    tables: sorted(e.tables),
    edges: sorted(e.edges),
    tableEdges: sorted(e.tableEdges),
    statements: e.statements,
    warnings: sorted(e.warnings ?? []),
    errors: sorted(e.errors ?? []),
  };
}
