import { z } from 'zod';
import { ErrorBody } from './common.schemas.js';

/** Task scripts are edited whole; a megabyte of SQL is far beyond any real task. */
const Script = z.string().max(1_000_000);

/** Where Flink (or Weir's own reading of the script) locates a problem, in the script's lines and columns (1-based). */
export const SqlProblem = z
  .object({
    message: z.string(),
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    /** End of the faulty text, when Flink gives a range ("From line 1, column 8 to line 1, column 11"): inclusive. */
    endLine: z.number().int().min(1).nullable(),
    endColumn: z.number().int().min(1).nullable(),
    /** Index of the statement in the script, when the problem is inside one. */
    statementIndex: z.number().int().min(0).nullable(),
  })
  .meta({ id: 'SqlProblem' });
export type SqlProblem = z.infer<typeof SqlProblem>;

export const SqlScriptRequest = z
  .object({
    /** The SQL to work on; the task's saved draft when left out. */
    script: Script.optional(),
  })
  .meta({ id: 'SqlScriptRequest' });
export type SqlScriptRequest = z.infer<typeof SqlScriptRequest>;

export const SqlCatalogRequest = SqlScriptRequest.extend({
  /**
   * Lists afresh instead of answering from the listing Weir keeps for a short while per cluster
   * and script: after a DDL statement ran, or when the user asks.
   */
  refresh: z.boolean().optional(),
}).meta({ id: 'SqlCatalogRequest' });
export type SqlCatalogRequest = z.infer<typeof SqlCatalogRequest>;

/**
 * A script to check as it is typed. Smaller than a task script may be: it is parsed on every pause
 * in typing, and a larger one is checked by Validate instead.
 */
export const SqlSyntaxRequest = z.object({ script: z.string().max(200_000) }).meta({ id: 'SqlSyntaxRequest' });
export type SqlSyntaxRequest = z.infer<typeof SqlSyntaxRequest>;

/** What Weir's reading of Flink SQL (the one lineage uses) finds wrong in a script's syntax; empty when it reads all of it. */
export const SqlSyntaxCheck = z.object({ problems: z.array(SqlProblem) }).meta({ id: 'SqlSyntaxCheck' });
export type SqlSyntaxCheck = z.infer<typeof SqlSyntaxCheck>;

export const SqlValidation = z
  .object({
    valid: z.boolean(),
    /** Flink's EXPLAIN of the job statement when the script is valid. */
    plan: z.string().nullable(),
    problem: SqlProblem.nullable(),
  })
  .meta({ id: 'SqlValidation' });
export type SqlValidation = z.infer<typeof SqlValidation>;

export const SqlCatalogColumn = z.object({
  name: z.string(),
  type: z.string(),
  nullable: z.boolean(),
  key: z.string().nullable(),
  extras: z.string().nullable(),
  watermark: z.string().nullable(),
});

export const SqlCatalogTable = z.object({
  name: z.string(),
  kind: z.enum(['TABLE', 'VIEW']),
  columns: z.array(SqlCatalogColumn),
  /** Connector options; a credential's value is masked for callers who may not read it. */
  options: z.record(z.string(), z.string()),
});
export type SqlCatalogTable = z.infer<typeof SqlCatalogTable>;

export const SqlCatalog = z
  .object({
    currentCatalog: z.string(),
    currentDatabase: z.string(),
    catalogs: z.array(
      z.object({
        name: z.string(),
        databases: z.array(z.object({ name: z.string(), tables: z.array(SqlCatalogTable), functions: z.array(z.string()) })),
      }),
    ),
    /** Set when Weir's limits on catalogs, databases or described tables cut the listing short. */
    truncated: z.boolean(),
    /** A statement of the script Flink refused; the statements before it are in the listing. */
    problem: SqlProblem.nullable(),
    /** When the gateway was asked (epoch ms): earlier than now when the answer is a kept listing. */
    listedAt: z.number().int(),
  })
  .meta({ id: 'SqlCatalog' });
export type SqlCatalog = z.infer<typeof SqlCatalog>;

export const SQL_PREVIEW_DEFAULT_ROWS = 100;
export const SQL_PREVIEW_MAX_ROWS = 1000;
export const SQL_PREVIEW_DEFAULT_SECONDS = 30;
export const SQL_PREVIEW_MAX_SECONDS = 120;

export const SqlPreviewRequest = z
  .object({
    /** The task's script whose tables and settings the query uses (its job statements are not run); the saved draft when left out. */
    script: Script.optional(),
    /** One SELECT (or WITH … SELECT, VALUES). */
    query: z.string().min(1).max(100_000),
    /** Capped by the server at SQL_PREVIEW_MAX_ROWS. */
    maxRows: z.number().int().min(1).optional(),
    /** Capped by the server at SQL_PREVIEW_MAX_SECONDS. */
    timeoutSeconds: z.number().int().min(1).optional(),
  })
  .meta({ id: 'SqlPreviewRequest' });
export type SqlPreviewRequest = z.infer<typeof SqlPreviewRequest>;

export const SqlPreviewStop = z.enum(['END', 'ROW_LIMIT', 'BYTE_LIMIT', 'TIME_LIMIT', 'CANCELLED']);
export type SqlPreviewStop = z.infer<typeof SqlPreviewStop>;

export const SqlPreviewColumn = z.object({ name: z.string(), type: z.string().nullable() });
export const SqlPreviewRow = z.object({ kind: z.string(), fields: z.array(z.unknown()) });

export const SqlPreview = z
  .object({
    columns: z.array(SqlPreviewColumn),
    /** Changelog rows: kind is INSERT, UPDATE_BEFORE, UPDATE_AFTER or DELETE. */
    rows: z.array(SqlPreviewRow),
    stoppedBy: SqlPreviewStop,
    /** The Flink job the query ran as; Weir has cancelled it by the time this answer is sent. */
    jobId: z.string().nullable(),
    /** Whether Flink's job list showed the job finished or cancelled when the preview ended. */
    jobEnded: z.boolean(),
    maxRows: z.number().int(),
    timeoutSeconds: z.number().int(),
  })
  .meta({ id: 'SqlPreview' });
export type SqlPreview = z.infer<typeof SqlPreview>;

/**
 * One line of a streamed preview (newline-delimited JSON), in this order: `started` once the
 * preview runs on the gateway, `columns` and `job` when Flink names them, `rows` for each page the
 * gateway yields, then exactly one of `end` or `error` (the same error an HTTP answer would carry).
 * `alive` lines keep an idle connection open while a query yields nothing.
 */
export const SqlPreviewEvent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('started'), maxRows: z.number().int(), timeoutSeconds: z.number().int() }),
    z.object({ type: z.literal('columns'), columns: z.array(SqlPreviewColumn) }),
    z.object({ type: z.literal('job'), jobId: z.string() }),
    z.object({ type: z.literal('rows'), rows: z.array(SqlPreviewRow) }),
    z.object({ type: z.literal('alive') }),
    z.object({
      type: z.literal('end'),
      stoppedBy: SqlPreviewStop,
      rowCount: z.number().int(),
      jobId: z.string().nullable(),
      /** Whether Flink's job list showed the job finished or cancelled when the preview ended. */
      jobEnded: z.boolean(),
    }),
    z.object({ type: z.literal('error'), error: ErrorBody.shape.error }),
  ])
  .meta({ id: 'SqlPreviewEvent' });
export type SqlPreviewEvent = z.infer<typeof SqlPreviewEvent>;
