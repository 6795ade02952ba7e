import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGroupRoleMapping, type GroupRoleMapping } from '../config/identity-settings.js';
import { accessForGroups } from './external-identity.js';

function parsed(text: string): GroupRoleMapping {
  const result = parseGroupRoleMapping(text);
  if ('errors' in result) throw new Error(result.errors.join('; '));
  return result.mapping;
}

describe('group to role mapping', () => {
  it('reads comma-separated pairs and the * fallback', () => {
    assert.deepEqual(parsed('weir-admins=admin, flink-ops = operator,*=viewer'), {
      groups: [{ group: 'weir-admins', role: 'admin' }, { group: 'flink-ops', role: 'operator' }],
      fallback: 'viewer',
    });
  });

  it('reads LDAP group DNs, which contain commas, when pairs end with semicolons', () => {
    assert.deepEqual(parsed('cn=ops,ou=groups,dc=example,dc=org=operator; cn=admins,ou=groups,dc=example,dc=org=admin;'), {
      groups: [
        { group: 'cn=ops,ou=groups,dc=example,dc=org', role: 'operator' },
        { group: 'cn=admins,ou=groups,dc=example,dc=org', role: 'admin' },
      ],
    });
  });

  it('refuses pairs without a known role, naming each', () => {
    assert.deepEqual(parseGroupRoleMapping('ops=root, admins, =viewer'), {
      errors: [
        '"ops=root" is not group=role or group=team:role with a role of admin, operator or viewer',
        '"admins" is not group=role or group=team:role with a role of admin, operator or viewer',
        '"=viewer" is not group=role or group=team:role with a role of admin, operator or viewer',
      ],
    });
  });

  it('gives the highest global role among the groups held, and says which groups gave it', () => {
    const mapping = parsed('viewers=viewer, ops=operator, admins=admin');
    assert.deepEqual(accessForGroups(['viewers', 'ops'], mapping), { globalRole: 'operator', teams: [], because: 'group viewers, group ops' });
    assert.deepEqual(accessForGroups(['admins', 'viewers'], mapping), { globalRole: 'admin', teams: [], because: 'group viewers, group admins' });
  });

  it('reads team roles (group=team:role) and gives the highest role per team, beside no global role', () => {
    const mapping = parsed('pay-dev=payments:operator, pay-read=payments:viewer, risk-lead=risk:admin, sre=viewer');
    assert.deepEqual(mapping.groups[0], { group: 'pay-dev', role: 'operator', team: 'payments' });
    assert.deepEqual(accessForGroups(['pay-read', 'pay-dev', 'risk-lead'], mapping), {
      globalRole: 'none',
      teams: [
        { team: 'payments', role: 'operator' },
        { team: 'risk', role: 'admin' },
      ],
      because: 'group pay-dev, group pay-read, group risk-lead',
    });
    assert.equal(accessForGroups(['sre', 'pay-read'], mapping)?.globalRole, 'viewer');
    assert.deepEqual(parseGroupRoleMapping('*=payments:viewer, ops=:operator'), {
      errors: [
        '"*=payments:viewer" is not group=role or group=team:role with a role of admin, operator or viewer',
        '"ops=:operator" is not group=role or group=team:role with a role of admin, operator or viewer',
      ],
    });
  });

  it('gives nothing to a user in no mapped group unless a fallback is set', () => {
    assert.equal(accessForGroups(['marketing'], parsed('ops=operator')), undefined);
    assert.equal(accessForGroups([], parsed('ops=operator')), undefined);
    assert.deepEqual(accessForGroups(['marketing'], parsed('ops=operator,*=viewer')), { globalRole: 'viewer', teams: [], because: 'the default role (*)' });
  });

  it('compares group names exactly', () => {
    assert.equal(accessForGroups(['OPS', 'ops '], parsed('ops=operator')), undefined);
  });
});
