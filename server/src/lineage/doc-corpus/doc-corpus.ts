// Reads flink-docs.sql: scripts of statements taken from Flink's SQL reference, each with what
// Flink says about it (see the header of that file for the notation). Shared by the unit test,
// which holds the analyser to the stored verdicts, and the integration test, which re-checks the
// verdicts against a running SQL Gateway so the file cannot drift from Flink.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DOC_CORPUS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'flink-docs.sql');

export interface DocScript {
  name: string;
  /** Docs page(s) the statements come from, or `gap` for a case reported against the analyser. */
  source: string;
  /** Flink's verdict: accepted, or rejected with words its message contains. */
  flink: { accepted: true } | { accepted: false; reason: string };
  /** First Flink version with this syntax (`2.0`); older versions are expected to reject it. */
  since: string | null;
  /** Set when checking the script needs a (bounded) job, because the gateway cannot EXPLAIN the statement. */
  runsJob: string | null;
  sql: string;
  /** 1-based line of the script's first line in the file, for messages. */
  line: number;
}

export function parseDocCorpus(text: string): DocScript[] {
  const scripts: DocScript[] = [];
  let current: DocScript | null = null;
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const header = /^-- @(\w[\w-]*)\s*(.*)$/.exec(raw);
    if (header) {
      const [, key, value] = header as unknown as [string, string, string];
      if (key === 'script') {
        current = { name: value.trim(), source: '', flink: { accepted: true }, since: null, runsJob: null, sql: '', line: i + 1 };
        scripts.push(current);
        return;
      }
      if (!current) throw new Error(`flink-docs.sql:${i + 1}: @${key} before any @script`);
      const script: DocScript = current;
      if (key === 'source') script.source = value.trim();
      else if (key === 'since') script.since = value.trim();
      else if (key === 'runs-job') script.runsJob = value.trim();
      else if (key === 'flink') {
        const verdict = /^(accepted|rejected)\s*(.*)$/.exec(value.trim());
        if (!verdict) throw new Error(`flink-docs.sql:${i + 1}: @flink must say accepted or rejected <words>`);
        script.flink = verdict[1] === 'accepted' ? { accepted: true } : { accepted: false, reason: verdict[2]! };
        if (!script.flink.accepted && !script.flink.reason) throw new Error(`flink-docs.sql:${i + 1}: a rejection needs the words Flink's message contains`);
      } else throw new Error(`flink-docs.sql:${i + 1}: unknown header @${key}`);
      return;
    }
    if (current) (current as DocScript).sql += `${raw}\n`;
  });
  for (const s of scripts) {
    if (!s.source) throw new Error(`flink-docs.sql:${s.line}: script ${s.name} has no @source`);
    s.sql = s.sql.trim() + '\n';
  }
  return scripts;
}

export function readDocCorpus(): DocScript[] {
  return parseDocCorpus(fs.readFileSync(DOC_CORPUS_FILE, 'utf8'));
}

/** Whether `version` (e.g. `1.20.3`) is at least `since` (e.g. `2.0`). */
export function versionAtLeast(version: string, since: string): boolean {
  const a = version.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const b = since.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/**
 * What to send the gateway to check a statement without running it: queries, INSERTs and
 * statement sets through EXPLAIN; everything else (DDL, SHOW, SET, ...) as written.
 */
export function gatewayCheckFor(statement: string): string {
  const code = statement.replace(/^(\s|--[^\n]*\n)+/, '');
  const first = /^[(\w]+/.exec(code)?.[0]?.toUpperCase() ?? '';
  if (/^EXECUTE\s+STATEMENT\s+SET\b/i.test(code)) return `EXPLAIN ${code.replace(/^EXECUTE\s+/i, '')}`;
  if (/^BEGIN\s+STATEMENT\s+SET\b/i.test(code)) return `EXPLAIN STATEMENT SET ${code.replace(/^BEGIN\s+STATEMENT\s+SET\s*;?/i, 'BEGIN ')}`;
  if (['SELECT', 'WITH', 'INSERT', 'VALUES'].includes(first) || code.startsWith('(')) return `EXPLAIN ${code}`;
  return code;
}
