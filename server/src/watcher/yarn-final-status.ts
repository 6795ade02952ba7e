import type { RunStatus } from '../events/events.js';
import { sqlRunnerFailureText, type SqlRunnerFailure } from '../flink/sql-runner-failure.js';
import type { TransitionNote } from '../runs/runs.store.js';
import type { YarnApplication } from '../yarn/yarn-rm.client.js';

/** The most of YARN's diagnostics a run's history keeps: enough for the exception Flink left there. */
const DIAGNOSTICS_KEPT = 2_000;

/**
 * A run's final status in YARN's words, for an application that ended while its JobManager no longer answers
 * (a kill through YARN takes the JobManager with it). A KILLED application, or one that FINISHED with final
 * status KILLED (a cancel through Flink), was CANCELED; FAILED is FAILED; FINISHED with SUCCEEDED is FINISHED.
 * An application that ended without a final status (UNDEFINED) did not end as Flink meant it to: FAILED.
 */
export function runStatusFromYarn(app: Pick<YarnApplication, 'state' | 'finalStatus'>): RunStatus {
  if (app.state === 'KILLED') return 'CANCELED';
  if (app.state === 'FAILED') return 'FAILED';
  switch (app.finalStatus) {
    case 'SUCCEEDED':
      return 'FINISHED';
    case 'KILLED':
      return 'CANCELED';
    default:
      return 'FAILED';
  }
}

/**
 * YARN's state, final status and diagnostics: the evidence the run's last status is recorded with. For a SQL
 * run whose statement failed inside its application, the SQL runner's reason comes first (YARN says only
 * "exitCode: 2"), YARN's words after it.
 */
export function yarnEndNote(app: Pick<YarnApplication, 'id' | 'state' | 'finalStatus' | 'diagnostics'>, sqlFailure: SqlRunnerFailure | null = null): TransitionNote {
  const diagnostics = app.diagnostics.trim().slice(0, DIAGNOSTICS_KEPT) || '(none)';
  const yarnSays = `YARN reports application ${app.id} ${app.state} (final status ${app.finalStatus}): ${diagnostics}`;
  const yarnParams = { applicationId: app.id, state: app.state, finalStatus: app.finalStatus, diagnostics };
  if (!sqlFailure) return { text: yarnSays, code: { code: 'endedOnYarn', params: yarnParams } };
  return {
    // A dash, not a full stop: Flink's message often ends with one of its own.
    text: `${sqlRunnerFailureText(sqlFailure)} — ${yarnSays}`,
    code: {
      code: 'sqlStatementFailedOnYarn',
      // A position the line did not say is "?": the message still names what failed.
      params: { statement: sqlFailure.statement ?? '?', statements: sqlFailure.statements ?? '?', message: sqlFailure.message, ...yarnParams },
    },
  };
}
