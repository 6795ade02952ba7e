import type { Database } from '../db/database.js';

/**
 * Each cluster's push-token generation (the `push_token_generation` column of `clusters`): read on
 * every push, so a rotation on any instance refuses the old token on every instance at once.
 */
export class PushTokenGenerationsStore {
  constructor(private readonly database: Database) {}

  /** The cluster's current generation; undefined when no such cluster is registered. */
  async get(clusterId: string): Promise<number | undefined> {
    const row = await this.database.db.selectFrom('clusters').select('push_token_generation').where('id', '=', clusterId).executeTakeFirst();
    return row === undefined ? undefined : Number(row.push_token_generation);
  }

  /**
   * Moves the cluster to its next generation and returns it; undefined when it is not registered.
   * Raised in the database (not read, then written) so two rotations at once both take effect and
   * each caller is answered a generation no older than its own.
   */
  async advance(clusterId: string): Promise<number | undefined> {
    const result = await this.database.db
      .updateTable('clusters')
      .set((eb) => ({ push_token_generation: eb('push_token_generation', '+', 1) }))
      .where('id', '=', clusterId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    return this.get(clusterId);
  }
}
