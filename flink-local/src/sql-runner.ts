// Weir's SQL runner (sql-runner/): the main class of a SQL task deployed to YARN as a Flink application,
// built from its own sources with Maven like the push listener, once per Flink version and sources, into
// a cache folder. The statements travel as program arguments, each one base64 (UTF-8): see encodeSqlRunnerArgs.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWeirMavenJar } from './maven-jar.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SQL_RUNNER_DIR = resolve(HERE, '..', 'sql-runner');
export const SQL_RUNNER_MAIN_CLASS = 'dev.weir.flink.sql.WeirSqlRunner';
/** What starts the runner's one line saying which statement failed and why (stderr, and the exception Flink logs): server/src/flink/sql-runner-failure.ts reads it. */
export const SQL_RUNNER_FAILURE_MARKER = 'WEIR_SQL_RUNNER_FAILED';
const JAR_NAME = 'weir-flink-sql-runner.jar';

/**
 * The runner's program arguments: the runtime mode, then one per statement in the order given, each base64
 * of its UTF-8 text. Base64's alphabet has no space, quote or leading '-', so no SQL text can become an
 * option of Flink's CLI or split into two arguments, whatever it holds.
 */
export function encodeSqlRunnerArgs(mode: 'streaming' | 'batch', statements: readonly string[]): string[] {
  if (statements.length === 0) throw new Error('The SQL runner needs at least the job statement');
  return [mode, ...statements.map((s) => Buffer.from(s, 'utf8').toString('base64'))];
}

/** The inverse of encodeSqlRunnerArgs, as the runner reads them (for tests). */
export function decodeSqlRunnerArgs(args: readonly string[]): { mode: string; statements: string[] } {
  const [mode = '', ...rest] = args;
  return { mode, statements: rest.map((a) => Buffer.from(a, 'base64').toString('utf8')) };
}

/** Builds the runner jar for `flinkVersion` (once per version and sources) and returns its path. */
export function ensureSqlRunnerJar(flinkVersion: string, log: (line: string) => void = () => {}): Promise<string> {
  return ensureWeirMavenJar(
    { projectDir: SQL_RUNNER_DIR, cacheName: 'weir-sql-runner', builtJar: 'weir-flink-sql-runner-1.0.0.jar', jarName: JAR_NAME, what: "Weir's SQL runner" },
    flinkVersion, log,
  );
}
