import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FilterParser } from 'ldapts';
import { escapeDnValue, escapeFilterValue, fillTemplate } from './ldap-escape.js';

describe('LDAP escaping of what a user types', () => {
  it('a filter value keeps no filter syntax (RFC 4515): the filter stays one equality test', () => {
    assert.equal(escapeFilterValue('eve*)(uid=*'), 'eve\\2a\\29\\28uid=\\2a');
    assert.equal(escapeFilterValue('a\\b\0'), 'a\\5cb\\00');
    const filter = fillTemplate('(&(objectClass=person)(uid={username}))', { username: escapeFilterValue('*)(|(uid=*') });
    assert.equal(FilterParser.parseString(filter).toString(), filter);
  });

  it('a DN value stays one value (RFC 4514): commas, pluses, quotes, leading # and edge spaces are escaped', () => {
    assert.equal(escapeDnValue('dave,jr'), 'dave\\,jr');
    assert.equal(escapeDnValue('a,ou=admins'), 'a\\,ou\\=admins');
    assert.equal(escapeDnValue('x+cn="y"<z>;\\'), 'x\\+cn\\=\\"y\\"\\<z\\>\\;\\\\');
    assert.equal(escapeDnValue('#hash'), '\\#hash');
    assert.equal(escapeDnValue(' spaced '), '\\ spaced\\ ');
  });

  it('fills only the named placeholders, and a value with $& in it literally', () => {
    assert.equal(fillTemplate('uid={username},{other}', { username: 'a$&b' }), 'uid=a$&b,{other}');
  });
});
