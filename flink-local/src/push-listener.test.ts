import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertPushSupported, PUSH_LISTENER_FACTORY, pushListenerConfig } from './push-listener.js';

describe('push listener settings', () => {
  it('names the factory and where to push in the cluster config', () => {
    assert.deepEqual(pushListenerConfig({ url: 'http://127.0.0.1:8888/push/clusters/c1', token: 'wpush_x' }), {
      'execution.job-status-changed-listeners': PUSH_LISTENER_FACTORY,
      'weir.push.url': 'http://127.0.0.1:8888/push/clusters/c1',
      'weir.push.token': 'wpush_x',
    });
  });

  it('refuses Flink 1.20, which has no JobStatusChangedListener, and accepts 2.x', () => {
    assert.throws(() => assertPushSupported('1.20.3'), /cannot push/);
    assert.doesNotThrow(() => assertPushSupported('2.3.0'));
  });
});
