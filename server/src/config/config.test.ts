import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_FLINK_VERSION } from '@weir/flink-local';
import { ConfigError, loadConfig } from './config.js';

describe('WEIR_FLINK_VERSION chooses the local cluster\'s Flink', () => {
  it('defaults to the newest complete 1.20.x and takes a 2.x', () => {
    assert.equal(loadConfig({}).localFlink.version, DEFAULT_FLINK_VERSION);
    assert.equal(loadConfig({ WEIR_FLINK_VERSION: '2.3.0' }).localFlink.version, '2.3.0');
  });

  it('refuses at start-up a version the local tooling cannot run, naming the variable', () => {
    for (const bad of ['1.19.1', 'latest', '2.3.0; rm -rf /']) {
      assert.throws(() => loadConfig({ WEIR_FLINK_VERSION: bad }), (err: Error) => err instanceof ConfigError && err.message.includes('WEIR_FLINK_VERSION'), bad);
    }
  });
});

describe('WEIR_TRUST_PROXY', () => {
  it('is off unless set: forwarded addresses are believed from nobody', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ WEIR_TRUST_PROXY: 'off' }).trustProxy, false);
  });

  it('takes a hop count or a list of proxy addresses and networks', () => {
    assert.equal(loadConfig({ WEIR_TRUST_PROXY: '1' }).trustProxy, 1);
    assert.deepEqual(loadConfig({ WEIR_TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1' }).trustProxy, ['10.0.0.5', '192.168.0.0/16', '::1']);
  });

  it('refuses anything else, trusting everyone included', () => {
    for (const value of ['true', 'proxy.example.com', '10.0.0.0/33']) {
      assert.throws(() => loadConfig({ WEIR_TRUST_PROXY: value }), ConfigError, value);
    }
  });
});

describe('WEIR_LDAP_* turn LDAP login on', () => {
  const search = {
    WEIR_LDAP_URL: 'ldaps://ldap.example.org',
    WEIR_LDAP_BIND_DN: 'cn=weir,ou=services,dc=example,dc=org',
    WEIR_LDAP_BIND_PASSWORD: 'service-secret',
    WEIR_LDAP_USER_BASE: 'ou=people,dc=example,dc=org',
    WEIR_LDAP_GROUP_BASE: 'ou=groups,dc=example,dc=org',
    WEIR_LDAP_GROUP_ROLES: 'weir-admins=admin, flink-ops=operator',
  };
  const refused = (env: Record<string, string>, pattern: RegExp) =>
    assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && pattern.test(err.message), JSON.stringify(env));

  it('is off without WEIR_LDAP_URL', () => {
    assert.equal(loadConfig({}).identity.ldap, undefined);
  });

  it('reads search-then-bind with its defaults, and direct bind', () => {
    const ldap = loadConfig(search).identity.ldap;
    assert.ok(ldap);
    assert.equal(ldap.directory.userFilter, '(uid={username})');
    assert.equal(ldap.directory.groupFilter, '(member={dn})');
    assert.equal(ldap.directory.startTls, false);
    assert.deepEqual(ldap.groupRoles, { groups: [{ group: 'weir-admins', role: 'admin' }, { group: 'flink-ops', role: 'operator' }] });
    const direct = loadConfig({ WEIR_LDAP_URL: 'ldap://ldap.example.org', WEIR_LDAP_START_TLS: 'on', WEIR_LDAP_USER_DN: 'uid={username},ou=people,dc=example,dc=org', WEIR_LDAP_GROUP_ROLES: '*=viewer' }).identity.ldap;
    assert.equal(direct?.directory.userDnTemplate, 'uid={username},ou=people,dc=example,dc=org');
    assert.equal(direct?.directory.userSearchBase, undefined);
  });

  it('refuses at start-up, naming the variable: a bad URL, plain ldap:// to another machine, no way to find users, bad filters, bad or missing role mapping', () => {
    refused({ ...search, WEIR_LDAP_URL: 'http://ldap.example.org' }, /WEIR_LDAP_URL: .* is not ldap/);
    refused({ ...search, WEIR_LDAP_URL: 'ldap://ldap.example.org' }, /unencrypted; use ldaps:\/\/ or WEIR_LDAP_START_TLS=on/);
    refused({ ...search, WEIR_LDAP_START_TLS: 'on' }, /ldaps:\/\/ is TLS already/);
    refused({ ...search, WEIR_LDAP_USER_BASE: '' }, /WEIR_LDAP_USER_BASE .* or WEIR_LDAP_USER_DN/);
    refused({ ...search, WEIR_LDAP_USER_FILTER: '(uid=alice)' }, /WEIR_LDAP_USER_FILTER: .* has no \{username\}/);
    refused({ ...search, WEIR_LDAP_USER_FILTER: '(uid={username}' }, /WEIR_LDAP_USER_FILTER: .* is not an LDAP filter/);
    refused({ ...search, WEIR_LDAP_GROUP_ROLES: 'weir-admins=root' }, /WEIR_LDAP_GROUP_ROLES: "weir-admins=root" is not group=role/);
    refused({ ...search, WEIR_LDAP_GROUP_ROLES: '' }, /WEIR_LDAP_GROUP_ROLES is needed/);
    refused({ ...search, WEIR_LDAP_GROUP_BASE: '' }, /names groups, but WEIR_LDAP_GROUP_BASE/);
    refused({ ...search, WEIR_LDAP_BIND_PASSWORD: '' }, /WEIR_LDAP_BIND_DN and WEIR_LDAP_BIND_PASSWORD go together/);
    refused({ ...search, WEIR_LDAP_CA_FILE: '/nonexistent/ca.pem' }, /WEIR_LDAP_CA_FILE: cannot read \/nonexistent\/ca.pem \(ENOENT\)/);
  });

  it('plain ldap:// is allowed to this machine only', () => {
    assert.ok(loadConfig({ ...search, WEIR_LDAP_URL: 'ldap://127.0.0.1:3890' }).identity.ldap);
  });

  it('never puts the bind password in an error message', () => {
    assert.throws(() => loadConfig({ ...search, WEIR_LDAP_URL: 'ldap://ldap.example.org' }), (err: Error) => !err.message.includes('service-secret'));
  });
});

describe('single sign-on settings', () => {
  const base = { WEIR_OIDC_ISSUER: 'https://login.example.org', WEIR_OIDC_CLIENT_ID: 'weir', WEIR_OIDC_GROUP_ROLES: 'weir-admins=admin, flink-ops=operator' };

  it('are off without an issuer, and read as a whole with one', () => {
    assert.equal(loadConfig({}).identity.oidc, undefined);
    assert.equal(loadConfig({}).identity.localLogin, 'on');
    const oidc = loadConfig({ ...base, WEIR_LOCAL_LOGIN: 'admins' });
    assert.equal(oidc.identity.localLogin, 'admins');
    assert.deepEqual(oidc.identity.oidc?.groupRoles, { groups: [{ group: 'weir-admins', role: 'admin' }, { group: 'flink-ops', role: 'operator' }] });
    assert.equal(oidc.identity.oidc?.scopes, 'openid profile email groups');
  });

  it('refuse at start-up an issuer without a client id or a role mapping, or a mapping that does not read, naming the variable', () => {
    const refused = (env: Record<string, string>, name: RegExp) =>
      assert.throws(() => loadConfig(env), (err: Error) => err instanceof ConfigError && name.test(err.message), JSON.stringify(env));
    refused({ ...base, WEIR_OIDC_CLIENT_ID: '' }, /WEIR_OIDC_CLIENT_ID/);
    refused({ WEIR_OIDC_ISSUER: base.WEIR_OIDC_ISSUER, WEIR_OIDC_CLIENT_ID: 'weir' }, /WEIR_OIDC_GROUP_ROLES: required/);
    refused({ ...base, WEIR_OIDC_GROUP_ROLES: 'ops=root' }, /WEIR_OIDC_GROUP_ROLES: "ops=root"/);
    refused({ ...base, WEIR_OIDC_ISSUER: 'not a url' }, /WEIR_OIDC_ISSUER/);
    refused({ ...base, WEIR_LOCAL_LOGIN: 'sometimes' }, /WEIR_LOCAL_LOGIN/);
  });
});
