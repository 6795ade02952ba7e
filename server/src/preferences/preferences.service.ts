import { UserPreferences, type UpdateUserPreferencesRequest } from '@weir/contract';
import type { Principal } from '../access/principal.js';
import { ForbiddenError } from '../errors/errors.js';
import type { PreferencesStore } from './preferences.store.js';

const NOTHING_CHOSEN: UserPreferences = { theme: null };

/**
 * A user's own preferences (light or dark), on the server so they follow the user to every browser.
 * Not recorded in the audit log: they change how Weir looks to one person, nothing anyone operates.
 */
export class PreferencesService {
  constructor(private readonly store: PreferencesStore) {}

  async get(principal: Principal): Promise<UserPreferences> {
    return readPreferences(await this.store.read(userOf(principal)));
  }

  async update(principal: Principal, changes: UpdateUserPreferencesRequest): Promise<UserPreferences> {
    const userId = userOf(principal);
    await this.store.write(userId, changes);
    return readPreferences(await this.store.read(userId));
  }
}

/**
 * The stored values the contract still accepts, each on its own: a value an older or newer Weir wrote
 * that this one does not know reads as never chosen, instead of failing the whole answer.
 */
export function readPreferences(stored: Readonly<Record<string, unknown>>): UserPreferences {
  const preferences: Record<string, unknown> = { ...NOTHING_CHOSEN };
  for (const [name, field] of Object.entries(UserPreferences.shape)) {
    const parsed = field.safeParse(stored[name]);
    if (parsed.success && parsed.data !== null) preferences[name] = parsed.data;
  }
  return preferences as UserPreferences;
}

function userOf(principal: Principal): string {
  if (principal.kind !== 'user') throw new ForbiddenError('An API token has no preferences: they belong to a user who logs in');
  return principal.id;
}
