import type { SessionInfo } from '@weir/contract';
import { AppError, ConflictError, DirectoryUnavailableError, UnauthenticatedError } from '../errors/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import type { GroupRoleMapping } from '../config/identity-settings.js';
import type { TeamsStore } from '../teams/teams.store.js';
import { isUniqueViolation } from '../db/errors.js';
import { accessForGroups, type DirectoryAnswer, type ExternalIdentity } from './external-identity.js';
import type { LoginThrottle } from './login-throttle.js';
import type { UserRecord, UsersStore } from './users.store.js';
import { anonymous, type UserAccess } from './user-access.js';

export const SOURCE_NAMES = { oidc: 'single sign-on', ldap: 'the directory (LDAP)' } as const;

export interface ExternalLoginDeps {
  users: UsersStore;
  teams: TeamsStore;
  audit: AuditService;
  access: UserAccess;
  /** The same throttle as Weir passwords, so a directory password is no cheaper to guess. */
  throttle: LoginThrottle;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Opens the session once the user is known; shared with the password login. */
  startSession: (user: UserRecord, now: number, detail?: Record<string, unknown>) => Promise<{ sessionToken: string; info: SessionInfo }>;
}

/**
 * Logins that someone else vouches for: a directory (LDAP) password or a single-sign-on provider.
 * The provider's groups decide the user's roles at every login; AuthService opens the session.
 */
export class ExternalLogin {
  private readonly users: UsersStore;
  private readonly teams: TeamsStore;
  private readonly audit: AuditService;
  private readonly access: UserAccess;
  private readonly throttle: LoginThrottle;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly startSession: ExternalLoginDeps['startSession'];

  constructor(deps: ExternalLoginDeps) {
    ({ users: this.users, teams: this.teams, audit: this.audit, access: this.access, throttle: this.throttle, sleep: this.sleep, now: this.now, startSession: this.startSession } = deps);
  }
  /**
   * A login with a directory password (LDAP): the same throttle and the same answer as a Weir
   * password. Unknown user and wrong password both answer "Wrong username or password" (the audit
   * tells them apart); an unreachable or misconfigured directory answers 503, is audited with its
   * reason and counts as no failed guess (nobody guessed). A user the directory vouched for goes on
   * through loginExternal (group → role, refusals). The password goes to `check` and nowhere else.
   */
  async withDirectory(
    username: string,
    password: string,
    address: string,
    check: (username: string, password: string) => Promise<DirectoryAnswer>,
    mapping: GroupRoleMapping,
  ): Promise<{ sessionToken: string; info: SessionInfo }> {
    const attempt = this.throttle.begin(address, username, this.now());
    let answer: DirectoryAnswer;
    try {
      if (attempt.delayMs > 0) await this.sleep(attempt.delayMs);
      answer = await check(username, password);
    } catch (err) {
      attempt.failed();
      throw err;
    }
    if (answer.ok) {
      attempt.succeeded();
      return this.login(answer.identity, mapping, address);
    }
    // Not a guess: the directory could not judge the password, so an outage counts against nobody.
    if (answer.failure === 'wrong-credentials') attempt.failed();
    else attempt.undecided();
    await this.audit.record(anonymous('unknown', username), 'auth.login', { type: 'user', name: username }, 'failure', {
      reason: answer.failure === 'wrong-credentials' ? answer.reason : `directory ${answer.failure}: ${answer.reason}`,
      source: 'ldap',
      address,
    });
    if (answer.failure === 'wrong-credentials') throw new UnauthenticatedError('Wrong username or password');
    throw new DirectoryUnavailableError(
      answer.failure === 'unreachable'
        ? 'The directory cannot be reached, so Weir cannot check your password; try again later or ask an admin'
        : 'Logging in through the directory is misconfigured in Weir; ask an admin (the audit log has the reason)',
    );
  }

  /**
   * Logs in a user that an identity provider or directory vouched for: found by the provider's
   * subject, created at the first login, given at every login the role its groups map to now (a
   * demotion also revokes the tokens it made above the new role, as an admin's demotion does).
   * Refused, audited and without a session: a user in no mapped group, a disabled user, and a
   * username already taken by another account (never merged: that would let a provider take over
   * a local account).
   */
  async login(identity: ExternalIdentity, mapping: GroupRoleMapping, address: string): Promise<{ sessionToken: string; info: SessionInfo }> {
    const now = this.now();
    const via = SOURCE_NAMES[identity.source];
    const refuse = async (reason: string, error: AppError, userId?: string): Promise<never> => {
      await this.audit.record(
        anonymous(userId ?? 'unknown', identity.username),
        'auth.login',
        { type: 'user', ...(userId ? { id: userId } : {}), name: identity.username },
        'failure',
        { reason, source: identity.source, address, groups: identity.groups.slice(0, 50) },
      );
      throw error;
    };
    const granted = accessForGroups(identity.groups, mapping);
    const teamIds = granted ? await this.teams.idsByName(granted.teams.map((t) => t.team)) : new Map<string, string>();
    const memberships = (granted?.teams ?? []).flatMap((t) => (teamIds.has(t.team) ? [{ teamId: teamIds.get(t.team)!, role: t.role }] : []));
    if (!granted || (granted.globalRole === 'none' && memberships.length === 0)) {
      return refuse('in no mapped group', new AppError('FORBIDDEN', `You logged in through ${via}, but none of your groups gives a role in Weir; ask an admin to add you to one`, { reason: 'no-role' }));
    }
    const unknownTeams = (granted.teams ?? []).filter((t) => !teamIds.has(t.team)).map((t) => t.team);
    let user = await this.users.findByExternalSubject(identity.source, identity.subject);
    if (!user) {
      const sameName = await this.users.findByUsername(identity.username);
      if (sameName) {
        return refuse('username taken', new ConflictError(`Weir already has a different account named ${identity.username}; ask an admin to rename or remove it`, { reason: 'account-conflict' }), sameName.id);
      }
      try {
        user = await this.users.create({
          username: identity.username,
          displayName: identity.displayName,
          role: granted.globalRole,
          passwordHash: '',
          external: { source: identity.source, subject: identity.subject },
        });
        await this.audit.record(SYSTEM_PRINCIPAL, 'user.create', { type: 'user', id: user.id, name: user.username }, 'success', { role: granted.globalRole, source: identity.source, because: granted.because });
      } catch (err) {
        // Two first logins at once: the other one created the user.
        if (!isUniqueViolation(err)) throw err;
        user = await this.users.findByExternalSubject(identity.source, identity.subject);
        if (!user) return refuse('username taken', new ConflictError(`Weir already has a different account named ${identity.username}; ask an admin to rename or remove it`, { reason: 'account-conflict' }));
      }
    }
    if (user.disabled) return refuse('disabled', new AppError('FORBIDDEN', 'Your Weir account is disabled; ask an admin', { reason: 'disabled' }), user.id);
    const before = await this.access.of(user);
    if (user.role !== granted.globalRole || user.displayName !== identity.displayName) {
      user = await this.users.update(user.id, { role: granted.globalRole, displayName: identity.displayName });
    }
    await this.teams.replaceMemberships(user.id, memberships);
    const after = await this.access.of(user);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      const tokensRevoked = await this.access.revokeTokensBeyond(user.id, after);
      await this.audit.record(SYSTEM_PRINCIPAL, 'user.update', { type: 'user', id: user.id, name: user.username }, 'success', {
        role: granted.globalRole,
        teams: memberships,
        because: granted.because,
        source: identity.source,
        ...(unknownTeams.length > 0 ? { unknownTeams } : {}),
        ...(tokensRevoked.length > 0 ? { tokensRevoked } : {}),
      });
    }
    return this.startSession(user, now, { source: identity.source, because: granted.because });
  }

  /** Records a login through a provider that failed before Weir knew who it was (provider down, forged return…). */
  async failed(source: ExternalIdentity['source'], reason: string, address: string, message: string): Promise<void> {
    await this.audit.record(anonymous('unknown', 'unknown'), 'auth.login', { type: 'user', name: 'unknown' }, 'failure', { reason, source, address, message: message.slice(0, 500) });
  }
}
