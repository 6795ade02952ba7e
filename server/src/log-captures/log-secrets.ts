import { isSecretOption, maskSqlSecrets, MASK } from '../tasks/sql-secrets.js';

/**
 * `name = value`, `name: value` and Flink's `Loading configuration property: name, value` in a log
 * line, where the name is a dotted option name. The value runs to whitespace or a delimiter.
 */
const ASSIGNMENT = /(?<![\w.-])([A-Za-z][\w.-]*)(?=(\s*[=:]\s*|,\s+)([^\s,;'"&)]+))/g;

/**
 * Log text as a viewer may read it: the same secrets masked as in task SQL (quoted options of
 * WITH (…) and SET, e.g. the SQL a job was submitted with, echoed by the SQL Gateway or the
 * planner), plus unquoted `option = value` pairs whose name says credential (JDBC URLs' password=,
 * configuration dumps). Flink masks the keys it knows itself as ******; this catches the rest.
 */
export function maskLogSecrets(text: string): string {
  const sqlMasked = maskSqlSecrets(text);
  // The value is matched ahead without being consumed: in `property: s3.secret-key, x` the value
  // of `property` is the next name, which must still be looked at.
  let out = '';
  let from = 0;
  for (const m of sqlMasked.matchAll(ASSIGNMENT)) {
    const [, name, separator, value] = m as unknown as [string, string, string, string];
    const valueAt = m.index + name.length + separator.length;
    if (valueAt < from || value === MASK || !isSecretOption(name)) continue;
    out += sqlMasked.slice(from, valueAt) + MASK;
    from = valueAt + value.length;
  }
  return out + sqlMasked.slice(from);
}
