import { FlinkRejectedError, InputError } from '../errors/errors.js';
import type { SqlErrorDetails, SqlGatewayClient, StatementResult } from '../flink/sql-gateway.client.js';
import { splitScript } from './sql-script.js';
import { asExplained, rejectionInScript, type GatewayStatement, type StatementRejection, type SubmissionPlan } from './gateway-statements.js';

/** Why a script does not validate: Flink's message at the script's own line and column. */
export interface ScriptRejection extends StatementRejection {
  /** The statement as typed in the script (a whole statement set for one of its members). */
  statement: string;
}

/** How long one statement may take to validate; the planner's first statement in a session takes seconds. */
const STATEMENT_TIMEOUT_MS = 60_000;

/**
 * Asks the task's SQL Gateway whether a script would run, without running it. In a throwaway
 * session with the version's configuration, the statements that start no job run as typed (SET,
 * CREATE TABLE …: a table created here lives in the session's in-memory catalog and goes with it),
 * then the job statement is only explained: Flink validates and plans it, and starts nothing.
 *
 * Returns Flink's plan of the job statement (the EXPLAIN text).
 * A statement Flink refuses throws InputError (VALIDATION) whose details are a ScriptRejection.
 * Not reaching the gateway throws its FlinkUnreachableError unchanged, for the caller to decide.
 */
export async function validateScript(
  gateway: SqlGatewayClient,
  script: string,
  plan: SubmissionPlan,
  session: { name: string; properties: Record<string, string> },
): Promise<string> {
  const handle = await gateway.openSession(session.name, session.properties);
  try {
    for (const statement of plan.setup) await executeInScript(gateway, handle, script, statement);
    const explained = await executeInScript(gateway, handle, script, asExplained(plan.job));
    return String(explained.rows[0]?.[0] ?? '');
  } finally {
    await gateway.closeSession(handle).catch(() => undefined);
  }
}

/**
 * Runs one statement of `script` in a session; Flink's refusal becomes InputError (VALIDATION) whose
 * details are a ScriptRejection at the script's own line and column.
 */
export async function executeInScript(gateway: SqlGatewayClient, session: string, script: string, statement: GatewayStatement): Promise<StatementResult> {
  try {
    return await gateway.execute(session, statement.text, { timeoutMs: STATEMENT_TIMEOUT_MS });
  } catch (err) {
    if (!(err instanceof FlinkRejectedError)) throw err;
    const details = err.details as Partial<SqlErrorDetails> | undefined;
    const at = rejectionInScript(details?.message ?? err.message, details?.position, statement);
    const typed = splitScript(script).statements[at.statementIndex]?.text ?? '';
    const rejection: ScriptRejection = { ...at, statement: typed };
    throw new InputError(`Flink rejects statement ${at.statementIndex + 1} (line ${at.line}, column ${at.column}): ${at.message}`, rejection);
  }
}
