import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FlinkJobDetails, FlinkJobOverview, JobManagerClient } from '../flink/job-manager.client.js';
import type { RunRecord } from '../runs/runs.store.js';
import { JobDetailsReader } from './job-details-reader.js';
import type { JobEvidence } from './job-evidence.js';
import type { KnownJob } from './known-job.js';
import type { RunDiscovery } from './run-discovery.js';
import type { RunRecorder } from './run-recorder.js';
import { staleRetryAt } from './stale-details.js';

const CACHE_MS = 3_000;
const LIMIT_MS = 10_000;

/** A job the list shows CANCELED while Flink's cached details still say RUNNING, as for a few seconds after a cancel. */
function staleJob() {
  let now = 100_000;
  const listed = { jid: 'j1', name: 'orders', state: 'CANCELED', 'start-time': 1_000, 'end-time': 99_000, duration: 98_000, 'last-modification': 99_000, tasks: {} } as unknown as FlinkJobOverview;
  const cached = { jid: 'j1', name: 'orders', state: 'RUNNING', 'start-time': 1_000, 'end-time': -1, duration: 0, now: 0, timestamps: { RUNNING: 2_000 }, vertices: [] } as unknown as FlinkJobDetails;
  const known: KnownJob = { run: { id: 'r1', flinkJobId: 'j1', status: 'RUNNING' } as RunRecord, taskName: 'orders', lastAt: 2_000, lastFlink: { status: 'RUNNING', at: 2_000 }, warnings: new Map(), seenAs: null, detailsReadAt: now - 1_000 };
  const recorded: { state: string; weirNote: string | undefined }[] = [];
  const reader = new JobDetailsReader({
    jm: () => ({ job: async () => cached, numRestarts: async () => 0 }) as unknown as JobManagerClient,
    now: () => now,
    detailsCacheMs: () => CACHE_MS,
    staleDetailsLimitMs: LIMIT_MS,
    recorder: {
      recordRead: async (_known: KnownJob, details: FlinkJobDetails, _restarts: number | undefined, opts: { weirNote?: { text: string } }) => {
        recorded.push({ state: details.state, weirNote: opts.weirNote?.text });
        return { steps: [{ status: details.state }], terminal: true };
      },
    } as unknown as RunRecorder,
    evidence: { captureFinalSnapshot: async () => ({ requests: 5, restarts: undefined }) } as unknown as JobEvidence,
    discovery: {} as RunDiscovery,
  });
  return { reader, listed, known, recorded, advance: (ms: number) => (now += ms), now: () => now };
}

describe("one job's read, when its details disagree with the job list", () => {
  it("records nothing while Flink's cache may still hold the old details, and reads again once the entry expired", async () => {
    const { reader, listed, known, recorded, now } = staleJob();
    const readAt = now();
    const lastReadAt = known.detailsReadAt;
    assert.equal(await reader.read(listed, known), 1, 'one request: the details');
    assert.equal(recorded.length, 0);
    assert.equal(known.staleRetryAt, staleRetryAt(readAt, lastReadAt, CACHE_MS));
  });

  it("takes the list's word once they disagreed for the limit, saying so on the run", async () => {
    const { reader, listed, known, recorded, advance } = staleJob();
    await reader.read(listed, known);
    advance(LIMIT_MS - 1);
    await reader.read(listed, known);
    assert.equal(recorded.length, 0, 'not yet: one millisecond short of the limit');
    advance(1);
    await reader.read(listed, known);
    assert.equal(recorded.length, 1);
    assert.equal(recorded[0]!.state, 'CANCELED');
    assert.match(recorded[0]!.weirNote ?? '', /job list shows CANCELED; its details still said RUNNING after 10 s/);
    assert.equal(known.staleRetryAt, undefined, 'nothing left to wait for');
  });
});
