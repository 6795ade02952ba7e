import type { Selectable, Updateable } from 'kysely';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import { inTransaction } from '../db/transactions.js';
import type { UsersTable } from '../db/tables.js';

export type UserRole = UsersTable['role'];
export type AuthSource = 'local' | 'oidc' | 'ldap';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string | null;
  passwordHash: string;
  role: UserRole;
  failedLogins: number;
  lockedUntil: number | null;
  disabled: boolean;
  authSource: AuthSource;
  /** The provider's name for an external user (OIDC `sub`, LDAP DN); null for local users. */
  externalSubject: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewUser {
  username: string;
  displayName?: string | null;
  /** Empty for external users: no password of theirs is ever known to Weir. */
  passwordHash: string;
  role: UserRole;
  /** Default: local. */
  external?: { source: Exclude<AuthSource, 'local'>; subject: string };
}

export interface UserChanges {
  displayName?: string | null;
  role?: UserRole;
  disabled?: boolean;
}

/** Weir's user accounts. A duplicate username raises the driver's unique violation. */
export class UsersStore {
  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async create(user: NewUser): Promise<UserRecord> {
    const now = this.now();
    const row = {
      id: newId(now),
      username: user.username,
      display_name: user.displayName ?? null,
      password_hash: user.passwordHash,
      role: user.role,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
      disabled: 0,
      auth_source: user.external?.source ?? ('local' as AuthSource),
      external_subject: user.external?.subject ?? null,
    };
    await this.database.db.insertInto('users').values(row).execute();
    return toUser(row);
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const row = await this.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const row = await this.database.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return row && toUser(row);
  }

  /** The user an identity provider or directory knows by this subject. */
  async findByExternalSubject(source: Exclude<AuthSource, 'local'>, subject: string): Promise<UserRecord | undefined> {
    const row = await this.database.db
      .selectFrom('users')
      .selectAll()
      .where('auth_source', '=', source)
      .where('external_subject', '=', subject)
      .executeTakeFirst();
    return row && toUser(row);
  }

  /** All users by username. */
  async list(): Promise<UserRecord[]> {
    const rows = await this.database.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const { count } = await this.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  /** Applies the given changes; returns the user after them. Throws when the user does not exist. */
  async update(id: string, changes: UserChanges): Promise<UserRecord> {
    const set: Updateable<UsersTable> = { updated_at: this.now() };
    if (changes.displayName !== undefined) set.display_name = changes.displayName;
    if (changes.role !== undefined) set.role = changes.role;
    if (changes.disabled !== undefined) set.disabled = changes.disabled ? 1 : 0;
    await this.database.db.updateTable('users').set(set).where('id', '=', id).execute();
    const user = await this.findById(id);
    if (!user) throw new Error(`User ${id} does not exist`);
    return user;
  }

  async setRole(id: string, role: UserRole): Promise<boolean> {
    return this.updateRow(id, { role });
  }

  async updatePassword(id: string, passwordHash: string): Promise<boolean> {
    return this.updateRow(id, { password_hash: passwordHash, failed_logins: 0, locked_until: null });
  }

  /**
   * Adds one failed login; returns the count of failures in a row. The update's row lock is held
   * until the read in the same transaction, so concurrent failures each see their own count.
   */
  async recordFailedLogin(id: string): Promise<number> {
    return inTransaction(this.database.db, async (trx) => {
      await trx
        .updateTable('users')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), updated_at: this.now() }))
        .where('id', '=', id)
        .execute();
      const row = await trx.selectFrom('users').select('failed_logins').where('id', '=', id).executeTakeFirst();
      return Number(row?.failed_logins ?? 0);
    });
  }

  async resetFailedLogins(id: string): Promise<boolean> {
    return this.updateRow(id, { failed_logins: 0, locked_until: null });
  }

  async lock(id: string, until: number): Promise<boolean> {
    return this.updateRow(id, { locked_until: until });
  }

  private async updateRow(id: string, set: Updateable<UsersTable>): Promise<boolean> {
    const result = await this.database.db
      .updateTable('users')
      .set({ ...set, updated_at: this.now() })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    failedLogins: Number(row.failed_logins),
    lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    disabled: Number(row.disabled) === 1,
    authSource: row.auth_source,
    externalSubject: row.external_subject,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
