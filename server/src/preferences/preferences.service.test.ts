import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readPreferences } from './preferences.service.js';

it('reads the stored values the contract accepts, and any other as never chosen', () => {
  assert.deepEqual(readPreferences({}), { theme: null });
  assert.deepEqual(readPreferences({ theme: 'dark' }), { theme: 'dark' });
  assert.deepEqual(readPreferences({ theme: 'sepia' }), { theme: null }, 'a value a newer Weir wrote');
  assert.deepEqual(readPreferences({ theme: 'light', retired: true }), { theme: 'light' }, 'a preference this Weir no longer has');
});
