import { createHash, randomBytes } from 'node:crypto';
import type { ApiToken, GlobalRole, Role, SessionInfo, User } from '@weir/contract';
import { ConflictError, DirectoryUnavailableError, ForbiddenError, InputError, NotFoundError, UnauthenticatedError, AppError } from '../errors/errors.js';
import { auditChanges } from '../audit/audit-changes.js';
import type { AuditService } from '../audit/audit.service.js';
import type { WeirEvent } from '../events/events.js';
import type { ApiTokenRecord, ApiTokensStore } from './api-tokens.store.js';
import type { SessionsStore } from './sessions.store.js';
import type { UserRecord, UsersStore } from './users.store.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { coarseRole, makePrincipal, mayAct, roleAllows, roleFor, SYSTEM_PRINCIPAL, teamScope, type Principal } from '../access/principal.js';
import { LoginThrottle, type LoginThrottleSettings } from './login-throttle.js';
import type { GroupRoleMapping } from '../config/identity-settings.js';
import { accessForGroups, type DirectoryAnswer, type ExternalIdentity } from './external-identity.js';
import type { MembershipRecord, TeamsStore } from '../teams/teams.store.js';
import { isUniqueViolation } from '../db/errors.js';

/** The account Weir creates on first start (see initial-admin.ts). */
export const INITIAL_ADMIN_USERNAME = 'admin';

export interface AuthServiceOptions {
  /** A session ends this long after it was idle … */
  sessionTtlMs: number;
  /** … and at the latest this long after login, however active it was (default: 12 h). */
  sessionLifetimeMs?: number;
  /** Limits on password guessing (defaults: DEFAULT_LOGIN_THROTTLE). */
  loginThrottle?: LoginThrottleSettings;
  now?: () => number;
  /** Where credential revocations are announced, so open event streams of them end at once. */
  events?: { publish(event: WeirEvent): void };
  /** Waits out an account's login slow-down; tests record it instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** Called after a user changed their own password (the first admin's kept password is then deleted). */
  onPasswordChanged?: (user: { id: string; username: string }) => void;
  /**
   * Who may log in with a Weir password: everyone with a local account (`on`, the default), only
   * local admins (`admins`: a break-glass account beside single sign-on), or nobody (`off`).
   */
  localLogin?: 'on' | 'admins' | 'off';
}

const SOURCE_NAMES = { oidc: 'single sign-on', ldap: 'the directory (LDAP)' } as const;

const TOKEN_PREFIX = 'weir_';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Logins, sessions, API tokens and users. Session and token secrets are random
 * and only their SHA-256 is stored, so a database dump cannot be replayed.
 */
export class AuthService {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly throttle: LoginThrottle;
  /** Checked against when the username is unknown or disabled, so the answer takes as long as a real check. */
  private dummyHash?: Promise<string>;

  constructor(
    private readonly users: UsersStore,
    private readonly sessions: SessionsStore,
    private readonly tokens: ApiTokensStore,
    private readonly teams: TeamsStore,
    private readonly audit: AuditService,
    private readonly options: AuthServiceOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.throttle = new LoginThrottle(options.loginThrottle);
  }

  /** Creates the first admin when there are no users. Returns the password when Weir generated it. */
  async ensureInitialAdmin(configuredPassword?: string): Promise<{ created: boolean; generatedPassword?: string }> {
    if ((await this.users.count()) > 0) return { created: false };
    const password = configuredPassword ?? generatePassword();
    try {
      await this.users.create({ username: INITIAL_ADMIN_USERNAME, displayName: 'Administrator', role: 'admin', passwordHash: await hashPassword(password) });
    } catch (err) {
      // Another instance created it first.
      if ((await this.users.count()) > 0) return { created: false };
      throw err;
    }
    await this.audit.record(SYSTEM_PRINCIPAL, 'user.create', { type: 'user', name: 'admin' }, 'success');
    return configuredPassword ? { created: true } : { created: true, generatedPassword: password };
  }

  /**
   * The attempt is counted before the password is hashed (see LoginThrottle); unknown, disabled
   * and known users get the same answer after the same work.
   */
  async login(username: string, password: string, address: string): Promise<{ sessionToken: string; info: SessionInfo }> {
    const now = this.now();
    const attempt = this.throttle.begin(address, username, now);
    let user;
    try {
      if (attempt.delayMs > 0) await this.sleep(attempt.delayMs);
      user = await this.checkPassword(username, password, address);
    } catch (err) {
      attempt.failed();
      throw err;
    }
    attempt.succeeded();
    return this.startSession(user, now);
  }

  /**
   * A login with a directory password (LDAP): the same throttle and the same answer as a Weir
   * password. Unknown user and wrong password both answer "Wrong username or password" (the audit
   * tells them apart); an unreachable or misconfigured directory answers 503, is audited with its
   * reason and counts as no failed guess (nobody guessed). A user the directory vouched for goes on
   * through loginExternal (group → role, refusals). The password goes to `check` and nowhere else.
   */
  async loginWithDirectory(
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
      return this.loginExternal(answer.identity, mapping, address);
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
  async loginExternal(identity: ExternalIdentity, mapping: GroupRoleMapping, address: string): Promise<{ sessionToken: string; info: SessionInfo }> {
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
    const before = await this.accessOf(user);
    if (user.role !== granted.globalRole || user.displayName !== identity.displayName) {
      user = await this.users.update(user.id, { role: granted.globalRole, displayName: identity.displayName });
    }
    await this.teams.replaceMemberships(user.id, memberships);
    const after = await this.accessOf(user);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      const tokensRevoked = await this.revokeTokensBeyond(user.id, after);
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
  async externalLoginFailed(source: ExternalIdentity['source'], reason: string, address: string, message: string): Promise<void> {
    await this.audit.record(anonymous('unknown', 'unknown'), 'auth.login', { type: 'user', name: 'unknown' }, 'failure', { reason, source, address, message: message.slice(0, 500) });
  }

  private async startSession(user: UserRecord, now: number, detail?: Record<string, unknown>): Promise<{ sessionToken: string; info: SessionInfo }> {
    const sessionToken = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.sessions.create({ id: sha256(sessionToken), userId: user.id, csrfToken, createdAt: now, expiresAt: this.sessionExpiry(now, now) });
    const access = await this.accessOf(user);
    const principal = makePrincipal({ kind: 'user', id: user.id, name: user.username }, access.globalRole, access.teamRoles);
    await this.audit.record(principal, 'auth.login', { type: 'user', id: user.id, name: user.username }, 'success', detail);
    return { sessionToken, info: { user: toUser(user, access.memberships), csrfToken } };
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.sessionId) {
      await this.sessions.delete(principal.sessionId);
      this.revoked('session', principal.sessionId);
    }
    await this.audit.record(principal, 'auth.logout', { type: 'user', id: principal.id, name: principal.name }, 'success');
  }

  /** Idle expiry slides with activity, but never past the absolute lifetime from login. */
  private sessionExpiry(createdAt: number, now: number): number {
    return Math.min(now + this.options.sessionTtlMs, createdAt + (this.options.sessionLifetimeMs ?? 12 * 3_600_000));
  }

  /** Removes expired sessions (a scheduled job); returns how many. */
  deleteExpiredSessions(): Promise<number> {
    return this.sessions.deleteExpired(this.now());
  }

  /** Resolves a cookie session; sliding expiry up to the absolute lifetime. */
  async principalFromSession(sessionToken: string): Promise<Principal | undefined> {
    const now = this.now();
    const id = sha256(sessionToken);
    const session = await this.sessions.findValid(id, now);
    if (!session) return undefined;
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) return undefined;
    if (now - session.lastSeenAt > 60_000) await this.sessions.touch(id, now, this.sessionExpiry(session.createdAt, now));
    const access = await this.accessOf(user);
    return makePrincipal({ kind: 'user', id: user.id, name: user.username, csrfToken: session.csrfToken, sessionId: id }, access.globalRole, access.teamRoles);
  }

  async principalFromToken(secret: string): Promise<Principal | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
    const token = await this.tokens.findActiveByHash(sha256(secret));
    if (!token) return undefined;
    const now = this.now();
    if (!token.lastUsedAt || now - token.lastUsedAt > 60_000) await this.tokens.touchLastUsed(token.id, now);
    return tokenPrincipal(token);
  }

  /**
   * Whether the credential behind a principal still stands as it was: the session unexpired and
   * its user enabled with the same role, or the token unrevoked. Read-only (slides nothing); what
   * long-lived requests (event streams) re-check.
   */
  async stillValid(principal: Principal): Promise<boolean> {
    const now = this.now();
    if (principal.kind === 'token') {
      const token = await this.tokens.findActiveById(principal.id);
      return token !== undefined && sameAccess(tokenPrincipal(token), principal);
    }
    if (!principal.sessionId || !(await this.sessions.findValid(principal.sessionId, now))) return false;
    const user = await this.users.findById(principal.id);
    if (user === undefined || user.disabled) return false;
    const access = await this.accessOf(user);
    return sameAccess(makePrincipal(principal, access.globalRole, access.teamRoles), principal);
  }

  /** Who is calling; for an API token, the token itself (its id, `token:<name>`, its role and team). */
  async sessionInfo(principal: Principal): Promise<SessionInfo> {
    if (principal.kind === 'token') {
      const teams = await this.membershipsFrom(principal.teamRoles);
      return {
        user: { id: principal.id, username: principal.name, displayName: null, role: principal.role, globalRole: principal.globalRole, teams, authSource: 'token' },
        csrfToken: '',
      };
    }
    const user = await this.users.findById(principal.id);
    if (!user) throw new UnauthenticatedError();
    return { user: toUser(user, (await this.accessOf(user)).memberships), csrfToken: principal.csrfToken ?? '' };
  }

  async changePassword(principal: Principal, current: string, next: string): Promise<void> {
    if (principal.kind !== 'user') throw new ForbiddenError('API tokens cannot change passwords');
    const user = await this.users.findById(principal.id);
    if (user && user.authSource !== 'local') throw new InputError(`Your password is kept by ${SOURCE_NAMES[user.authSource]}; change it there`);
    if (!user || !(await verifyPassword(current, user.passwordHash))) {
      await this.audit.record(principal, 'user.password', { type: 'user', id: principal.id, name: principal.name }, 'failure');
      throw new InputError('The current password is wrong');
    }
    await this.users.updatePassword(user.id, await hashPassword(next));
    // Other sessions of this user end; the current one stays.
    await this.sessions.deleteForUser(user.id, principal.sessionId);
    this.revoked('user', user.id, principal.sessionId);
    this.options.onPasswordChanged?.({ id: user.id, username: user.username });
    await this.audit.record(principal, 'user.password', { type: 'user', id: user.id, name: user.username }, 'success');
  }

  // ---- users (admin) ----
  /**
   * Every account, for a global admin. A team admin sees them too (to add them to the team), with
   * only the memberships of the teams they administer.
   */
  async listUsers(actor: Principal = SYSTEM_PRINCIPAL) {
    const users = await this.users.list();
    const memberships = await this.teams.membershipsOf(users.map((u) => u.id));
    const administered = teamScope(actor, 'admin');
    const shown = administered === 'all' ? undefined : new Set(administered);
    return users.map((u) => {
      const teams = (memberships.get(u.id) ?? []).filter((m) => !shown || shown.has(m.teamId));
      return { ...toUser(u, teams), disabled: u.disabled, createdAt: u.createdAt };
    });
  }

  async createUser(actor: Principal, req: { username: string; displayName?: string; password: string; role: GlobalRole; teams?: ReadonlyArray<{ teamId: string; role: Role }> }): Promise<User> {
    requireGlobalAdmin(actor);
    if (await this.users.findByUsername(req.username)) throw new ConflictError(`User ${req.username} already exists`);
    const teams = req.teams ?? [];
    const known = await this.teams.list();
    const missing = teams.filter((t) => !known.some((k) => k.id === t.teamId)).map((t) => t.teamId);
    if (missing.length > 0) throw new InputError(`No such team: ${missing.join(', ')}`);
    const user = await this.users.create({ username: req.username, displayName: req.displayName ?? null, role: req.role, passwordHash: await hashPassword(req.password) });
    if (teams.length > 0) await this.teams.replaceMemberships(user.id, teams);
    await this.audit.record(actor, 'user.create', { type: 'user', id: user.id, name: user.username }, 'success', { role: req.role, ...(teams.length > 0 ? { teams } : {}) });
    return toUser(user, (await this.accessOf(user)).memberships);
  }

  async updateUser(actor: Principal, id: string, req: { role?: GlobalRole; displayName?: string; disabled?: boolean }): Promise<User> {
    requireGlobalAdmin(actor);
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User', id);
    if (id === actor.id && (req.role && req.role !== 'admin' || req.disabled)) {
      throw new InputError('You cannot demote or disable yourself; ask another admin');
    }
    const updated = await this.users.update(id, req);
    let tokensRevoked: string[] = [];
    if (req.disabled || (req.role && req.role !== user.role)) {
      await this.sessions.deleteForUser(id);
      this.revoked('user', id);
      // Tokens the user made go with the access they were made with: all of them when disabled,
      // those beyond the new access when demoted.
      if (req.disabled) {
        tokensRevoked = await this.tokens.revokeMadeBy({ userId: id }, this.now());
        for (const token of tokensRevoked) this.revoked('token', token);
      } else {
        tokensRevoked = await this.revokeTokensBeyond(id, await this.accessOf(updated));
      }
    }
    const changes = auditChanges({ role: user.role, displayName: user.displayName, disabled: user.disabled }, req);
    await this.audit.record(actor, 'user.update', { type: 'user', id, name: user.username }, 'success', tokensRevoked.length > 0 ? { changes, tokensRevoked } : { changes });
    return toUser(updated, (await this.accessOf(updated)).memberships);
  }

  /**
   * After a user's role in a team changed or ended: the user's open sessions take it on their next
   * request (streams end now), and the tokens they made beyond it are revoked.
   */
  async membershipChanged(userId: string): Promise<string[]> {
    const user = await this.users.findById(userId);
    if (!user) return [];
    this.revoked('user', userId);
    return this.revokeTokensBeyond(userId, await this.accessOf(user));
  }

  // ---- API tokens ----
  /**
   * A token carries no role above its maker's where it acts: a global token the maker's global
   * role, a team token the maker's role in that team (the route asks for an admin somewhere).
   */
  async createToken(actor: Principal, name: string, role: Role, options: { expiresAt?: number; teamId?: string } = {}): Promise<{ token: ApiToken; secret: string }> {
    const { expiresAt, teamId } = options;
    if (teamId === undefined) {
      if (!roleAllows(actor.globalRole, role)) throw new ForbiddenError(`A token for every team needs a global ${role} role; make it for one of your teams (teamId)`);
    } else {
      const team = await this.teams.get(teamId);
      const actorRole = team ? roleFor(actor, team.id) : null;
      if (!team || actorRole === null) throw new InputError(`No such team: ${teamId}`);
      if (!roleAllows(actorRole, role)) throw new ForbiddenError(`A token of team ${team.name} with role ${role} needs that role there; you are ${actorRole}`);
    }
    if (expiresAt !== undefined && expiresAt <= this.now()) throw new InputError('expiresAt must be in the future');
    const secret = TOKEN_PREFIX + randomBytes(30).toString('base64url');
    const token = await this.tokens.create({
      name,
      role,
      teamId: teamId ?? null,
      tokenHash: sha256(secret),
      createdBy: actor.name,
      expiresAt: expiresAt ?? null,
      // Recorded so that revoking the maker's access revokes this token too (the system makes none of record).
      createdByUserId: actor.kind === 'user' && actor.id !== SYSTEM_PRINCIPAL.id ? actor.id : null,
      createdByTokenId: actor.kind === 'token' ? actor.id : null,
    });
    await this.audit.record(actor, 'token.create', { type: 'token', id: token.id, name, teamId: teamId ?? null }, 'success', {
      role,
      ...(teamId ? { teamId } : {}),
      ...(expiresAt ? { expiresAt: new Date(expiresAt).toISOString() } : {}),
    });
    return { token, secret };
  }

  /** The tokens the caller administers: every token for a global admin, their teams' tokens for a team admin. */
  listTokens(actor: Principal): Promise<ApiToken[]> {
    const administered = teamScope(actor, 'admin');
    return this.tokens.list(administered === 'all' ? undefined : administered);
  }

  async revokeToken(actor: Principal, id: string): Promise<void> {
    const now = this.now();
    const existing = await this.tokens.findById(id);
    // Someone else's team's token is as absent as one that never was.
    if (!existing || !mayAct(actor, existing.teamId, 'admin')) {
      throw new NotFoundError('API token', id);
    }
    const ok = await this.tokens.revoke(id, now);
    if (!ok) throw new NotFoundError('API token', id);
    this.revoked('token', id);
    // What this token made was made with its authority: that goes too.
    const alsoRevoked = await this.tokens.revokeMadeBy({ tokenId: id }, now);
    for (const child of alsoRevoked) this.revoked('token', child);
    await this.audit.record(actor, 'token.revoke', { type: 'token', id, teamId: existing.teamId }, 'success', alsoRevoked.length > 0 ? { alsoRevoked } : undefined);
  }

  /** A user's global role, team roles, and the memberships as the API shows them. */
  private async accessOf(user: Pick<UserRecord, 'id' | 'role'>): Promise<{ globalRole: GlobalRole; teamRoles: Record<string, Role>; memberships: MembershipRecord[] }> {
    const memberships = (await this.teams.membershipsOf([user.id])).get(user.id) ?? [];
    return { globalRole: user.role, teamRoles: Object.fromEntries(memberships.map((m) => [m.teamId, m.role])), memberships };
  }

  private async membershipsFrom(teamRoles: Readonly<Record<string, Role>>): Promise<MembershipRecord[]> {
    const teams = await this.teams.list();
    return teams.filter((t) => teamRoles[t.id]).map((t) => ({ teamId: t.id, teamName: t.name, role: teamRoles[t.id]! }));
  }

  /** Revokes the tokens a user made that their access no longer covers (and what those made); returns their ids. */
  private async revokeTokensBeyond(userId: string, access: { globalRole: GlobalRole; teamRoles: Record<string, Role> }): Promise<string[]> {
    const now = this.now();
    const revoked: string[] = [];
    for (const token of await this.tokens.activeMadeByUser(userId)) {
      const held = token.teamId === null ? access.globalRole : access.globalRole === 'admin' ? 'admin' : access.teamRoles[token.teamId] ?? 'none';
      // A token keeps what its maker still holds where it acts, and no more.
      if (roleAllows(held, token.role)) continue;
      if (await this.tokens.revoke(token.id, now)) revoked.push(token.id);
      revoked.push(...(await this.tokens.revokeMadeBy({ tokenId: token.id }, now)));
    }
    for (const id of revoked) this.revoked('token', id);
    return revoked;
  }

  private revoked(scope: 'token' | 'session' | 'user', id: string, keepSessionId?: string): void {
    this.options.events?.publish({ type: 'credentials.revoked', at: this.now(), scope, id, ...(keepSessionId ? { keepSessionId } : {}) });
  }

  /** The user whose password this is; UNAUTHENTICATED (and audited) otherwise. */
  private async checkPassword(username: string, password: string, address: string) {
    const user = await this.users.findByUsername(username);
    const refusedHere = user && this.localLoginRefused(user);
    const usable = user && !user.disabled && !refusedHere ? user : undefined;
    const valid = await verifyPassword(password, usable ? usable.passwordHash : await this.dummy());
    if (usable && valid) return usable;
    // Told apart in the audit only: the caller gets the same answer as for a wrong password.
    const reason = !user ? 'no such user' : user.disabled ? 'disabled' : refusedHere ? refusedHere : 'wrong password';
    await this.audit.record(anonymous(user?.id ?? 'unknown', username), 'auth.login', { type: 'user', id: user?.id, name: username }, 'failure', { reason, address });
    throw new UnauthenticatedError('Wrong username or password');
  }

  /** Why this user may not log in with a Weir password here, if not. */
  private localLoginRefused(user: UserRecord): string | undefined {
    if (user.authSource !== 'local') return `logs in through ${user.authSource}`;
    const allowed = this.options.localLogin ?? 'on';
    if (allowed === 'off') return 'local login is off';
    if (allowed === 'admins' && user.role !== 'admin') return 'local login is for admins only';
    return undefined;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(16).toString('base64'));
    return this.dummyHash;
  }
}

function toUser(u: Pick<UserRecord, 'id' | 'username' | 'displayName' | 'role' | 'authSource'>, memberships: readonly MembershipRecord[]): User {
  const teamRoles = Object.fromEntries(memberships.map((m) => [m.teamId, m.role]));
  return { id: u.id, username: u.username, displayName: u.displayName, role: coarseRole(u.role, teamRoles), globalRole: u.role, teams: [...memberships], authSource: u.authSource };
}

function tokenPrincipal(token: ApiTokenRecord): Principal {
  const who = { kind: 'token' as const, id: token.id, name: `token:${token.name}` };
  return token.teamId === null ? makePrincipal(who, token.role) : makePrincipal(who, 'none', { [token.teamId]: token.role });
}

/** Someone not (yet) known to be anyone, as the audit log records a refused login. */
function anonymous(id: string, name: string): Principal {
  return makePrincipal({ kind: 'user', id, name }, 'none');
}

/** Accounts are Weir-wide: a team's admin manages the team's members, not who exists or their global role. */
function requireGlobalAdmin(actor: Principal): void {
  if (actor.globalRole !== 'admin') throw new ForbiddenError('Users are managed by global admins; a team admin adds existing users to the team');
}

function sameAccess(a: Principal, b: Principal): boolean {
  if (a.globalRole !== b.globalRole || a.role !== b.role) return false;
  const keys = new Set([...Object.keys(a.teamRoles), ...Object.keys(b.teamRoles)]);
  for (const key of keys) if (a.teamRoles[key] !== b.teamRoles[key]) return false;
  return true;
}
