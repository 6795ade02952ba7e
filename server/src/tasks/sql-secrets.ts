import type { RunSql, Task, TaskVersion, TaskVersionComparison } from '@weir/contract';

/** What a viewer sees instead of a connector secret. */
export const MASK = '******';

/**
 * Option names whose value is a credential. Connector and SET options are dotted names; a name is
 * secret when any part says so ("password", "secret", "token", "credential", "jaas" — the Kafka
 * JAAS line carries the password), or when its last part is a key ("s3.access-key",
 * "fs.s3a.secret.key", "api-key"), but not "key.format" or "key.fields", which name Kafka record keys.
 */
export function isSecretOption(name: string): boolean {
  const lower = name.toLowerCase();
  if (/(password|passwd|pwd|secret|token|credential|jaas|private[-_.]?key)/.test(lower)) return true;
  const last = lower.split('.').at(-1) ?? '';
  return /^([a-z]+[-_])?key$/.test(last);
}

/** `'option' = 'value'` as in WITH (…) and SET; SQL string literals escape a quote by doubling it. */
const OPTION = /('((?:[^']|'')*)'\s*=\s*)'((?:[^']|'')*)'/g;

/**
 * The SQL with every secret-looking option's value replaced by MASK, for callers who may read
 * jobs but not their credentials (viewers). Everything else is left exactly as written.
 */
export function maskSqlSecrets(sql: string): string {
  return sql.replace(OPTION, (whole, assignment: string, name: string) => (isSecretOption(name.replace(/''/g, "'")) ? `${assignment}'${MASK}'` : whole));
}

// ---- the answers that carry SQL, as a viewer gets them ----

export function maskTask(task: Task): Task {
  return task.sql === null ? task : { ...task, sql: maskSqlSecrets(task.sql) };
}

export function maskTaskVersion(version: TaskVersion): TaskVersion {
  return version.sql === null ? version : { ...version, sql: maskSqlSecrets(version.sql) };
}

export function maskComparison(comparison: TaskVersionComparison): TaskVersionComparison {
  return {
    ...comparison,
    from: maskTaskVersion(comparison.from),
    to: maskTaskVersion(comparison.to),
    content: comparison.content.map((line) => ({ ...line, text: maskSqlSecrets(line.text) })),
  };
}

export function maskRunSql(runSql: RunSql): RunSql {
  return runSql.taskKind === 'SQL' && runSql.content !== null ? { ...runSql, content: maskSqlSecrets(runSql.content) } : runSql;
}
