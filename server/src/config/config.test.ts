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
