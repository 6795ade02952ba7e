import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginPathFor, safeReturnPath } from './return-path';

test('safeReturnPath keeps same-origin paths', () => {
  assert.equal(safeReturnPath('/clusters?sort=name'), '/clusters?sort=name');
});

test('safeReturnPath refuses other origins, login itself and nothing', () => {
  for (const next of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/login', '/login?next=/x']) {
    assert.equal(safeReturnPath(next), '/');
  }
});

test('loginPathFor carries the current location', () => {
  assert.equal(loginPathFor({ pathname: '/clusters', search: '?sort=name' }), '/login?next=%2Fclusters%3Fsort%3Dname');
  assert.equal(loginPathFor({ pathname: '/', search: '' }), '/login');
});
