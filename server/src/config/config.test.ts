import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

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
