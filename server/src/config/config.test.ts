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
