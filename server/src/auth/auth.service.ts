import { createHash, randomBytes } from 'node:crypto';
import type { ApiToken, Role, SessionInfo, User } from '@weir/contract';
import { ConflictError, DirectoryUnavailableError, ForbiddenError, InputError, NotFoundError, UnauthenticatedError, AppError } from '../errors/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { WeirEvent } from '../events/events.js';
import type { ApiTokensStore } from './api-tokens.store.js';
import type { SessionsStore } from './sessions.store.js';
import type { UserRecord, UsersStore } from './users.store.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { roleAllows, SYSTEM_PRINCIPAL, type Principal } from './principal.js';
import { LoginThrottle, type LoginThrottleSettings } from './login-throttle.js';
import { roleForGroups, type DirectoryAnswer, type ExternalIdentity, type GroupRoleMapping } from './external-identity.js';
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
    await this.audit.record({ kind: 'user', id: 'system', name: 'system', role: 'admin' }, 'user.create', { type: 'user', name: 'admin' }, 'success');
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
    await this.audit.record({ kind: 'user', id: 'unknown', name: username, role: 'viewer' }, 'auth.login', { type: 'user', name: username }, 'failure', {
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
        { kind: 'user', id: userId ?? 'unknown', name: identity.username, role: 'viewer' },
        'auth.login',
        { type: 'user', ...(userId ? { id: userId } : {}), name: identity.username },
        'failure',
        { reason, source: identity.source, address, groups: identity.groups.slice(0, 50) },
      );
      throw error;
    };
    const granted = roleForGroups(identity.groups, mapping);
    if (!granted) {
      return refuse('in no mapped group', new AppError('FORBIDDEN', `You logged in through ${via}, but none of your groups gives a role in Weir; ask an admin to add you to one`, { reason: 'no-role' }));
    }
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
          role: granted.role,
          passwordHash: '',
          external: { source: identity.source, subject: identity.subject },
        });
        await this.audit.record(SYSTEM_PRINCIPAL, 'user.create', { type: 'user', id: user.id, name: user.username }, 'success', { role: granted.role, source: identity.source, because: granted.because });
      } catch (err) {
        // Two first logins at once: the other one created the user.
        if (!isUniqueViolation(err)) throw err;
        user = await this.users.findByExternalSubject(identity.source, identity.subject);
        if (!user) return refuse('username taken', new ConflictError(`Weir already has a different account named ${identity.username}; ask an admin to rename or remove it`, { reason: 'account-conflict' }));
      }
    }
    if (user.disabled) return refuse('disabled', new AppError('FORBIDDEN', 'Your Weir account is disabled; ask an admin', { reason: 'disabled' }), user.id);
    if (user.role !== granted.role || user.displayName !== identity.displayName) {
      const demoted = !roleAllows(granted.role, user.role);
      const before = user.role;
      user = await this.users.update(user.id, { role: granted.role, displayName: identity.displayName });
      if (before !== granted.role) {
        const tokensRevoked = demoted ? await this.tokens.revokeMadeBy({ userId: user.id }, now, granted.role) : [];
        for (const token of tokensRevoked) this.revoked('token', token);
        await this.audit.record(SYSTEM_PRINCIPAL, 'user.update', { type: 'user', id: user.id, name: user.username }, 'success', {
          role: granted.role,
          because: granted.because,
          source: identity.source,
          ...(tokensRevoked.length > 0 ? { tokensRevoked } : {}),
        });
      }
    }
    return this.startSession(user, now, { source: identity.source, because: granted.because });
  }

  /** Records a login through a provider that failed before Weir knew who it was (provider down, forged return…). */
  async externalLoginFailed(source: ExternalIdentity['source'], reason: string, address: string, message: string): Promise<void> {
    await this.audit.record({ kind: 'user', id: 'unknown', name: 'unknown', role: 'viewer' }, 'auth.login', { type: 'user', name: 'unknown' }, 'failure', { reason, source, address, message: message.slice(0, 500) });
  }

  private async startSession(user: UserRecord, now: number, detail?: Record<string, unknown>): Promise<{ sessionToken: string; info: SessionInfo }> {
    const sessionToken = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.sessions.create({ id: sha256(sessionToken), userId: user.id, csrfToken, createdAt: now, expiresAt: this.sessionExpiry(now, now) });
    const principal: Principal = { kind: 'user', id: user.id, name: user.username, role: user.role };
    await this.audit.record(principal, 'auth.login', { type: 'user', id: user.id, name: user.username }, 'success', detail);
    return { sessionToken, info: { user: toUser(user), csrfToken } };
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
    return { kind: 'user', id: user.id, name: user.username, role: user.role, csrfToken: session.csrfToken, sessionId: id };
  }

  async principalFromToken(secret: string): Promise<Principal | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
    const token = await this.tokens.findActiveByHash(sha256(secret));
    if (!token) return undefined;
    const now = this.now();
    if (!token.lastUsedAt || now - token.lastUsedAt > 60_000) await this.tokens.touchLastUsed(token.id, now);
    return { kind: 'token', id: token.id, name: `token:${token.name}`, role: token.role };
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
      return token !== undefined && token.role === principal.role;
    }
    if (!principal.sessionId || !(await this.sessions.findValid(principal.sessionId, now))) return false;
    const user = await this.users.findById(principal.id);
    return user !== undefined && !user.disabled && user.role === principal.role;
  }

  /** Who is calling; for an API token, the token itself (its id, `token:<name>` and its role). */
  async sessionInfo(principal: Principal): Promise<SessionInfo> {
    if (principal.kind === 'token') return { user: { id: principal.id, username: principal.name, displayName: null, role: principal.role, authSource: 'token' }, csrfToken: '' };
    const user = await this.users.findById(principal.id);
    if (!user) throw new UnauthenticatedError();
    return { user: toUser(user), csrfToken: principal.csrfToken ?? '' };
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
  async listUsers() {
    return (await this.users.list()).map((u) => ({ ...toUser(u), disabled: u.disabled, createdAt: u.createdAt }));
  }

  async createUser(actor: Principal, req: { username: string; displayName?: string; password: string; role: Role }): Promise<User> {
    if (await this.users.findByUsername(req.username)) throw new ConflictError(`User ${req.username} already exists`);
    const user = await this.users.create({ username: req.username, displayName: req.displayName ?? null, role: req.role, passwordHash: await hashPassword(req.password) });
    await this.audit.record(actor, 'user.create', { type: 'user', id: user.id, name: user.username }, 'success', { role: req.role });
    return toUser(user);
  }

  async updateUser(actor: Principal, id: string, req: { role?: Role; displayName?: string; disabled?: boolean }): Promise<User> {
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
      // those above the new role when demoted.
      tokensRevoked = await this.tokens.revokeMadeBy({ userId: id }, this.now(), req.disabled ? undefined : req.role);
      for (const token of tokensRevoked) this.revoked('token', token);
    }
    await this.audit.record(actor, 'user.update', { type: 'user', id, name: user.username }, 'success', tokensRevoked.length > 0 ? { ...req, tokensRevoked } : req);
    return toUser(updated);
  }

  // ---- API tokens ----
  async createToken(actor: Principal, name: string, role: Role, expiresAt?: number): Promise<{ token: ApiToken; secret: string }> {
    if (actor.role !== 'admin' && role !== 'viewer' && (role === 'admin' || actor.role === 'viewer')) {
      throw new ForbiddenError(`A ${actor.role} cannot create a token with role ${role}`);
    }
    if (expiresAt !== undefined && expiresAt <= this.now()) throw new InputError('expiresAt must be in the future');
    const secret = TOKEN_PREFIX + randomBytes(30).toString('base64url');
    const token = await this.tokens.create({
      name,
      role,
      tokenHash: sha256(secret),
      createdBy: actor.name,
      expiresAt: expiresAt ?? null,
      // Recorded so that revoking the maker's access revokes this token too (the system makes none of record).
      createdByUserId: actor.kind === 'user' && actor.id !== SYSTEM_PRINCIPAL.id ? actor.id : null,
      createdByTokenId: actor.kind === 'token' ? actor.id : null,
    });
    await this.audit.record(actor, 'token.create', { type: 'token', id: token.id, name }, 'success', { role, ...(expiresAt ? { expiresAt: new Date(expiresAt).toISOString() } : {}) });
    return { token, secret };
  }

  listTokens(): Promise<ApiToken[]> {
    return this.tokens.list();
  }

  async revokeToken(actor: Principal, id: string): Promise<void> {
    const now = this.now();
    const ok = await this.tokens.revoke(id, now);
    if (!ok) throw new NotFoundError('API token', id);
    this.revoked('token', id);
    // What this token made was made with its authority: that goes too.
    const alsoRevoked = await this.tokens.revokeMadeBy({ tokenId: id }, now);
    for (const child of alsoRevoked) this.revoked('token', child);
    await this.audit.record(actor, 'token.revoke', { type: 'token', id }, 'success', alsoRevoked.length > 0 ? { alsoRevoked } : undefined);
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
    await this.audit.record({ kind: 'user', id: user?.id ?? 'unknown', name: username, role: 'viewer' }, 'auth.login', { type: 'user', id: user?.id, name: username }, 'failure', { reason, address });
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

function toUser(u: Pick<UserRecord, 'id' | 'username' | 'displayName' | 'role' | 'authSource'>): User {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, authSource: u.authSource };
}
