import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TaskFact } from './alert-facts.js';
import { exceptionFingerprint, ruleCoversCluster, ruleCoversTask } from './alert-rule-scope.js';
import type { StoredRule } from './alert-rules.store.js';

const rule = (over: Partial<StoredRule>): StoredRule => ({ teamId: null, scope: { kind: 'all' }, ...over }) as StoredRule;
const task: TaskFact = { id: 't1', name: 'orders', lifecycle: 'ONLINE', teamId: 'payments' };

describe('which tasks and clusters a rule speaks for', () => {
  it("a team's rule speaks only for its team's tasks; a Weir-wide rule for all, even a task Weir forgot", () => {
    assert.equal(ruleCoversTask(rule({ teamId: 'payments' }), 't1', task), true);
    assert.equal(ruleCoversTask(rule({ teamId: 'search' }), 't1', task), false);
    assert.equal(ruleCoversTask(rule({ teamId: 'search' }), 't1', undefined), false);
    assert.equal(ruleCoversTask(rule({}), 't1', undefined), true);
  });

  it("then the rule's scope narrows: named tasks, or lifecycles (a forgotten task has none)", () => {
    assert.equal(ruleCoversTask(rule({ scope: { kind: 'tasks', taskIds: ['t2'] } }), 't1', task), false);
    assert.equal(ruleCoversTask(rule({ scope: { kind: 'tasks', taskIds: ['t1'] } }), 't1', task), true);
    assert.equal(ruleCoversTask(rule({ scope: { kind: 'lifecycles', lifecycles: ['ONLINE'] } }), 't1', task), true);
    assert.equal(ruleCoversTask(rule({ scope: { kind: 'lifecycles', lifecycles: ['OFFLINE'] } }), 't1', task), false);
    assert.equal(ruleCoversTask(rule({ scope: { kind: 'lifecycles', lifecycles: ['ONLINE'] } }), 't1', undefined), false);
  });

  it("a team's cluster rule covers its clusters and the shared ones, not another team's", () => {
    assert.equal(ruleCoversCluster(rule({ teamId: 'payments' }), 'payments'), true);
    assert.equal(ruleCoversCluster(rule({ teamId: 'payments' }), null), true);
    assert.equal(ruleCoversCluster(rule({ teamId: 'payments' }), 'search'), false);
    assert.equal(ruleCoversCluster(rule({}), undefined), true);
  });
});

describe('the fingerprint that makes a restart loop raise one exception alert', () => {
  it('ignores the numbers in the first message line, and nothing else', () => {
    const a = exceptionFingerprint('java.io.IOException', 'partition 3 at offset 1200 unreachable\nmore');
    assert.equal(a, exceptionFingerprint('java.io.IOException', 'partition 7 at offset 99 unreachable\nother lines'));
    assert.notEqual(a, exceptionFingerprint('java.io.EOFException', 'partition 3 at offset 1200 unreachable'));
    assert.notEqual(a, exceptionFingerprint('java.io.IOException', 'partition 3 at offset 1200 refused'));
  });
});
