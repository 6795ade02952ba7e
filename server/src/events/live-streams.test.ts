import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makePrincipal, type Principal } from '../access/principal.js';
import { EventAudience, type EventOwnerLookup } from './event-audience.js';
import { EventBus, type WeirEvent } from './events.js';
import { LiveStreams } from './live-streams.js';

const quiet = { warn: () => undefined, error: () => undefined };
const settings = { perPrincipal: 10, recheckMs: 60_000 };

const status = (taskId: string, jobName: string): WeirEvent => ({
  type: 'run.status', from: 'RUNNING', to: 'FAILED', at: 1, restartCount: 0, runId: 'R', taskId, taskName: jobName, clusterId: 'C', clusterName: 'c', flinkJobId: 'f', jobName,
});
const health = (clusterId: string): WeirEvent => ({ type: 'cluster.health', clusterId, clusterName: clusterId, from: 'HEALTHY', to: 'UNREACHABLE', at: 1, error: null });
const label = (event: WeirEvent) => (event.type === 'cluster.health' ? event.clusterId : event.type === 'credentials.revoked' ? 'revoked' : event.jobName);

/** A live-streams hub over a bus, with `count` team-A pages recording what they hear. */
function hub(ownerOf: EventOwnerLookup, count: number, now: () => number = Date.now) {
  const bus = new EventBus(quiet);
  const streams = new LiveStreams(bus, async () => true, settings, quiet, new EventAudience(ownerOf, { clusterTtlMs: 1_000, maxTasks: 100 }, now));
  const heard: string[][] = [];
  for (let i = 0; i < count; i++) {
    const got: string[] = [];
    heard.push(got);
    const principal: Principal = makePrincipal({ kind: 'user', id: `u${i}`, name: `u${i}` }, 'none', { A: 'viewer' });
    streams.add({ principal, send: (event) => got.push(label(event)), end: () => undefined });
  }
  /** Resolves once every page heard its event labelled `last`. */
  const heardAll = async (last: string) => {
    while (!heard.every((got) => got.includes(last))) await new Promise((resolve) => setImmediate(resolve));
  };
  return { bus, streams, heard, heardAll };
}

describe('LiveStreams and EventAudience', () => {
  it('look a task’s team up once for every page and every later event about it', async () => {
    const asked: string[] = [];
    const { bus, streams, heard, heardAll } = hub(async (kind, id) => {
      asked.push(`${kind}:${id}`);
      return id === 'TA' ? 'A' : 'B';
    }, 3);
    for (let i = 0; i < 5; i++) bus.publish(status('TA', `a${i}`));
    bus.publish(status('TB', 'b'));
    bus.publish(status('TA', 'last'));
    await heardAll('last');
    assert.deepEqual(asked, ['task:TA', 'task:TB']);
    for (const got of heard) assert.deepEqual(got, ['a0', 'a1', 'a2', 'a3', 'a4', 'last']);
    streams.stop();
  });

  it('keep the order events came in even when a team lookup is slow', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { bus, streams, heard, heardAll } = hub(async (_kind, id) => {
      if (id === 'SLOW') await slow;
      return 'A';
    }, 1);
    bus.publish(status('SLOW', 'first'));
    bus.publish(status('FAST', 'second'));
    release();
    await heardAll('second');
    assert.deepEqual(heard[0], ['first', 'second']);
    streams.stop();
  });

  it('trust a cluster’s team only for a short while: a cluster given to another team goes quiet for the first, a shared one is heard again', async () => {
    let clock = 0;
    let owner: string | null = 'A';
    const { bus, streams, heard, heardAll } = hub(async (kind) => (kind === 'cluster' ? owner : 'A'), 1, () => clock);
    bus.publish(health('K'));
    bus.publish(status('T', 'mark-1'));
    await heardAll('mark-1');
    owner = 'B';
    clock = 1_001;
    bus.publish(health('K'));
    bus.publish(status('T', 'mark-2'));
    await heardAll('mark-2');
    owner = null; // shared now, but the answer from 1 001 still holds until 2 001
    clock = 1_500;
    bus.publish(health('K'));
    bus.publish(status('T', 'mark-3'));
    await heardAll('mark-3');
    clock = 2_100;
    bus.publish(health('K'));
    bus.publish(status('T', 'mark-4'));
    await heardAll('mark-4');
    assert.deepEqual(heard[0], ['K', 'mark-1', 'mark-2', 'mark-3', 'K', 'mark-4']);
    streams.stop();
  });
});
