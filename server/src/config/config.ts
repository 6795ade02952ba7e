import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FLINK_VERSION, flinkVersionProfile } from '@weir/flink-local';
import { FilterParser } from 'ldapts';
import { z } from 'zod';
import { parseGroupRoleMapping, type GroupRoleMapping, type LdapDirectorySettings, type OidcConfig } from './identity-settings.js';
import { DEFAULT_OUTBOUND_DENY, parseCidr, type OutboundPolicy } from '../outbound/outbound-guard.js';

/** The repository root, so that defaults do not depend on the caller's working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const bool = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const port = z.coerce.number().int().min(1).max(65535);

/** A comma-separated list of networks in CIDR notation (`10.0.0.0/8, fd00::/8`); empty is none. */
const cidrList = z.string().transform((text, ctx) => {
  const items = text.split(',').map((item) => item.trim()).filter(Boolean);
  for (const item of items) if (!parseCidr(item)) ctx.addIssue({ code: 'custom', message: `"${item}" is not a network in CIDR notation` });
  return items;
});

/**
 * Which peers may tell Weir the client's address in X-Forwarded-For: "off" (the default: the
 * header is ignored), a hop count ("1": the nearest proxy), or a comma-separated list of proxy
 * addresses and networks ("10.0.0.5, 192.168.0.0/16"). Becomes Fastify's trustProxy.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    if (['', 'off', 'false', 'no', '0'].includes(value.toLowerCase())) return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim()).filter((e) => e !== '');
    const bad = entries.filter((e) => {
      const [address, bits, ...rest] = e.split('/');
      const family = net.isIP(address ?? '');
      if (family === 0 || rest.length > 0) return true;
      return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
    });
    if (bad.length > 0 || entries.length === 0) {
      ctx.addIssue({ code: 'custom', message: `give "off", a hop count, or proxy addresses/networks (not ${bad.join(', ') || 'an empty list'})` });
      return z.NEVER;
    }
    return entries;
  });

/**
 * Every setting Weir reads, with its documented default. Read once at start-up
 * (loadConfig); nothing deeper in the code reads process.env.
 */
const EnvSchema = z.object({
  /** HTTP port for the API and the web UI. */
  WEIR_PORT: port.default(8888),
  /** Interface to bind; loopback by default because Weir can stop production jobs. */
  WEIR_HOST: z.string().default('127.0.0.1'),
  /** Folder for the embedded database, the local Flink cluster and other state. */
  WEIR_DATA_DIR: z.string().default(path.join(REPO_ROOT, '.weir')),
  /** The Java that Flink's YARN client runs on and the YARN containers are told to use; default: the `java` on PATH. */
  JAVA_HOME: z.string().optional(),
  /** sqlite:<file> (default, under the data dir), postgres://… or mysql://… */
  WEIR_DATABASE_URL: z.string().optional(),
  /** Start and register the local Flink cluster ("auto": when Java is present). */
  WEIR_LOCAL_FLINK: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Flink version of the local cluster (1.20.x or 2.x); each version is assembled once into .cache/flink-<version>. */
  WEIR_FLINK_VERSION: z
    .string()
    .default(DEFAULT_FLINK_VERSION)
    .superRefine((v, ctx) => {
      try {
        flinkVersionProfile(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
  WEIR_LOCAL_FLINK_REST_PORT: port.default(8081),
  WEIR_LOCAL_FLINK_RPC_PORT: port.default(6123),
  WEIR_LOCAL_FLINK_GATEWAY_PORT: port.default(8083),
  WEIR_LOCAL_FLINK_SLOTS: z.coerce.number().int().min(1).max(64).default(8),
  /**
   * Start a local YARN (ResourceManager + NodeManager, about 450 MB and 4 GB of containers to hand out) and
   * register it as the YARN target "local-yarn". Off unless asked for: most machines do not want it.
   */
  WEIR_LOCAL_YARN: z.enum(['on', 'off']).default('off'),
  /** Built web app to serve; the API works without it. */
  WEIR_WEB_DIR: z.string().default(path.join(REPO_ROOT, 'web', 'dist')),
  /** First admin's password; when absent a random one is generated and printed once. */
  WEIR_ADMIN_PASSWORD: z.string().min(10, 'WEIR_ADMIN_PASSWORD must have at least 10 characters').optional(),
  /** Key for secrets at rest (32 bytes, base64 or hex). Generated into the data dir when absent. */
  WEIR_SECRET_KEY: z.string().optional(),
  /** Seconds a login session lasts without activity. */
  WEIR_SESSION_TTL_S: z.coerce.number().int().min(60).default(12 * 3600),
  /** Proxies whose X-Forwarded-For Weir believes (login throttling and the audit use the client address); see trustProxy above. */
  WEIR_TRUST_PROXY: trustProxy.default(false),
  /** Hours a login session lasts at most, however active (then the user logs in again). */
  WEIR_SESSION_LIFETIME_H: z.coerce.number().min(0.1).default(12),
  /** Live event streams (open pages) one user or token may hold at once; one more gets 429. */
  WEIR_EVENT_STREAMS_PER_PRINCIPAL: z.coerce.number().int().min(1).default(5),
  /** How often open event streams re-check their credential (expiry); revocations end them at once. */
  WEIR_EVENT_STREAM_RECHECK_MS: z.coerce.number().int().min(100).default(5_000),
  /**
   * Who may log in with a Weir password: everyone with a local account (on), only local admins
   * (admins: a break-glass account beside single sign-on or LDAP), or nobody (off).
   */
  WEIR_LOCAL_LOGIN: z.enum(['on', 'admins', 'off']).default('on'),
  /** Single sign-on: the OpenID Connect provider's issuer URL (https; http only for a provider on a trusted network). Unset: no single sign-on. */
  WEIR_OIDC_ISSUER: z.string().url().optional(),
  WEIR_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** The client's secret, clear or sealed with Weir's secret key (`v1:…`); unset for a public client. */
  WEIR_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  WEIR_OIDC_SCOPES: z.string().default('openid profile email groups'),
  /** The claim listing the user's groups (in the ID token or userinfo). */
  WEIR_OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  /** The claim Weir names users by. */
  WEIR_OIDC_USERNAME_CLAIM: z.string().min(1).default('preferred_username'),
  /** Which groups give which role: `weir-admins=admin, flink-ops=operator, *=viewer` (* for everyone else; without it a user in no listed group cannot log in). */
  WEIR_OIDC_GROUP_ROLES: z.string().optional(),
  /** What the login page's single sign-on button says. */
  WEIR_OIDC_LABEL: z.string().trim().min(1).max(60).default('Single sign-on'),
  /**
   * LDAP login (see docs/identity.md): on when this is set. ldap://host:389 (with
   * WEIR_LDAP_START_TLS=on) or ldaps://host:636; plain ldap:// without StartTLS only to this machine,
   * because the bind carries the user's password.
   */
  WEIR_LDAP_URL: z.string().trim().optional(),
  /** Upgrade the ldap:// connection with StartTLS before the password is sent. */
  WEIR_LDAP_START_TLS: bool.default(false),
  /** PEM file of the CA(s) that signed the directory's certificate (default: the system's CAs). */
  WEIR_LDAP_CA_FILE: z.string().trim().optional(),
  /** Search-then-bind: the account that searches for the user (absent: an anonymous search). */
  WEIR_LDAP_BIND_DN: z.string().trim().optional(),
  /** Its password; kept in the environment only, never stored or logged. */
  WEIR_LDAP_BIND_PASSWORD: z.string().optional(),
  /** Search-then-bind: where users are searched (ou=people,dc=example,dc=org). */
  WEIR_LDAP_USER_BASE: z.string().trim().optional(),
  /** Search-then-bind: the filter that finds the user; {username} is replaced, escaped (RFC 4515). */
  WEIR_LDAP_USER_FILTER: z.string().trim().default('(uid={username})'),
  /** Direct bind instead of a search: the user's DN, e.g. uid={username},ou=people,dc=example,dc=org ({username} escaped per RFC 4514). */
  WEIR_LDAP_USER_DN: z.string().trim().optional(),
  /** Where groups are searched (absent: users have no groups, and only the * role of WEIR_LDAP_GROUP_ROLES applies). */
  WEIR_LDAP_GROUP_BASE: z.string().trim().optional(),
  /** The filter that finds a user's groups; {dn} is the user's DN, {username} their name as the directory spells it (both escaped). */
  WEIR_LDAP_GROUP_FILTER: z.string().trim().default('(member={dn})'),
  /** The attribute that names a group in WEIR_LDAP_GROUP_ROLES, or dn for the group's whole DN. */
  WEIR_LDAP_GROUP_NAME: z.string().trim().min(1).default('cn'),
  /** The user's attribute that gives their name in Weir. */
  WEIR_LDAP_USERNAME_ATTRIBUTE: z.string().trim().min(1).default('uid'),
  /** The user's attribute that gives their display name. */
  WEIR_LDAP_DISPLAY_NAME_ATTRIBUTE: z.string().trim().min(1).default('cn'),
  /** Which groups give which role: `weir-admins=admin, flink-ops=operator`, `*=viewer` for everyone else; `;` between pairs when group names are DNs. Required with WEIR_LDAP_URL. */
  WEIR_LDAP_GROUP_ROLES: z.string().optional(),
  /** What the login page calls the directory login. */
  WEIR_LDAP_LABEL: z.string().trim().min(1).default('Company directory (LDAP)'),
  /** Limit of the connection and of each LDAP operation, in milliseconds. */
  WEIR_LDAP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Mark cookies Secure (set when served over https). */
  WEIR_SECURE_COOKIES: bool.default(false),
  /** How often each cluster's health is checked. */
  WEIR_CLUSTER_CHECK_INTERVAL_MS: z.coerce.number().int().min(200).default(10_000),
  /** Timeout of one request to a Flink REST endpoint. */
  WEIR_FLINK_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** Watcher cycle: one /jobs/overview request per cluster per cycle. */
  WEIR_WATCH_INTERVAL_MS: z.coerce.number().int().min(100).default(1_000),
  /**
   * How often a calm cluster is read: all its jobs RUNNING or ended, nothing happened on it for
   * WEIR_WATCH_CALM_AFTER_MS, no page open on them. A change on such a cluster is recorded within
   * about this long. Equal to WEIR_WATCH_INTERVAL_MS: every cluster every cycle. docs/watcher-scale.md
   */
  WEIR_WATCH_CALM_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  /** How long nothing must happen on a cluster before it is read at the calm interval. */
  WEIR_WATCH_CALM_AFTER_MS: z.coerce.number().int().min(0).default(30_000),
  /**
   * While a cluster does not answer, the watcher probes it once per cycle (GET /config) and waits
   * this long for the answer: short, so that its return is seen within about a cycle plus this.
   */
  WEIR_WATCH_PROBE_TIMEOUT_MS: z.coerce.number().int().min(50).default(1_000),
  /** Failed probes before RECONNECTING runs become UNKNOWN … */
  WEIR_RECONNECT_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  /** … and the minimum time they stay RECONNECTING. */
  WEIR_RECONNECT_WINDOW_MS: z.coerce.number().int().min(0).default(30_000),
  /** How often the checkpoints of each RUNNING job are read (one request per job). */
  WEIR_CHECKPOINT_POLL_MS: z.coerce.number().int().min(500).default(10_000),
  /** How often the key-metric sampler stores a point of each series users chose for a running job. */
  WEIR_METRICS_INTERVAL_MS: z.coerce.number().int().min(500).default(10_000),
  /** Hours sampled metric points are kept. */
  WEIR_METRICS_RETENTION_H: z.coerce.number().min(1).default(168),
  /** Most text one log capture keeps (all its files together, uncompressed): a run's post-mortem evidence (docs/log-captures.md). */
  WEIR_LOG_CAPTURE_BYTES: z.coerce.number().int().min(4_096).default(2 * 1_048_576),
  /** Most text all log captures of one run keep together; further events of the run are recorded without their logs. */
  WEIR_LOG_CAPTURE_RUN_BYTES: z.coerce.number().int().min(4_096).default(8 * 1_048_576),
  /** Days log captures are kept. */
  WEIR_LOG_CAPTURE_RETENTION_DAYS: z.coerce.number().positive().default(30),
  /** Seconds of JobManager log kept around the latest record naming the job, besides every record that names it. */
  WEIR_LOG_CAPTURE_WINDOW_S: z.coerce.number().int().min(0).default(60),
  /** How much of the end of the JobManager log a capture reads to find the job's records. */
  WEIR_LOG_CAPTURE_SCAN_BYTES: z.coerce.number().int().min(4_096).default(16 * 1_048_576),
  /** Also keep a thread dump of each TaskManager an automatic capture reads. */
  WEIR_LOG_CAPTURE_THREAD_DUMP: bool.default(false),
  /** A non-terminal job absent this long from an answering JobManager is marked lost. */
  WEIR_LOST_AFTER_MS: z.coerce.number().int().min(0).default(5_000),
  /** With a HistoryServer: a job missing this long is believed when the HistoryServer has no archive of it (it reads new archives every 10 s by default). */
  WEIR_HISTORY_ARCHIVE_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  /** With a HistoryServer that cannot be asked: a missing job waits this long for its word before it is marked lost. */
  WEIR_HISTORY_UNREACHABLE_LIMIT_MS: z.coerce.number().int().min(0).default(600_000),
  /** Logger level. */
  WEIR_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Networks Weir sends no request to: alert channels (webhooks, robots, SMTP) and every cluster but
   * the local one Weir starts itself. Default: loopback and link-local (127.0.0.0/8, ::1, 0.0.0.0/8,
   * ::, 169.254.0.0/16, fe80::/10). Setting it replaces the default; empty denies nothing.
   */
  WEIR_OUTBOUND_DENY: cidrList.default([...DEFAULT_OUTBOUND_DENY]),
  /** Networks allowed even inside a denied one, e.g. 127.0.0.1/32 for a Flink cluster on this machine. */
  WEIR_OUTBOUND_ALLOW: cidrList.default([]),
  /** Optional token a Prometheus may present (Bearer) to GET /metrics instead of an API token; at least 16 characters. */
  WEIR_METRICS_TOKEN: z.string().min(16, 'WEIR_METRICS_TOKEN must have at least 16 characters').optional(),
  /** External URL used in alert links. */
  WEIR_PUBLIC_URL: z.string().optional(),
  /** This instance's name among several on one database (default: host, process id and a random part). */
  WEIR_INSTANCE_ID: z.string().trim().min(1).max(100).regex(/^[\w.:@-]+$/, 'letters, digits and . _ : @ - only').optional(),
  /**
   * Several instances on one PostgreSQL or MySQL/MariaDB database share the clusters through a lease
   * per cluster: when an instance dies, another takes its clusters over after at most this long.
   */
  WEIR_CLUSTER_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(6_000),
});

export type WeirConfig = ReturnType<typeof loadConfig>;

/** Leases per cluster between instances on one server database; `enabled` forces them on SQLite too (tests). */
export interface ClusterLeaseConfig {
  ttlMs: number;
  tickMs: number;
  instanceId?: string | undefined;
  enabled?: boolean;
}

/** How users log in: Weir passwords, and the identity provider and directory when configured. */
export interface IdentityConfig {
  localLogin: 'on' | 'admins' | 'off';
  /** Single sign-on; the client secret may still be sealed (opened with the secret key at start). */
  oidc?: Omit<OidcConfig, 'publicUrl' | 'timeoutMs'>;
  ldap?: LdapConfig;
}

/** The OIDC settings when an issuer is set, checked as a whole. */
function oidcConfig(e: z.infer<typeof EnvSchema>): IdentityConfig['oidc'] {
  if (!e.WEIR_OIDC_ISSUER) return undefined;
  const problems: string[] = [];
  if (!e.WEIR_OIDC_CLIENT_ID) problems.push('  WEIR_OIDC_CLIENT_ID: required with WEIR_OIDC_ISSUER');
  const mapping = e.WEIR_OIDC_GROUP_ROLES ? parseGroupRoleMapping(e.WEIR_OIDC_GROUP_ROLES) : undefined;
  if (!mapping) problems.push('  WEIR_OIDC_GROUP_ROLES: required with WEIR_OIDC_ISSUER (which groups give which role, e.g. "weir-admins=admin, flink-ops=operator")');
  else if ('errors' in mapping) problems.push(...mapping.errors.map((m) => `  WEIR_OIDC_GROUP_ROLES: ${m}`));
  if (problems.length > 0 || !mapping || 'errors' in mapping) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return {
    issuer: e.WEIR_OIDC_ISSUER,
    clientId: e.WEIR_OIDC_CLIENT_ID!,
    clientSecret: e.WEIR_OIDC_CLIENT_SECRET,
    scopes: e.WEIR_OIDC_SCOPES,
    groupsClaim: e.WEIR_OIDC_GROUPS_CLAIM,
    usernameClaim: e.WEIR_OIDC_USERNAME_CLAIM,
    groupRoles: mapping.mapping,
    label: e.WEIR_OIDC_LABEL,
  };
}

/** LDAP login: where and how the directory is asked, which groups give which role, the login page's label. */
export interface LdapConfig {
  label: string;
  directory: LdapDirectorySettings;
  groupRoles: GroupRoleMapping;
}

type ParsedEnv = z.infer<typeof EnvSchema>;

/** The LDAP settings, or why they cannot work; undefined when WEIR_LDAP_URL is not set. */
function ldapConfig(e: ParsedEnv): { ldap?: LdapConfig; errors: string[] } {
  if (!e.WEIR_LDAP_URL) return { errors: [] };
  const errors: string[] = [];
  let url: URL | undefined;
  try {
    url = new URL(e.WEIR_LDAP_URL);
  } catch {
    // reported below
  }
  const scheme = url?.protocol.replace(/:$/, '').toLowerCase();
  if (!url || (scheme !== 'ldap' && scheme !== 'ldaps') || !url.hostname) {
    errors.push(`WEIR_LDAP_URL: "${e.WEIR_LDAP_URL}" is not ldap://host[:port] or ldaps://host[:port]`);
  } else {
    if (scheme === 'ldaps' && e.WEIR_LDAP_START_TLS) errors.push('WEIR_LDAP_START_TLS: ldaps:// is TLS already; StartTLS is for ldap://');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.');
    if (scheme === 'ldap' && !e.WEIR_LDAP_START_TLS && !loopback) {
      errors.push('WEIR_LDAP_URL: plain ldap:// would send directory passwords unencrypted; use ldaps:// or WEIR_LDAP_START_TLS=on');
    }
  }
  let ca: string | undefined;
  if (e.WEIR_LDAP_CA_FILE) {
    try {
      ca = fs.readFileSync(e.WEIR_LDAP_CA_FILE, 'utf8');
      if (!ca.includes('-----BEGIN CERTIFICATE-----')) errors.push(`WEIR_LDAP_CA_FILE: ${e.WEIR_LDAP_CA_FILE} holds no PEM certificate`);
    } catch (err) {
      errors.push(`WEIR_LDAP_CA_FILE: cannot read ${e.WEIR_LDAP_CA_FILE} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  if (Boolean(e.WEIR_LDAP_BIND_DN) !== Boolean(e.WEIR_LDAP_BIND_PASSWORD)) errors.push('WEIR_LDAP_BIND_DN and WEIR_LDAP_BIND_PASSWORD go together');
  const template = (name: string, value: string, placeholder: string) => {
    if (!value.includes(placeholder)) errors.push(`${name}: "${value}" has no ${placeholder}`);
  };
  const filter = (name: string, value: string) => {
    try {
      FilterParser.parseString(value.replace(/\{\w+\}/g, 'x'));
    } catch (err) {
      errors.push(`${name}: "${value}" is not an LDAP filter (${(err as Error).message})`);
    }
  };
  if (e.WEIR_LDAP_USER_DN) template('WEIR_LDAP_USER_DN', e.WEIR_LDAP_USER_DN, '{username}');
  else if (!e.WEIR_LDAP_USER_BASE) errors.push('WEIR_LDAP_USER_BASE (search for the user) or WEIR_LDAP_USER_DN (bind directly) is needed with WEIR_LDAP_URL');
  else {
    template('WEIR_LDAP_USER_FILTER', e.WEIR_LDAP_USER_FILTER, '{username}');
    filter('WEIR_LDAP_USER_FILTER', e.WEIR_LDAP_USER_FILTER);
  }
  if (e.WEIR_LDAP_GROUP_BASE) filter('WEIR_LDAP_GROUP_FILTER', e.WEIR_LDAP_GROUP_FILTER);
  let groupRoles: GroupRoleMapping | undefined;
  if (e.WEIR_LDAP_GROUP_ROLES === undefined || e.WEIR_LDAP_GROUP_ROLES.trim() === '') {
    errors.push('WEIR_LDAP_GROUP_ROLES is needed with WEIR_LDAP_URL: which groups give which role (weir-admins=admin, flink-ops=operator, *=viewer)');
  } else {
    const parsed = parseGroupRoleMapping(e.WEIR_LDAP_GROUP_ROLES);
    if ('errors' in parsed) errors.push(...parsed.errors.map((m) => `WEIR_LDAP_GROUP_ROLES: ${m}`));
    else {
      groupRoles = parsed.mapping;
      if (groupRoles.groups.length > 0 && !e.WEIR_LDAP_GROUP_BASE) errors.push('WEIR_LDAP_GROUP_ROLES names groups, but WEIR_LDAP_GROUP_BASE (where to find them) is not set');
    }
  }
  if (errors.length > 0 || !groupRoles) return { errors };
  const directory: LdapDirectorySettings = {
    url: e.WEIR_LDAP_URL,
    startTls: e.WEIR_LDAP_START_TLS,
    ...(ca ? { ca } : {}),
    ...(e.WEIR_LDAP_BIND_DN ? { bindDn: e.WEIR_LDAP_BIND_DN, bindPassword: e.WEIR_LDAP_BIND_PASSWORD ?? '' } : {}),
    ...(e.WEIR_LDAP_USER_DN ? { userDnTemplate: e.WEIR_LDAP_USER_DN } : { userSearchBase: e.WEIR_LDAP_USER_BASE!, userFilter: e.WEIR_LDAP_USER_FILTER }),
    ...(e.WEIR_LDAP_GROUP_BASE ? { groupSearchBase: e.WEIR_LDAP_GROUP_BASE } : {}),
    groupFilter: e.WEIR_LDAP_GROUP_FILTER,
    groupNameAttribute: e.WEIR_LDAP_GROUP_NAME,
    usernameAttribute: e.WEIR_LDAP_USERNAME_ATTRIBUTE,
    displayNameAttribute: e.WEIR_LDAP_DISPLAY_NAME_ATTRIBUTE,
    timeoutMs: e.WEIR_LDAP_TIMEOUT_MS,
  };
  return { ldap: { label: e.WEIR_LDAP_LABEL, directory, groupRoles }, errors };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const oidc = oidcConfig(e);
  const ldap = ldapConfig(e);
  if (ldap.errors.length > 0) throw new ConfigError(`Invalid configuration:\n${ldap.errors.map((m) => `  ${m}`).join('\n')}`);
  const dataDir = path.resolve(e.WEIR_DATA_DIR);
  return {
    port: e.WEIR_PORT,
    host: e.WEIR_HOST,
    dataDir,
    databaseUrl: e.WEIR_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'weir.db')}`,
    localFlink: {
      mode: e.WEIR_LOCAL_FLINK,
      version: e.WEIR_FLINK_VERSION,
      restPort: e.WEIR_LOCAL_FLINK_REST_PORT,
      rpcPort: e.WEIR_LOCAL_FLINK_RPC_PORT,
      gatewayPort: e.WEIR_LOCAL_FLINK_GATEWAY_PORT,
      slots: e.WEIR_LOCAL_FLINK_SLOTS,
      dataDir: path.join(dataDir, 'flink'),
    },
    localYarn: { on: e.WEIR_LOCAL_YARN === 'on', dataDir: path.join(dataDir, 'yarn') },
    // Each YARN deployment's Flink configuration and CLI log (removed after), and the staging folder Flink uploads to.
    yarnDeployments: { workDir: path.join(dataDir, 'yarn-deployments'), javaHome: e.JAVA_HOME ?? null },
    webDir: e.WEIR_WEB_DIR,
    adminPassword: e.WEIR_ADMIN_PASSWORD,
    secretKey: e.WEIR_SECRET_KEY,
    sessionTtlMs: e.WEIR_SESSION_TTL_S * 1000,
    sessionLifetimeMs: e.WEIR_SESSION_LIFETIME_H * 3_600_000,
    liveStreams: { perPrincipal: e.WEIR_EVENT_STREAMS_PER_PRINCIPAL, recheckMs: e.WEIR_EVENT_STREAM_RECHECK_MS },
    secureCookies: e.WEIR_SECURE_COOKIES,
    identity: { localLogin: e.WEIR_LOCAL_LOGIN, ...(oidc ? { oidc } : {}), ...(ldap.ldap ? { ldap: ldap.ldap } : {}) } as IdentityConfig,
    trustProxy: e.WEIR_TRUST_PROXY,
    clusterCheckIntervalMs: e.WEIR_CLUSTER_CHECK_INTERVAL_MS,
    flinkTimeoutMs: e.WEIR_FLINK_TIMEOUT_MS,
    checkpointPollMs: e.WEIR_CHECKPOINT_POLL_MS,
    metrics: { intervalMs: e.WEIR_METRICS_INTERVAL_MS, retentionMs: e.WEIR_METRICS_RETENTION_H * 3_600_000 },
    logCaptures: {
      captureBytes: e.WEIR_LOG_CAPTURE_BYTES,
      runBytes: e.WEIR_LOG_CAPTURE_RUN_BYTES,
      retentionMs: Math.round(e.WEIR_LOG_CAPTURE_RETENTION_DAYS * 86_400_000),
      windowMs: e.WEIR_LOG_CAPTURE_WINDOW_S * 1000,
      scanBytes: e.WEIR_LOG_CAPTURE_SCAN_BYTES,
      threadDump: e.WEIR_LOG_CAPTURE_THREAD_DUMP,
    },
    watcher: {
      intervalMs: e.WEIR_WATCH_INTERVAL_MS,
      // Optional in the type: a configuration built without them (tests) reads every cluster every cycle.
      ...({ calmIntervalMs: e.WEIR_WATCH_CALM_INTERVAL_MS ?? e.WEIR_WATCH_INTERVAL_MS, calmAfterMs: e.WEIR_WATCH_CALM_AFTER_MS } as { calmIntervalMs?: number; calmAfterMs?: number }),
      reconnectAttempts: e.WEIR_RECONNECT_ATTEMPTS,
      reconnectWindowMs: e.WEIR_RECONNECT_WINDOW_MS,
      probeTimeoutMs: e.WEIR_WATCH_PROBE_TIMEOUT_MS,
      lostAfterMs: e.WEIR_LOST_AFTER_MS,
      historyArchiveGraceMs: e.WEIR_HISTORY_ARCHIVE_GRACE_MS,
      historyUnreachableLimitMs: e.WEIR_HISTORY_UNREACHABLE_LIMIT_MS,
    },
    metricsExportToken: e.WEIR_METRICS_TOKEN,
    logLevel: e.WEIR_LOG_LEVEL,
    outbound: { deny: e.WEIR_OUTBOUND_DENY, allow: e.WEIR_OUTBOUND_ALLOW } as OutboundPolicy,
    publicUrl: e.WEIR_PUBLIC_URL ?? `http://${e.WEIR_HOST}:${e.WEIR_PORT}`,
    // Renewed six times per lease: a slow tick or two never loses one.
    clusterLeases: { ttlMs: e.WEIR_CLUSTER_LEASE_MS, tickMs: Math.max(200, Math.round(e.WEIR_CLUSTER_LEASE_MS / 6)), instanceId: e.WEIR_INSTANCE_ID } as ClusterLeaseConfig,
  };
}
