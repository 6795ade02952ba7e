import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Attribute, Change, Client } from 'ldapts';
import { freePort } from './weir-process.js';

/** How long slapd may take to exit on SIGTERM before it is killed. */
const SLAPD_STOP_GRACE_MS = 10_000;

/** Debian's OpenLDAP server, which the test runner installs (scripts/bootstrap.mjs, ensureSlapd). */
export const SLAPD_BINARY = '/usr/sbin/slapd';
const SLAPADD_BINARY = '/usr/sbin/slapadd';
const SCHEMA_DIR = '/etc/ldap/schema';
const MODULE_DIR = '/usr/lib/ldap';

export const SUFFIX = 'dc=example,dc=org';
export const PEOPLE_BASE = `ou=people,${SUFFIX}`;
export const GROUPS_BASE = `ou=groups,${SUFFIX}`;
const ROOT_DN = `cn=admin,${SUFFIX}`;

/** The seeded entries. Passwords are long and unlike each other, so an audit entry holding one is easy to spot. */
export const DIRECTORY = {
  /** The account Weir searches with (WEIR_LDAP_BIND_DN). */
  service: { dn: `cn=weir-reader,ou=services,${SUFFIX}`, password: 'reader-secret-4b1f' },
  alice: { uid: 'alice', dn: `uid=alice,${PEOPLE_BASE}`, password: 'alice-directory-pw-91ac', displayName: 'Alice Operator' },
  bob: { uid: 'bob', dn: `uid=bob,${PEOPLE_BASE}`, password: 'bob-directory-pw-27de', displayName: 'Bob Admin' },
  carol: { uid: 'carol', dn: `uid=carol,${PEOPLE_BASE}`, password: 'carol-directory-pw-5f03', displayName: 'Carol Nogroup' },
  /** A uid made of LDAP filter syntax: an unescaped filter would match every user. Its DN does not follow the uid. */
  eve: { uid: 'eve*)(uid=*', dn: `cn=Eve Star,${PEOPLE_BASE}`, password: 'eve-directory-pw-c4d2', displayName: 'Eve Star' },
  /** A uid with a comma: a direct-bind DN built without RFC 4514 escaping would name another entry. */
  dave: { uid: 'dave,jr', dn: `uid=dave\\,jr,${PEOPLE_BASE}`, password: 'dave-directory-pw-08b7', displayName: 'Dave Junior' },
} as const;

export const GROUPS = {
  flinkOps: `cn=flink-ops,${GROUPS_BASE}`,
  weirAdmins: `cn=weir-admins,${GROUPS_BASE}`,
} as const;

export interface TestSlapd {
  /** Plain LDAP; StartTLS is offered on it. */
  url: string;
  /** LDAP over TLS from the first byte. */
  ldapsUrl: string;
  /** The certificate the server presents (self-signed for 127.0.0.1 and localhost): the CA file to trust. */
  caFile: string;
  /** Another self-signed certificate: trusting only this one must make TLS fail. */
  wrongCaFile: string;
  /** Stops (SIGSTOP) or resumes (SIGCONT) slapd: a hung directory, whose port takes connections that no answer follows. */
  freeze(frozen: boolean): void;
  /** Adds or removes a member of a group, as the directory's administrator. */
  setMember(groupDn: string, memberDn: string, member: boolean): Promise<void>;
  stop(): Promise<void>;
}

function seedLdif(): string {
  const person = (p: { uid: string; dn: string; password: string; displayName: string }, sn: string) =>
    [`dn: ${p.dn}`, 'objectClass: inetOrgPerson', `uid: ${p.uid}`, `cn: ${p.displayName}`, `sn: ${sn}`, `displayName: ${p.displayName}`, `userPassword: ${p.password}`, ''].join('\n');
  const { service, alice, bob, carol, eve, dave } = DIRECTORY;
  return [
    [`dn: ${SUFFIX}`, 'objectClass: dcObject', 'objectClass: organization', 'o: Example', 'dc: example', ''].join('\n'),
    [`dn: ${PEOPLE_BASE}`, 'objectClass: organizationalUnit', 'ou: people', ''].join('\n'),
    [`dn: ${GROUPS_BASE}`, 'objectClass: organizationalUnit', 'ou: groups', ''].join('\n'),
    [`dn: ou=services,${SUFFIX}`, 'objectClass: organizationalUnit', 'ou: services', ''].join('\n'),
    [`dn: ${service.dn}`, 'objectClass: organizationalRole', 'objectClass: simpleSecurityObject', 'cn: weir-reader', `userPassword: ${service.password}`, ''].join('\n'),
    person(alice, 'Operator'),
    person(bob, 'Admin'),
    person(carol, 'Nogroup'),
    person(eve, 'Star'),
    person(dave, 'Junior'),
    // groupOfNames needs a member; Weir finds a user's groups by searching (member=<user DN>).
    [`dn: ${GROUPS.flinkOps}`, 'objectClass: groupOfNames', 'cn: flink-ops', `member: ${alice.dn}`, `member: ${eve.dn}`, `member: ${dave.dn}`, ''].join('\n'),
    [`dn: ${GROUPS.weirAdmins}`, 'objectClass: groupOfNames', 'cn: weir-admins', `member: ${bob.dn}`, ''].join('\n'),
  ].join('\n');
}

/**
 * Who may read what: passwords only to bind with, everything else to any bound user (the service
 * account, or a user who bound directly); an anonymous caller sees nothing, as in most directories.
 */
function slapdConf(dir: string, rootPassword: string): string {
  return [
    `include ${SCHEMA_DIR}/core.schema`,
    `include ${SCHEMA_DIR}/cosine.schema`,
    `include ${SCHEMA_DIR}/inetorgperson.schema`,
    `modulepath ${MODULE_DIR}`,
    'moduleload back_mdb',
    `pidfile ${path.join(dir, 'slapd.pid')}`,
    `argsfile ${path.join(dir, 'slapd.args')}`,
    `TLSCertificateFile ${path.join(dir, 'server.crt')}`,
    `TLSCertificateKeyFile ${path.join(dir, 'server.key')}`,
    'database mdb',
    `suffix "${SUFFIX}"`,
    `rootdn "${ROOT_DN}"`,
    `rootpw ${rootPassword}`,
    `directory ${path.join(dir, 'data')}`,
    'maxsize 33554432',
    'access to attrs=userPassword by anonymous auth by * none',
    'access to * by users read by * none',
    '',
  ].join('\n');
}

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${command} could not be run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}: ${r.stderr.slice(-2000)}`);
}

function selfSignedCertificate(keyFile: string, certFile: string, commonName: string): void {
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', `/CN=${commonName}`, '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']);
}


/**
 * A real OpenLDAP slapd on two free loopback ports (ldap:// with StartTLS, and ldaps://), with a
 * generated slapd.conf, a self-signed certificate and the seed entries above, all in a temporary
 * folder that stop() removes. Runs as the calling user (root included: the folder is its own). No
 * slapd installed is a failure that names it, never a skip.
 */
export async function startSlapd(): Promise<TestSlapd> {
  for (const binary of [SLAPD_BINARY, SLAPADD_BINARY]) {
    if (!fs.existsSync(binary)) {
      throw new Error(`OpenLDAP is missing at ${binary}: run the tests with npm test (it installs Debian's slapd and ldap-utils) or apt-get install slapd ldap-utils`);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-slapd-'));
  try {
    const rootPassword = `root-${process.pid}-${Date.now()}`;
    fs.mkdirSync(path.join(dir, 'data'), { mode: 0o700 });
    selfSignedCertificate(path.join(dir, 'server.key'), path.join(dir, 'server.crt'), '127.0.0.1');
    selfSignedCertificate(path.join(dir, 'other.key'), path.join(dir, 'other.crt'), 'Some Other CA');
    fs.writeFileSync(path.join(dir, 'slapd.conf'), slapdConf(dir, rootPassword), { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'seed.ldif'), seedLdif());
    // Loaded offline, before the server starts: no wait for a writable server, no admin bind.
    run(SLAPADD_BINARY, ['-q', '-f', path.join(dir, 'slapd.conf'), '-l', path.join(dir, 'seed.ldif')]);
    let lastFailure = '';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = await startOn(dir, rootPassword, await freePort(), await freePort());
      if ('slapd' in started) return started.slapd;
      lastFailure = started.failure;
    }
    throw new Error(`slapd did not start: ${lastFailure}`);
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function startOn(dir: string, rootPassword: string, port: number, ldapsPort: number): Promise<{ slapd: TestSlapd } | { failure: string }> {
  const url = `ldap://127.0.0.1:${port}`;
  const ldapsUrl = `ldaps://127.0.0.1:${ldapsPort}`;
  const logFile = path.join(dir, 'slapd.log');
  const log = fs.openSync(logFile, 'w');
  // -d keeps slapd in the foreground (a child that can be waited for); level 0 logs only what fails.
  const child: ChildProcess = spawn(SLAPD_BINARY, ['-d', '0', '-f', path.join(dir, 'slapd.conf'), '-h', `${url}/ ${ldapsUrl}/`], { stdio: ['ignore', log, log] });
  let gone = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A test process that ends without its after hook (a crash, a timeout) must not leave slapd running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => {
    gone = true;
    process.off('exit', killOnExit);
    fs.closeSync(log);
  });
  const stopProcess = async () => {
    if (!gone) {
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      // slapd finishes its open operations before it exits on SIGTERM; one a frozen directory left
      // hanging must not hold the test file until its 15-minute limit.
      const killLater = setTimeout(() => child.kill('SIGKILL'), SLAPD_STOP_GRACE_MS);
      await exited;
      clearTimeout(killLater);
    }
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (gone) return { failure: fs.readFileSync(logFile, 'utf8').slice(-2000) || 'exited without a word' };
    if (await answersBind(url, rootPassword)) break;
    if (Date.now() > deadline) {
      await stopProcess();
      return { failure: `no answer on ${url} within 20 s: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}` };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    slapd: {
      url,
      ldapsUrl,
      caFile: path.join(dir, 'server.crt'),
      wrongCaFile: path.join(dir, 'other.crt'),
      freeze(frozen) {
        child.kill(frozen ? 'SIGSTOP' : 'SIGCONT');
      },
      async setMember(groupDn, memberDn, member) {
        const client = new Client({ url, timeout: 5_000 });
        try {
          await client.bind(ROOT_DN, rootPassword);
          await client.modify(groupDn, new Change({ operation: member ? 'add' : 'delete', modification: new Attribute({ type: 'member', values: [memberDn] }) }));
        } finally {
          await client.unbind();
        }
      },
      async stop() {
        await stopProcess();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    },
  };
}

/** Whether slapd answers a bind as its administrator: up, config read, database open. */
async function answersBind(url: string, rootPassword: string): Promise<boolean> {
  const client = new Client({ url, timeout: 2_000, connectTimeout: 1_000 });
  try {
    await client.bind(ROOT_DN, rootPassword);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/**
 * Weir's LDAP settings for this directory, as an operator writes them: StartTLS with the test CA,
 * search-then-bind as the service account, groups mapped weir-admins → admin, flink-ops → operator.
 * An override of undefined removes the setting.
 */
export function weirLdapEnv(slapd: TestSlapd, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    WEIR_LDAP_URL: slapd.url,
    WEIR_LDAP_START_TLS: 'on',
    WEIR_LDAP_CA_FILE: slapd.caFile,
    WEIR_LDAP_BIND_DN: DIRECTORY.service.dn,
    WEIR_LDAP_BIND_PASSWORD: DIRECTORY.service.password,
    WEIR_LDAP_USER_BASE: PEOPLE_BASE,
    WEIR_LDAP_GROUP_BASE: GROUPS_BASE,
    WEIR_LDAP_GROUP_ROLES: 'weir-admins=admin, flink-ops=operator',
    WEIR_LDAP_DISPLAY_NAME_ATTRIBUTE: 'displayName',
    WEIR_LDAP_LABEL: 'Example directory',
    WEIR_LDAP_TIMEOUT_MS: '3000',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
