import { createHash, randomBytes } from 'node:crypto';
import type { ApiToken, GlobalRole, Role, SessionInfo, User } from '@weir/contract';
import { ConflictError, ForbiddenError, InputError, NotFoundError, UnauthenticatedError } from '../errors/errors.js';
import { auditChanges } from '../audit/audit-changes.js';
import type { AuditService } from '../audit/audit.service.js';
import type { WeirEvent } from '../events/events.js';
import type { ApiTokenRecord, ApiTokensStore } from './api-tokens.store.js';
import type { SessionsStore } from './sessions.store.js';
import type { UserRecord, UsersStore } from './users.store.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { makePrincipal, mayAct, roleAllows, roleFor, SYSTEM_PRINCIPAL, teamScope, type Principal } from '../access/principal.js';
import { LoginThrottle, type LoginThrottleSettings } from './login-throttle.js';
import type { TeamsStore } from '../teams/teams.store.js';
import { ExternalLogin, SOURCE_NAMES } from './external-login.js';
import { anonymous, toUser, UserAccess } from './user-access.js';

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

const TOKEN_PREFIX = 'weir_';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Logins, sessions, API tokens and users. Session and token secrets are random
 * and only their SHA-256 is stored, so a database dump cannot be replayed. Directory and
 * single-sign-on logins are ExternalLogin's; what a user may do, and the revocations when
 * that shrinks, are UserAccess's.
 */
export class AuthService {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly throttle: LoginThrottle;
  private readonly access: UserAccess;
  private readonly external: ExternalLogin;
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
    this.access = new UserAccess(teams, tokens, this.now, options.events);
    this.external = new ExternalLogin({
      users,
      teams,
      audit,
      access: this.access,
      throttle: this.throttle,
      sleep: this.sleep,
      now: this.now,
      startSession: (user, now, detail) => this.startSession(user, now, detail),
    });
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

  /** A login with a directory (LDAP) password; see ExternalLogin.withDirectory. */
  loginWithDirectory(...login: Parameters<ExternalLogin['withDirectory']>): ReturnType<ExternalLogin['withDirectory']> {
    return this.external.withDirectory(...login);
  }

  /** A login a provider or directory vouched for; see ExternalLogin.login. */
  loginExternal(...login: Parameters<ExternalLogin['login']>): ReturnType<ExternalLogin['login']> {
    return this.external.login(...login);
  }

  /** Records a login through a provider that failed before Weir knew who it was (provider down, forged return…). */
  externalLoginFailed(...failure: Parameters<ExternalLogin['failed']>): ReturnType<ExternalLogin['failed']> {
    return this.external.failed(...failure);
  }

  private async startSession(user: UserRecord, now: number, detail?: Record<string, unknown>): Promise<{ sessionToken: string; info: SessionInfo }> {
    const sessionToken = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.sessions.create({ id: sha256(sessionToken), userId: user.id, csrfToken, createdAt: now, expiresAt: this.sessionExpiry(now, now) });
    const access = await this.access.of(user);
    const principal = makePrincipal({ kind: 'user', id: user.id, name: user.username }, access.globalRole, access.teamRoles);
    await this.audit.record(principal, 'auth.login', { type: 'user', id: user.id, name: user.username }, 'success', detail);
    return { sessionToken, info: { user: toUser(user, access.memberships), csrfToken } };
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.sessionId) {
      await this.sessions.delete(principal.sessionId);
      this.access.revoked('session', principal.sessionId);
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
    const access = await this.access.of(user);
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
    const access = await this.access.of(user);
    return sameAccess(makePrincipal(principal, access.globalRole, access.teamRoles), principal);
  }

  /** Who is calling; for an API token, the token itself (its id, `token:<name>`, its role and team). */
  async sessionInfo(principal: Principal): Promise<SessionInfo> {
    if (principal.kind === 'token') {
      const teams = await this.access.membershipsFrom(principal.teamRoles);
      return {
        user: { id: principal.id, username: principal.name, displayName: null, role: principal.role, globalRole: principal.globalRole, teams, authSource: 'token' },
        csrfToken: '',
      };
    }
    const user = await this.users.findById(principal.id);
    if (!user) throw new UnauthenticatedError();
    return { user: toUser(user, (await this.access.of(user)).memberships), csrfToken: principal.csrfToken ?? '' };
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
    this.access.revoked('user', user.id, principal.sessionId);
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
    return toUser(user, (await this.access.of(user)).memberships);
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
      this.access.revoked('user', id);
      // Tokens the user made go with the access they were made with: all of them when disabled,
      // those beyond the new access when demoted.
      if (req.disabled) {
        tokensRevoked = await this.tokens.revokeMadeBy({ userId: id }, this.now());
        for (const token of tokensRevoked) this.access.revoked('token', token);
      } else {
        tokensRevoked = await this.access.revokeTokensBeyond(id, await this.access.of(updated));
      }
    }
    const changes = auditChanges({ role: user.role, displayName: user.displayName, disabled: user.disabled }, req);
    await this.audit.record(actor, 'user.update', { type: 'user', id, name: user.username }, 'success', tokensRevoked.length > 0 ? { changes, tokensRevoked } : { changes });
    return toUser(updated, (await this.access.of(updated)).memberships);
  }

  /**
   * After a user's role in a team changed or ended: the user's open sessions take it on their next
   * request (streams end now), and the tokens they made beyond it are revoked.
   */
  async membershipChanged(userId: string): Promise<string[]> {
    const user = await this.users.findById(userId);
    if (!user) return [];
    this.access.revoked('user', userId);
    return this.access.revokeTokensBeyond(userId, await this.access.of(user));
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
    this.access.revoked('token', id);
    // What this token made was made with its authority: that goes too.
    const alsoRevoked = await this.tokens.revokeMadeBy({ tokenId: id }, now);
    for (const child of alsoRevoked) this.access.revoked('token', child);
    await this.audit.record(actor, 'token.revoke', { type: 'token', id, teamId: existing.teamId }, 'success', alsoRevoked.length > 0 ? { alsoRevoked } : undefined);
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


function tokenPrincipal(token: ApiTokenRecord): Principal {
  const who = { kind: 'token' as const, id: token.id, name: `token:${token.name}` };
  return token.teamId === null ? makePrincipal(who, token.role) : makePrincipal(who, 'none', { [token.teamId]: token.role });
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
