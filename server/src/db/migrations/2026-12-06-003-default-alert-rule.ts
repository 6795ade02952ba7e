import type { Kysely } from 'kysely';
import { newId } from '../ids.js';

/** Its name in the rules list; the web app shows it as written, like every rule name. */
export const DEFAULT_ALERT_RULE_NAME = 'A job fails or becomes UNKNOWN';

/**
 * A first failure should not be silent: a Weir without alert rules gets one, for every job of every
 * team, on FAILED and UNKNOWN (Weir lost track of the job). It has no channel, because Weir cannot
 * guess where to send; its incidents are still recorded and listed, and the rules page says that
 * the rule notifies nobody until a channel is added. Only a database with no rule at all (a new
 * install, or one that never set alerts up) gets it, and only once: a migration runs once per
 * database, so a rule an admin deleted stays deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const existing = await db.selectFrom('alert_rules').select('id').limit(1).execute();
  if (existing.length > 0) return;
  const now = Date.now();
  await db
    .insertInto('alert_rules')
    .values({
      id: newId(now),
      name: DEFAULT_ALERT_RULE_NAME,
      condition_kind: 'status',
      condition: JSON.stringify({ kind: 'status', statuses: ['FAILED', 'UNKNOWN'] }),
      scope: JSON.stringify({ kind: 'all' }),
      channel_ids: '[]',
      renotify_interval_ms: null,
      enabled: 1,
      team_id: null,
      created_by: 'weir',
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
}

/** Removes the rule only while it is as this migration made it: one an admin changed is theirs. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('alert_rules').where('created_by', '=', 'weir').where('name', '=', DEFAULT_ALERT_RULE_NAME).where('channel_ids', '=', '[]').execute();
}
