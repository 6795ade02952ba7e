import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { BOOL, ID, INT, TIME, createTable, longText, varchar } from './portable.js';

/**
 * Alert channels, rules, silences, incidents and the delivery outbox. Channels and rules are
 * soft-deleted (deleted_at) so the history keeps their names. No foreign keys to tasks, runs or
 * clusters: an incident stays readable after its job or cluster is removed.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const text = longText(dialect);

  await createTable(db, dialect, 'alert_channels')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', varchar(200), (c) => c.notNull())
    .addColumn('type', varchar(16), (c) => c.notNull())
    // JSON; secret fields hold SecretBox-sealed text, never the clear value.
    .addColumn('config', text, (c) => c.notNull())
    .addColumn('enabled', BOOL, (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', varchar(200), (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('deleted_at', TIME)
    .execute();

  await createTable(db, dialect, 'alert_rules')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', varchar(200), (c) => c.notNull())
    .addColumn('condition_kind', varchar(32), (c) => c.notNull())
    .addColumn('condition', text, (c) => c.notNull())
    .addColumn('scope', text, (c) => c.notNull())
    .addColumn('channel_ids', text, (c) => c.notNull())
    .addColumn('renotify_interval_ms', TIME)
    .addColumn('enabled', BOOL, (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', varchar(200), (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('deleted_at', TIME)
    .execute();
  await db.schema.createIndex('alert_rules_kind_idx').on('alert_rules').column('condition_kind').execute();

  await createTable(db, dialect, 'alert_silences')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('rule_id', ID)
    .addColumn('task_id', ID)
    .addColumn('starts_at', TIME, (c) => c.notNull())
    .addColumn('ends_at', TIME, (c) => c.notNull())
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('created_by', varchar(200), (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_silences_ends_at_idx').on('alert_silences').column('ends_at').execute();

  // dedup_key is unique: one open incident per rule and subject. A resolved incident whose
  // condition may recur gets its key suffixed with its own id, freeing the key for the next one.
  await createTable(db, dialect, 'alert_incidents')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('rule_id', ID, (c) => c.notNull())
    .addColumn('condition_kind', varchar(32), (c) => c.notNull())
    .addColumn('dedup_key', varchar(255), (c) => c.notNull())
    .addColumn('task_id', ID)
    .addColumn('run_id', ID)
    .addColumn('cluster_id', ID)
    .addColumn('state', varchar(16), (c) => c.notNull())
    .addColumn('opened_at', TIME, (c) => c.notNull())
    .addColumn('resolved_at', TIME)
    .addColumn('resolve_reason', varchar(32))
    .addColumn('last_notified_at', TIME)
    .addColumn('facts', text, (c) => c.notNull())
    .addUniqueConstraint('alert_incidents_dedup_key_uq', ['dedup_key'])
    .execute();
  await db.schema.createIndex('alert_incidents_state_rule_idx').on('alert_incidents').columns(['state', 'rule_id']).execute();
  await db.schema.createIndex('alert_incidents_task_idx').on('alert_incidents').columns(['task_id', 'opened_at']).execute();
  await db.schema.createIndex('alert_incidents_run_idx').on('alert_incidents').column('run_id').execute();

  // The outbox: one row per attempt. A row is written in the same transaction as the incident
  // change that calls for it; the sender claims due rows with a guarded UPDATE.
  await createTable(db, dialect, 'alert_deliveries')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('notification_id', ID, (c) => c.notNull())
    .addColumn('incident_id', ID)
    .addColumn('channel_id', ID, (c) => c.notNull())
    .addColumn('kind', varchar(16), (c) => c.notNull())
    .addColumn('attempt', INT, (c) => c.notNull())
    .addColumn('status', varchar(16), (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('next_attempt_at', TIME)
    .addColumn('claimed_by', varchar(64))
    .addColumn('claimed_at', TIME)
    .addColumn('sent_at', TIME)
    .addColumn('finished_at', TIME)
    .addColumn('error', text)
    .addColumn('request', text)
    .addColumn('response', text)
    .addForeignKeyConstraint('alert_deliveries_incident_fk', ['incident_id'], 'alert_incidents', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('alert_deliveries_status_next_idx')
    .on('alert_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('alert_deliveries_incident_idx').on('alert_deliveries').columns(['incident_id', 'channel_id']).execute();
  await db.schema.createIndex('alert_deliveries_channel_idx').on('alert_deliveries').columns(['channel_id', 'created_at']).execute();
  await db.schema.createIndex('alert_deliveries_created_idx').on('alert_deliveries').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['alert_deliveries', 'alert_incidents', 'alert_silences', 'alert_rules', 'alert_channels']) {
    await db.schema.dropTable(table).execute();
  }
}
