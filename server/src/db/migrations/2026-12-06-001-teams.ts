import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ID, TIME, createTable, varchar } from './portable.js';

/** The team that owns everything made before teams existed (DEFAULT_TEAM_ID in the contract). */
const DEFAULT_TEAM = 'default';

/**
 * Teams: who sees and operates what. Tasks, clusters, alert rules, channels and silences belong to a
 * team; users have a role per team beside their global role. Everything that exists goes to the
 * default team, and users keep their role as their global role, so nobody loses or gains access by
 * this migration; a cluster, channel, alert rule or silence with no team (null) is shared by every team.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await createTable(db, dialect, 'teams')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', varchar(64), (c) => c.notNull())
    .addColumn('description', varchar(500))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('teams_name_uq', ['name'])
    .execute();
  await db.insertInto('teams').values({ id: DEFAULT_TEAM, name: DEFAULT_TEAM, description: null, created_at: Date.now() }).execute();

  await createTable(db, dialect, 'team_members')
    .addColumn('team_id', ID, (c) => c.notNull())
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('role', varchar(16), (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .addForeignKeyConstraint('team_members_team_fk', ['team_id'], 'teams', ['id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('team_members_user_fk', ['user_id'], 'users', ['id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('team_members_user_id_idx').on('team_members').column('user_id').execute();

  await db.schema.alterTable('tasks').addColumn('team_id', ID, (c) => c.notNull().defaultTo(DEFAULT_TEAM)).execute();
  await db.schema.createIndex('tasks_team_id_idx').on('tasks').column('team_id').execute();
  for (const table of ['clusters', 'alert_channels', 'api_tokens', 'audit_log']) {
    await db.schema.alterTable(table).addColumn('team_id', ID).execute();
  }
  await db.updateTable('clusters').set({ team_id: DEFAULT_TEAM }).execute();
  await db.updateTable('alert_channels').set({ team_id: DEFAULT_TEAM }).execute();
  // Alert rules and silences may be Weir-wide (null): a rule a global admin keeps for every team's
  // jobs (one "any job failed" page for the platform team), and a silence of such a rule. An
  // incident keeps the team it is about (its task's; for a cluster incident the cluster's, or the
  // rule's when the cluster is shared), which decides who lists it and which silences cover it.
  for (const table of ['alert_rules', 'alert_silences', 'alert_incidents']) {
    await db.schema.alterTable(table).addColumn('team_id', ID).execute();
    await db.updateTable(table).set({ team_id: DEFAULT_TEAM }).execute();
    await db.schema.createIndex(`${table}_team_id_idx`).on(table).column('team_id').execute();
  }
  await db.schema.createIndex('audit_log_team_id_at_idx').on('audit_log').columns(['team_id', 'at']).execute();
}

export async function down(db: Kysely<any>, dialect?: DialectName): Promise<void> {
  const dropIndex = async (name: string, table: string) => {
    const drop = db.schema.dropIndex(name);
    await (dialect === 'mysql' ? drop.on(table) : drop).execute();
  };
  await dropIndex('audit_log_team_id_at_idx', 'audit_log');
  for (const table of ['clusters', 'alert_channels', 'api_tokens', 'audit_log']) {
    await db.schema.alterTable(table).dropColumn('team_id').execute();
  }
  for (const table of ['tasks', 'alert_rules', 'alert_silences', 'alert_incidents']) {
    await dropIndex(`${table}_team_id_idx`, table);
    await db.schema.alterTable(table).dropColumn('team_id').execute();
  }
  await db.schema.dropTable('team_members').execute();
  await db.schema.dropTable('teams').execute();
}
