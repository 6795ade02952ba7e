import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGroupRoleMapping, roleForGroups, type GroupRoleMapping } from './external-identity.js';

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
        '"ops=root" is not group=role with a role of admin, operator or viewer',
        '"admins" is not group=role with a role of admin, operator or viewer',
        '"=viewer" is not group=role with a role of admin, operator or viewer',
      ],
    });
  });

  it('gives the highest role among the groups held, and says which group gave it', () => {
    const mapping = parsed('viewers=viewer, ops=operator, admins=admin');
    assert.deepEqual(roleForGroups(['viewers', 'ops'], mapping), { role: 'operator', because: 'group ops' });
    assert.deepEqual(roleForGroups(['admins', 'viewers'], mapping), { role: 'admin', because: 'group admins' });
  });

  it('gives no role to a user in no mapped group unless a fallback is set', () => {
    assert.equal(roleForGroups(['marketing'], parsed('ops=operator')), undefined);
    assert.equal(roleForGroups([], parsed('ops=operator')), undefined);
    assert.deepEqual(roleForGroups(['marketing'], parsed('ops=operator,*=viewer')), { role: 'viewer', because: 'the default role (*)' });
  });

  it('compares group names exactly', () => {
    assert.equal(roleForGroups(['OPS', 'ops '], parsed('ops=operator')), undefined);
  });
});
