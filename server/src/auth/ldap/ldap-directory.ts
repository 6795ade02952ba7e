import { isIP } from 'node:net';
import tls, { type ConnectionOptions } from 'node:tls';
import { Client, InvalidCredentialsError, ResultCodeError, type Entry } from 'ldapts';
import type { LdapDirectorySettings } from '../../config/identity-settings.js';
import type { DirectoryAnswer } from '../external-identity.js';
import { escapeDnValue, escapeFilterValue, fillTemplate } from './ldap-escape.js';

/** How Weir finds and checks a user in an LDAP directory (WEIR_LDAP_*; see config.ts). */
type Failure = Extract<DirectoryAnswer, { ok: false }>;

/** Thrown inside a check to end it with a typed answer. */
class DirectoryRefusal extends Error {
  constructor(readonly answer: Failure) {
    super(answer.reason);
  }
}

function refuse(failure: Failure['failure'], reason: string): never {
  throw new DirectoryRefusal({ ok: false, failure, reason });
}

/**
 * Checks a username and password against an LDAP directory, on a connection of its own that is
 * closed afterwards. The password is sent in a bind and nowhere else: never stored, never logged,
 * never part of an answer. Errors are told apart: a refused bind is wrong credentials; no
 * connection or no TLS is an unreachable directory; a refused search or service bind is Weir's
 * configuration.
 */
export class LdapDirectory {
  constructor(private readonly settings: LdapDirectorySettings) {}

  async check(username: string, password: string): Promise<DirectoryAnswer> {
    // An LDAP simple bind with a name and no password is an "unauthenticated bind" that many
    // servers answer with success (RFC 4513 5.1.2): it must never count as a login.
    if (password === '') return { ok: false, failure: 'wrong-credentials', reason: 'empty password' };
    const s = this.settings;
    // ldapts speaks TLS from the first byte whenever it is given TLS options, so only ldaps:// gets
    // them at connect; StartTLS gets its own object (ldapts writes the socket into it).
    const ldaps = s.url.toLowerCase().startsWith('ldaps:');
    const client = new Client({
      url: s.url,
      timeout: s.timeoutMs,
      connectTimeout: s.timeoutMs,
      createSecureConnection: tlsConnectWithin(s.timeoutMs),
      ...(ldaps ? { tlsOptions: this.tlsOptions() } : {}),
    });
    try {
      if (s.startTls) await step('StartTLS', () => client.startTLS(this.tlsOptions()));
      const user = s.userDnTemplate ? await this.bindDirectly(client, username, password) : await this.searchThenBind(client, username, password);
      // Groups are read as the service account when there is one (a user may not be allowed to read them).
      if (s.bindDn) await step('bind as WEIR_LDAP_BIND_DN', () => client.bind(s.bindDn!, s.bindPassword ?? ''));
      // The directory's spelling of the name (uid matching ignores case; Weir's names do not).
      const name = firstValue(user, s.usernameAttribute) ?? username;
      const groups = await this.groupsOf(client, user.dn, name);
      return {
        ok: true,
        identity: {
          source: 'ldap',
          subject: user.dn,
          username: name,
          displayName: firstValue(user, s.displayNameAttribute) ?? null,
          groups,
        },
      };
    } catch (err) {
      if (err instanceof DirectoryRefusal) return err.answer;
      return { ok: false, failure: 'unreachable', reason: transportReason(s.url, s.timeoutMs, err) };
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  /**
   * The CA to trust and the name the certificate must carry: on a StartTLS upgrade Node would
   * otherwise check the certificate against "localhost".
   */
  private tlsOptions(): ConnectionOptions {
    const host = new URL(this.settings.url).hostname.replace(/^\[|\]$/g, '');
    return { ...(this.settings.ca ? { ca: this.settings.ca } : {}), host, ...(isIP(host) === 0 ? { servername: host } : {}) };
  }

  private async searchThenBind(client: Client, username: string, password: string): Promise<Entry> {
    const s = this.settings;
    if (s.bindDn) await step('bind as WEIR_LDAP_BIND_DN', () => client.bind(s.bindDn!, s.bindPassword ?? ''));
    const filter = fillTemplate(s.userFilter!, { username: escapeFilterValue(username) });
    const found = await step(`search for the user under ${s.userSearchBase}`, () =>
      client.search(s.userSearchBase!, { scope: 'sub', filter, sizeLimit: 2, attributes: [s.usernameAttribute, s.displayNameAttribute] }),
    );
    if (found.searchEntries.length === 0) refuse('wrong-credentials', 'no such user in the directory');
    if (found.searchEntries.length > 1) refuse('misconfigured', `WEIR_LDAP_USER_FILTER finds more than one entry for ${JSON.stringify(username)}`);
    const user = found.searchEntries[0]!;
    await bindAsUser(client, user.dn, password, 'wrong password');
    return user;
  }

  private async bindDirectly(client: Client, username: string, password: string): Promise<Entry> {
    const s = this.settings;
    const dn = fillTemplate(s.userDnTemplate!, { username: escapeDnValue(username) });
    // The directory answers a DN that does not exist like a wrong password (and must: it tells no one who exists).
    await bindAsUser(client, dn, password, 'wrong password or no such user');
    const own = await step('read the user\'s own entry', () =>
      client.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes: [s.usernameAttribute, s.displayNameAttribute] }),
    );
    // The directory's own spelling of the DN, so the subject is the same whichever way it was typed.
    return own.searchEntries[0] ?? { dn };
  }

  private async groupsOf(client: Client, userDn: string, username: string): Promise<string[]> {
    const s = this.settings;
    if (!s.groupSearchBase) return [];
    const filter = fillTemplate(s.groupFilter, { dn: escapeFilterValue(userDn), username: escapeFilterValue(username) });
    const byDn = s.groupNameAttribute.toLowerCase() === 'dn';
    const found = await step(`search for the user's groups under ${s.groupSearchBase}`, () =>
      client.search(s.groupSearchBase!, { scope: 'sub', filter, attributes: byDn ? ['1.1'] : [s.groupNameAttribute] }),
    );
    return found.searchEntries.map((group) => (byDn ? group.dn : firstValue(group, s.groupNameAttribute))).filter((name): name is string => name !== undefined);
  }
}

async function bindAsUser(client: Client, dn: string, password: string, wrong: string): Promise<void> {
  try {
    await client.bind(dn, password);
  } catch (err) {
    if (err instanceof InvalidCredentialsError) refuse('wrong-credentials', wrong);
    if (err instanceof ResultCodeError) refuse('misconfigured', `the directory refused the user's bind: ${ldapResult(err)}`);
    throw err;
  }
}

/** One LDAP operation: an LDAP error answer means Weir asked wrongly (configuration); anything else propagates as a transport failure. */
async function step<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    if (err instanceof ResultCodeError) refuse('misconfigured', `${what} failed: ${ldapResult(err)}`);
    throw err;
  }
}

/** ldapts's messages are only " Code: 0x31"; its class names the result (InvalidCredentials, NoSuchObject …). */
function ldapResult(err: ResultCodeError): string {
  const name = err.constructor.name.replace(/Error$/, '');
  const text = err.message.replace(/\s*Code: 0x[0-9a-f]+\s*/i, '').trim();
  return `${name} (LDAP result ${err.code})${text ? `: ${text}` : ''}`;
}

function firstValue(entry: Entry, attribute: string): string | undefined {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === attribute.toLowerCase());
  const value = key === undefined ? undefined : entry[key];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  const text = typeof first === 'string' ? first : first.toString('utf8');
  return text === '' ? undefined : text;
}

/** A TLS handshake the directory began (or accepted, after StartTLS) and did not finish in time. */
class TlsHandshakeTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`the TLS handshake did not finish within ${timeoutMs} ms`);
  }
}

/**
 * tls.connect with the handshake bounded. ldapts bounds each LDAP message and, for ldaps://, the
 * connection, but not the handshake after a StartTLS answer: a directory (or a middlebox) that
 * answers StartTLS and then says nothing more would hold a login for as long as the TCP
 * connection lives, and every login behind it.
 */
function tlsConnectWithin(timeoutMs: number): typeof tls.connect {
  return ((...args: Parameters<typeof tls.connect>) => {
    const socket = (tls.connect as (...a: unknown[]) => tls.TLSSocket)(...args);
    const timer = setTimeout(() => socket.destroy(new TlsHandshakeTimeout(timeoutMs)), timeoutMs);
    const done = () => clearTimeout(timer);
    socket.once('secureConnect', done);
    socket.once('close', done);
    return socket;
  }) as typeof tls.connect;
}

/** Node's TLS errors carry a code (DEPTH_ZERO_SELF_SIGNED_CERT …): named, with where to look. */
function transportReason(url: string, timeoutMs: number, err: unknown): string {
  // Before the TLS check below: a handshake that stalled is a directory not answering, not a certificate to fix.
  if (err instanceof TlsHandshakeTimeout) return `no answer from ${url} within ${timeoutMs} ms (WEIR_LDAP_TIMEOUT_MS): ${err.message}`;
  const e = err as NodeJS.ErrnoException;
  const message = e?.message ?? String(err);
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/CERT|SELF_SIGNED|TLS|SSL|ISSUER/i.test(code) || /certificate|tls|ssl/i.test(message)) {
    return `no trusted TLS connection to ${url}: ${message}${code && !message.includes(code) ? ` (${code})` : ''}; is WEIR_LDAP_CA_FILE the CA that signed the directory's certificate?`;
  }
  if (/timed? ?out/i.test(message)) return `no answer from ${url} within ${timeoutMs} ms (WEIR_LDAP_TIMEOUT_MS): ${message}`;
  return `no answer from ${url}: ${message}${code && !message.includes(code) ? ` (${code})` : ''}`;
}
