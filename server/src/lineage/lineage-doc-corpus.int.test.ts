// The documentation corpus checked against the real SQL Gateway, so its verdicts cannot drift from
// Flink: every script marked accepted must be accepted statement by statement, every script marked
// rejected must be rejected for the reason written in the file, and the analyser must read every
// statement Flink accepts without a syntax error. Queries, INSERTs and statement sets go through
// EXPLAIN, so nothing runs; the few CREATE TABLE AS scripts (which 1.20 cannot EXPLAIN) run a
// one-row bounded job, cancelled if it is still running when the script is done.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sharedTestFlink, type TestFlink } from '../test-support/flink.js';
import { gatewayCheckFor, readDocCorpus, versionAtLeast, type DocScript } from './doc-corpus/doc-corpus.js';
import { parseScript } from './flink-sql-statements.js';
import { analyzeLineage } from './lineage-analyzer.js';

interface Verdict {
  rejected: { statementLine: number; message: string } | null;
  jobs: string[];
}

async function checkWithGateway(flink: TestFlink, script: DocScript): Promise<Verdict> {
  const session = await flink.gateway.openSession(`weir-lineage-doc-corpus-${process.pid}`);
  const verdict: Verdict = { rejected: null, jobs: [] };
  try {
    for (const statement of parseScript(script.sql)) {
      try {
        const result = await flink.gateway.execute(session, gatewayCheckFor(statement.source), { timeoutMs: 60_000 });
        if (result.jobId) verdict.jobs.push(result.jobId);
      } catch (err) {
        const details = (err as { details?: unknown }).details;
        verdict.rejected = { statementLine: statement.line, message: `${err instanceof Error ? err.message : String(err)} ${details ? JSON.stringify(details) : ''}` };
        break;
      }
    }
  } finally {
    await flink.gateway.closeSession(session);
  }
  return verdict;
}

describe('Flink documentation corpus against the SQL Gateway', () => {
  let flink: TestFlink;
  let version: string;
  const corpus = readDocCorpus();

  before(async () => {
    flink = await sharedTestFlink();
    version = (await flink.gateway.probe()).version;
  });
  after(async () => flink?.stop());

  for (const script of corpus) {
    test(`${script.name} (${script.source})`, async () => {
      const verdict = await checkWithGateway(flink, script);
      for (const job of verdict.jobs) {
        const running = (await flink.jm.jobsOverview()).find((j) => j.jid === job && !['FINISHED', 'FAILED', 'CANCELED'].includes(j.state));
        if (running) await flink.jm.cancel(job).catch(() => undefined);
      }
      const where = `flink-docs.sql:${script.line}`;
      if (script.since && !versionAtLeast(version, script.since)) {
        assert.ok(verdict.rejected, `${where}: Flink ${version} accepted syntax the file says arrived in ${script.since}`);
      } else if (script.flink.accepted) {
        assert.equal(verdict.rejected, null, `${where}: Flink ${version} rejects a statement the file marks accepted: ${verdict.rejected?.message}`);
      } else {
        assert.ok(verdict.rejected, `${where}: Flink ${version} accepts the script the file marks rejected`);
        assert.ok(verdict.rejected.message.includes(script.flink.reason), `${where}: rejected for another reason than "${script.flink.reason}": ${verdict.rejected.message}`);
      }
      if (script.flink.accepted) {
        // Valid Flink SQL (on this version or a later one): the analyser must read all of it.
        assert.deepEqual(analyzeLineage(script.sql).errors, [], `${where}: the analyser rejects SQL Flink accepts`);
      }
    });
  }
});
