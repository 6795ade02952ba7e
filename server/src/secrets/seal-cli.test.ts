import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { SecretBox } from './secret-box.js';

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seal-cli.ts');
const KEY = '5a'.repeat(32);

it('seals a secret from standard input with the configured key, so Weir can open it', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI], { input: 'client-secret-123\n', encoding: 'utf8', env: { ...process.env, WEIR_SECRET_KEY: KEY } });
  assert.equal(run.status, 0, run.stderr);
  const sealed = run.stdout.trim();
  assert.ok(SecretBox.isSealed(sealed));
  assert.doesNotMatch(sealed, /client-secret-123/);
  assert.equal(SecretBox.fromKey(KEY).open(sealed), 'client-secret-123');
});

it('refuses an empty secret', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI], { input: '', encoding: 'utf8', env: { ...process.env, WEIR_SECRET_KEY: KEY } });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /standard input/);
});
