// The rule a new install starts with, on every database engine: present once, silent until a
// channel is added but still recording incidents, and never added where rules already exist.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { AuditService } from '../audit/audit.service.js';
import { AuditStore } from '../audit/audit.store.js';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { ClustersStore } from '../clusters/clusters.store.js';
import { DEFAULT_ALERT_RULE_NAME as SHOWN_TRANSLATED } from '@weir/contract';
import { DEFAULT_ALERT_RULE_NAME } from '../db/migrations/2026-12-06-003-default-alert-rule.js';
import { migrateDown, migrateToLatest } from '../db/migrations/index.js';
import type { Database } from '../db/database.js';
import { EventBus, type RunRef, type RunStatus } from '../events/events.js';
import { RunsStore } from '../runs/runs.store.js';
import { SecretBox } from '../secrets/secret-box.js';
import { TasksStore } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { testOutbound } from '../test-support/weir.js';
import { createAlerting } from './alerting.js';

const MIGRATION = '2026-12-06-003-default-alert-rule';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

forEachDatabase('the default alert rule', (getDb) => {
  const alertingOn = (database: Database) =>
    createAlerting({
      database,
      audit: new AuditService(new AuditStore(database), quiet),
      secrets: SecretBox.fromKey(randomBytes(32).toString('hex')),
      outbound: testOutbound(),
      publicUrl: 'http://weir.test',
      log: quiet,
    });

  /** Back to the schema before the migration (and any later ones), so it can run again. */
  async function revert(database: Database): Promise<void> {
    const executed = async () => (await database.db.selectFrom('kysely_migration' as never).select('name' as never).execute()).map((r) => (r as { name: string }).name);
    while ((await executed()).includes(MIGRATION)) await migrateDown(database);
  }

  it('a new install has one rule for every job on FAILED and UNKNOWN, without a channel', async () => {
    const rules = await alertingOn(getDb()).service.listRules();
    assert.equal(rules.length, 1);
    const [rule] = rules;
    assert.equal(rule!.name, DEFAULT_ALERT_RULE_NAME);
    assert.equal(rule!.name, SHOWN_TRANSLATED, 'the web app knows the rule by the name the migration gives it');
    assert.equal(rule!.enabled, true);
    assert.deepEqual(rule!.condition, { kind: 'status', statuses: ['FAILED', 'UNKNOWN'] });
    assert.deepEqual(rule!.scope, { kind: 'all' });
    assert.deepEqual(rule!.channelIds, []);
    assert.equal(rule!.teamId, null, 'Weir-wide: every team is covered');
  });

  it('a failure opens an incident of it (listed, sending nothing); UNKNOWN does too', async () => {
    const database = getDb();
    const alerting = alertingOn(database);
    const bus = new EventBus(quiet);
    const stop = alerting.engine.listen(bus);
    try {
      const clusterId = (await new ClustersStore(database).create({ name: `c-${randomBytes(3).toString('hex')}`, restUrl: 'http://127.0.0.1:1' })).id;
      const run = async (name: string): Promise<RunRef> => {
        const task = await new TasksStore(database).create({ name, kind: 'SQL', executionMode: 'STREAMING', clusterId, lifecycle: 'DEVELOP' });
        const { run } = await new RunsStore(database).upsertByJob({ taskId: task.id, clusterId, flinkJobId: randomBytes(16).toString('hex'), jobName: name, status: 'RUNNING', executionMode: 'STREAMING', startTime: Date.now() });
        return { runId: run.id, taskId: task.id, taskName: name, clusterId, clusterName: 'c', flinkJobId: run.flinkJobId, jobName: name };
      };
      const status = (ref: RunRef, to: RunStatus) => bus.publish({ type: 'run.status', from: 'RUNNING', to, at: Date.now(), restartCount: 0, ...ref });
      const failed = await run('orders-etl');
      const lost = await run('clicks-etl');
      status(failed, 'FAILED');
      status(lost, 'UNKNOWN');
      await alerting.engine.idle();
      for (const [ref, to] of [[failed, 'FAILED'], [lost, 'UNKNOWN']] as const) {
        const incidents = await alerting.service.incidentsPage({ runId: ref.runId });
        assert.deepEqual(incidents.items.map((i) => [i.state, i.summary]), [['FIRING', `status became ${to}`]]);
        assert.deepEqual(incidents.items[0]?.summaryCode, { code: 'statusBecame', params: { status: to } }, "the summary's code, for the reader's language");
        assert.equal((await alerting.service.history({ runId: ref.runId })).items.length, 0, 'no channel, so no notice');
      }
    } finally {
      stop();
    }
  });

  it('turning it off is logged as what changed, before → after', async () => {
    const database = getDb();
    const alerting = alertingOn(database);
    const [rule] = await alerting.service.listRules();
    await alerting.service.updateRule(SYSTEM_PRINCIPAL, rule!.id, { enabled: false, name: rule!.name });
    const entry = (await new AuditStore(database).list({ action: 'alert.rule.update' })).items[0]!;
    assert.equal(entry.targetName, DEFAULT_ALERT_RULE_NAME);
    assert.deepEqual(JSON.parse(entry.detail!), { changes: { enabled: { before: true, after: false } } });
    await alerting.service.updateRule(SYSTEM_PRINCIPAL, rule!.id, { enabled: true });
  });

  it('is added once, and not to a database that already has rules', async () => {
    const database = getDb();
    const db = database.db as unknown as Kysely<any>;
    const names = async () => (await db.selectFrom('alert_rules').select('name').orderBy('name').execute()).map((r) => r.name as string);
    // An install that already set alerts up: its rules stay its own.
    await revert(database);
    assert.deepEqual(await names(), [], 'reverting removes the rule as the migration made it');
    await alertingOn(database).service.createRule(SYSTEM_PRINCIPAL, {
      name: 'pager on failure',
      enabled: true,
      condition: { kind: 'status', statuses: ['FAILED'] },
      scope: { kind: 'all' },
      channelIds: [],
      renotifyIntervalMs: null,
    });
    await migrateToLatest(database);
    assert.deepEqual(await names(), ['pager on failure']);
    // One that has none gets exactly one, however many times Weir starts.
    await revert(database);
    await db.deleteFrom('alert_rules').execute();
    await migrateToLatest(database);
    await migrateToLatest(database);
    assert.deepEqual(await names(), [DEFAULT_ALERT_RULE_NAME]);
  });
});
