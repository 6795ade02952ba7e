import { z } from 'zod';
import { RunStatus } from './status.schemas.js';
import { TaskLifecycle } from './tasks.schemas.js';

// SQL lineage: what the analyser finds in one FlinkSQL script (LineageResult, stored with each
// published version), and the global lineage across tasks built from those results.
// Positions are 1-based line and column, as an editor shows them.

const SourcePosition = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});

export const LineageColumn = z.object({
  name: z.string(),
  /** The declared type as written (`DECIMAL(10, 2)`); null for computed columns and view or inferred columns. */
  type: z.string().nullable(),
  /** Expression of a computed column (`ts AS TO_TIMESTAMP(x)` gives `TO_TIMESTAMP(x)`). */
  computed: z.string().optional(),
  /** A connector metadata column (`METADATA FROM 'timestamp'`). */
  metadata: z.boolean().optional(),
});
export type LineageColumn = z.infer<typeof LineageColumn>;

export const LineageTableKind = z.enum(['source', 'sink', 'view', 'both']);
export type LineageTableKind = z.infer<typeof LineageTableKind>;

export const LineageTable = z.object({
  /**
   * `catalog.db.table` as far as the script tells it (written qualifiers, completed by USE CATALOG / USE),
   * otherwise the name as written. Spelling is kept from the first mention; matching is case-insensitive.
   */
  id: z.string(),
  /** The last part of the id. */
  name: z.string(),
  kind: LineageTableKind,
  /** The `connector` option of its WITH clause (inherited through LIKE); null for views and tables not created in the script. */
  connector: z.string().nullable(),
  columns: z.array(LineageColumn),
});
export type LineageTable = z.infer<typeof LineageTable>;

export const LineageColumnRef = z.object({ table: z.string(), column: z.string() });
export type LineageColumnRef = z.infer<typeof LineageColumnRef>;

export const LineageColumnEdge = z.object({
  /** Always a real table column: views, WITH queries and subqueries are resolved through; computed columns trace to the columns they use. */
  from: LineageColumnRef,
  to: LineageColumnRef,
  /** The expression that produced the sink column from this source, as written (whitespace collapsed); '' for a straight copy. */
  transform: z.string(),
  statementIndex: z.number().int().min(0),
  /** Views the value passed through, from the source side to the sink side; empty when it did not go through a view. */
  via: z.array(z.string()),
});
export type LineageColumnEdge = z.infer<typeof LineageColumnEdge>;

export const LineageTableEdge = z.object({ from: z.string(), to: z.string() });
export type LineageTableEdge = z.infer<typeof LineageTableEdge>;

export const LineageStatementKind = z.enum([
  'create_table',
  'create_table_as',
  'create_view',
  'create_function',
  'create_catalog',
  'create_database',
  'use',
  'set',
  'insert',
  'statement_set',
  'select',
  'other',
  'invalid',
]);
export type LineageStatementKind = z.infer<typeof LineageStatementKind>;

export const LineageStatement = z.object({
  /** 0-based position in the script; a statement set counts as one statement. */
  index: z.number().int().min(0),
  kind: LineageStatementKind,
  line: z.number().int().min(1),
  /** Tables this statement writes. */
  sinks: z.array(z.string()),
});
export type LineageStatement = z.infer<typeof LineageStatement>;

export const LineageProblem = SourcePosition.extend({ message: z.string() });
export type LineageProblem = z.infer<typeof LineageProblem>;

export const LineageResult = z
  .object({
    tables: z.array(LineageTable),
    columnEdges: z.array(LineageColumnEdge),
    /** Every table a writing statement reads, to each table it writes (so also tables only used to filter or join). */
    tableEdges: z.array(LineageTableEdge),
    statements: z.array(LineageStatement),
    /** Understood but unresolved parts (unknown table or column, column count mismatch); the rest is still analysed. */
    warnings: z.array(LineageProblem),
    /** Syntax errors; the statement they are in is skipped. */
    errors: z.array(LineageProblem),
  })
  .meta({ id: 'LineageResult' });
export type LineageResult = z.infer<typeof LineageResult>;

// ---- Global lineage: which tasks read and write each table, across every task's current version ----

export const GlobalLineageTable = z
  .object({
    /** `catalog.db.table` as a script spells it (the first spelling seen); tables match across tasks case-insensitively. */
    id: z.string(),
    name: z.string(),
    /** The `connector` of the first script that declares the table; null when none does. */
    connector: z.string().nullable(),
    /** Ids of the tasks that read the table. */
    readers: z.array(z.string()),
    /** Ids of the tasks that write the table. */
    writers: z.array(z.string()),
  })
  .meta({ id: 'GlobalLineageTable' });
export type GlobalLineageTable = z.infer<typeof GlobalLineageTable>;

export const GlobalLineageTask = z
  .object({
    id: z.string(),
    name: z.string(),
    lifecycle: TaskLifecycle,
    /** The published version whose lineage this is (the task's current version). */
    version: z.number().int().min(1),
    /** The status of the task's latest run, so a broken link in a pipeline shows on the graph; null when it never ran. */
    status: RunStatus.nullable(),
  })
  .meta({ id: 'GlobalLineageTask' });
export type GlobalLineageTask = z.infer<typeof GlobalLineageTask>;

export const GlobalLineageEdge = z
  .object({
    /** A table id for `reads` (table → task), a task id for `writes` (task → table). */
    from: z.string(),
    to: z.string(),
    kind: z.enum(['reads', 'writes']),
  })
  .meta({ id: 'GlobalLineageEdge' });
export type GlobalLineageEdge = z.infer<typeof GlobalLineageEdge>;

export const GlobalLineage = z
  .object({
    tables: z.array(GlobalLineageTable),
    tasks: z.array(GlobalLineageTask),
    edges: z.array(GlobalLineageEdge),
  })
  .meta({ id: 'GlobalLineage' });
export type GlobalLineage = z.infer<typeof GlobalLineage>;

export const TableLineageQuery = z.object({
  /** Task hops followed upstream and downstream of the table. */
  depth: z.coerce.number().int().min(1).max(3).default(1),
});
export type TableLineageQuery = z.infer<typeof TableLineageQuery>;

export const TableLineageParams = z.object({ tableId: z.string().min(1).max(600) });

export const TableLineage = GlobalLineage.extend({
  /** The table the graph is centred on, as the global graph spells it. */
  table: z.string(),
  depth: z.number().int().min(1).max(3),
}).meta({ id: 'TableLineage' });
export type TableLineage = z.infer<typeof TableLineage>;

export const LineageTableSearchQuery = z.object({
  /** Part of the table's name or qualified id, any case; empty lists every table. */
  q: z.string().trim().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type LineageTableSearchQuery = z.infer<typeof LineageTableSearchQuery>;

export const LineageTableHit = z
  .object({
    id: z.string(),
    name: z.string(),
    connector: z.string().nullable(),
    readerCount: z.number().int().min(0),
    writerCount: z.number().int().min(0),
  })
  .meta({ id: 'LineageTableHit' });
export type LineageTableHit = z.infer<typeof LineageTableHit>;

export const LineageTableSearch = z
  .object({
    items: z.array(LineageTableHit),
    /** Tables matching the query, before the limit. */
    total: z.number().int().min(0),
  })
  .meta({ id: 'LineageTableSearch' });
export type LineageTableSearch = z.infer<typeof LineageTableSearch>;
