import assert from 'node:assert/strict';
import type { RunTransition } from '../runs/runs.store.js';

const WEIR_ONLY = new Set(['RECONNECTING', 'UNKNOWN']);

/**
 * Asserts that a run's transitions marked `flink` are exactly Flink's own, as `GET /jobs/:jid`
 * reports them in `timestamps` (per status, the LAST time the job entered it): in order, once
 * each, every status Flink reports recorded, the latest entry of each at Flink's time for it,
 * and none of Weir's own statuses among them.
 */
export function assertFlinkTransitions(transitions: readonly RunTransition[], timestamps: Record<string, number>, context = ''): void {
  const fromFlink = transitions.filter((t) => t.source === 'flink');
  const shown = `${context}: ${transitions.map((t) => `${t.toStatus}@${t.at}(${t.source})`).join(' → ')} vs Flink ${JSON.stringify(timestamps)}`;
  for (const t of transitions) if (WEIR_ONLY.has(t.toStatus)) assert.equal(t.source, 'weir', `${t.toStatus} is Weir's own — ${shown}`);
  for (let i = 1; i < fromFlink.length; i++) {
    assert.ok(fromFlink[i]!.at >= fromFlink[i - 1]!.at, `Flink's transitions in Flink's order — ${shown}`);
    assert.notEqual(fromFlink[i]!.toStatus, fromFlink[i - 1]!.toStatus, `no Flink status recorded twice in a row — ${shown}`);
  }
  const entered = Object.entries(timestamps).filter(([, at]) => at > 0);
  for (const [status, at] of entered) {
    const recorded = fromFlink.filter((t) => t.toStatus === status);
    assert.ok(recorded.length > 0, `Flink's ${status} is recorded — ${shown}`);
    assert.equal(recorded.at(-1)!.at, at, `the latest ${status} at Flink's time for it — ${shown}`);
    for (const earlier of recorded.slice(0, -1)) assert.ok(earlier.at < at, `an earlier ${status} before Flink's latest — ${shown}`);
  }
  for (const t of fromFlink) assert.ok(timestamps[t.toStatus]! > 0, `${t.toStatus} is a status Flink reports — ${shown}`);
}
