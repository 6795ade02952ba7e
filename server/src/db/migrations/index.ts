/*
 * Weir's schema migrations. The SAME migration runs on SQLite, PostgreSQL and MySQL/MariaDB, so
 * every migration follows these conventions (helpers in ./portable.ts):
 *
 * - Files are named `YYYY-MM-DD-NNN-topic.ts`, listed below in order, and never edited once
 *   released; a change is a new migration. Each exports `up(db, dialect)` (and `down(db)`), built
 *   with Kysely's schema builder; raw SQL only through a dialect switch in ./portable.ts.
 * - Ids are app-generated, time-ordered text (`newId()` in ../ids.ts: 26 chars, sortable),
 *   stored as varchar(32). No auto-increment, no database-generated defaults for ids or times.
 * - Times are epoch milliseconds in `bigint` columns. The pools parse int8/BIGINT as JS numbers
 *   (exact below 2^53); stores still wrap aggregates in Number() because drivers differ.
 * - Booleans are `integer` 0/1. Stores convert to and from `boolean`.
 * - JSON is stored as text and parsed by stores; unbounded text is `longText(dialect)`
 *   (LONGTEXT on MySQL, whose TEXT stops at 64 KB; `text` elsewhere).
 * - Every varchar has an explicit length (MySQL cannot index unbounded text; utf8mb4 keys
 *   must stay under 3072 bytes, i.e. 768 characters per index).
 * - Tables on MySQL are InnoDB, utf8mb4, collation utf8mb4_bin, so equality and uniqueness are
 *   case-sensitive as on the other engines.
 * - Constraints and indexes are named explicitly, `<table>_<columns>_{uq,idx,fk,pk}`; names are
 *   unique across the schema (PostgreSQL requires it).
 * - Enumerations are varchar with no CHECK constraint (a new status must not need a table rebuild
 *   on SQLite); the TypeScript types in ../tables.ts are the contract.
 * - Foreign keys cascade from a parent to rows that mean nothing without it (sessions, versions,
 *   runs of a task, transitions, snapshots, savepoints). Runs have no foreign key to clusters: a
 *   finished run stays viewable after its cluster is removed.
 */
import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import type { Database, DialectName } from '../database.js';
import * as core from './2026-11-25-001-core.js';
import * as runs from './2026-11-25-002-runs.js';
import * as alerts from './2026-11-25-004-alerts.js';
import * as clusterCredentials from './2026-11-26-001-cluster-credentials.js';
import * as metrics from './2026-11-26-006-metrics.js';
import * as health from './2026-11-26-010-health.js';
import * as taskLatestRunFacts from './2026-11-27-005-task-latest-run-facts.js';
import * as runRestartCounts from './2026-12-04-001-run-restart-counts.js';
import * as runWarnings from './2026-12-04-001-run-warnings.js';
import * as apiTokenLineage from './2026-12-04-020-api-token-lineage.js';
import * as clusterLeases from './2026-12-05-001-cluster-leases.js';
import * as relayedEvents from './2026-12-05-002-relayed-events.js';
import * as tasksLatestRunIndex from './2026-12-05-003-tasks-latest-run-index.js';
import * as savepointDisposal from './2026-12-05-004-savepoint-disposal.js';
import * as savepointPolicies from './2026-12-05-005-savepoint-policies.js';
import * as externalIdentities from './2026-12-05-006-external-identities.js';
import * as teams from './2026-12-06-001-teams.js';
import * as logCaptures from './2026-12-06-002-log-captures.js';
import * as defaultAlertRule from './2026-12-06-003-default-alert-rule.js';
import * as userPreferences from './2026-12-06-004-user-preferences.js';
import * as healthFindings from './2026-12-06-005-health-findings.js';
import * as runsJobIdIndex from './2026-12-06-006-runs-job-id-index.js';
import * as statusNoteCodes from './2026-12-06-007-status-note-codes.js';
import * as incidentSummaryCodes from './2026-12-06-008-incident-summary-codes.js';
import * as deliveryFailureCodes from './2026-12-06-009-delivery-failure-codes.js';
import * as deliverySkipReasons from './2026-12-06-010-delivery-skip-reasons.js';
import * as runsRestartedFromIndex from './2026-12-07-001-runs-restarted-from-index.js';
import * as pushTokenGeneration from './2026-12-07-002-push-token-generation.js';
import * as yarnClusters from './2026-12-07-003-yarn-clusters.js';
import * as runsDeployedOnYarn from './2026-12-07-004-runs-deployed-on-yarn.js';
import * as yarnSessions from './2026-12-07-008-yarn-sessions.js';

interface PortableMigration {
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
  down?(db: Kysely<any>, dialect: DialectName): Promise<void>;
}

const MIGRATIONS: Record<string, PortableMigration> = {
  '2026-11-25-001-core': core,
  '2026-11-25-002-runs': runs,
  '2026-11-25-004-alerts': alerts,
  '2026-11-26-001-cluster-credentials': clusterCredentials,
  '2026-11-26-006-metrics': metrics,
  '2026-11-26-010-health': health,
  '2026-11-27-005-task-latest-run-facts': taskLatestRunFacts,
  '2026-12-04-001-run-restart-counts': runRestartCounts,
  '2026-12-04-001-run-warnings': runWarnings,
  '2026-12-04-020-api-token-lineage': apiTokenLineage,
  '2026-12-05-001-cluster-leases': clusterLeases,
  '2026-12-05-002-relayed-events': relayedEvents,
  '2026-12-05-003-tasks-latest-run-index': tasksLatestRunIndex,
  '2026-12-05-004-savepoint-disposal': savepointDisposal,
  '2026-12-05-005-savepoint-policies': savepointPolicies,
  '2026-12-05-006-external-identities': externalIdentities,
  '2026-12-06-001-teams': teams,
  '2026-12-06-002-log-captures': logCaptures,
  '2026-12-06-003-default-alert-rule': defaultAlertRule,
  '2026-12-06-004-user-preferences': userPreferences,
  '2026-12-06-005-health-findings': healthFindings,
  '2026-12-06-006-runs-job-id-index': runsJobIdIndex,
  '2026-12-06-007-status-note-codes': statusNoteCodes,
  '2026-12-06-008-incident-summary-codes': incidentSummaryCodes,
  '2026-12-06-009-delivery-failure-codes': deliveryFailureCodes,
  '2026-12-06-010-delivery-skip-reasons': deliverySkipReasons,
  '2026-12-07-001-runs-restarted-from-index': runsRestartedFromIndex,
  '2026-12-07-002-push-token-generation': pushTokenGeneration,
  '2026-12-07-003-yarn-clusters': yarnClusters,
  '2026-12-07-004-runs-deployed-on-yarn': runsDeployedOnYarn,
  '2026-12-07-008-yarn-sessions': yarnSessions,
};

/** Every migration's name, in the order they apply. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, migration]) => {
      const bound: Migration = { up: (db) => migration.up(db, dialect) };
      if (migration.down) bound.down = (db) => migration.down!(db, dialect);
      return [name, bound];
    }),
  );
}

function migratorFor(database: Database): Migrator {
  return new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrationsFor(database.dialect) },
  });
}

/** Applies every pending migration; returns the names it applied. Throws on the first failure. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  await refuseNewerSchema(database);
  const { error, results } = await migratorFor(database).migrateToLatest();
  return settle('migrate', error, results);
}

/** Reverts the most recent migration (development and tests only). */
export async function migrateDown(database: Database): Promise<string[]> {
  const { error, results } = await migratorFor(database).migrateDown();
  return settle('revert', error, results);
}

/**
 * During a rolling upgrade the new instances migrate first; an older instance started afterwards
 * would read and write tables whose meaning it does not know. It stops with a clear message instead.
 */
async function refuseNewerSchema(database: Database): Promise<void> {
  const known = new Set(MIGRATION_NAMES);
  let applied: string[];
  try {
    applied = (await (database.db as unknown as Kysely<any>).selectFrom('kysely_migration').select('name').execute()).map((r) => String(r.name));
  } catch {
    return; // a new database: nothing applied yet
  }
  const unknown = applied.filter((name) => !known.has(name)).sort();
  if (unknown.length > 0) {
    throw new Error(
      `This database was upgraded by a newer Weir (it has migration ${unknown.join(', ')}, which this version does not know). ` +
        'Run the newer version of Weir on it; an older one would misread its tables.',
    );
  }
}

function settle(verb: string, error: unknown, results: MigrationResult[] | undefined): string[] {
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not ${verb} the database${failed ? ` at ${failed}` : ''}: ${cause}`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
