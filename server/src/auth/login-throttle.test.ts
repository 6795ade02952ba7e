import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors/errors.js';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle } from './login-throttle.js';

const T0 = 1_800_000_000_000;
const limited = (fn: () => unknown) => assert.throws(fn, (err: unknown) => err instanceof AppError && err.code === 'RATE_LIMITED');

describe('login throttle', () => {
  it('counts an attempt when it begins: the sixth concurrent attempt at one account from one address is refused', () => {
    const throttle = new LoginThrottle();
    const running = Array.from({ length: 5 }, () => throttle.begin('10.0.0.1', 'admin', T0));
    limited(() => throttle.begin('10.0.0.1', 'admin', T0));
    limited(() => throttle.begin('10.0.0.1', 'ADMIN', T0));
    for (const attempt of running) attempt.failed();
    limited(() => throttle.begin('10.0.0.1', 'admin', T0 + 1000));
    assert.ok(throttle.begin('10.0.0.1', 'admin', T0 + DEFAULT_LOGIN_THROTTLE.windowMs));
  });

  it("another address is not refused at that account, only slowed down by the account's failures", () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 5; i++) throttle.begin('203.0.113.9', 'admin', T0).failed();
    limited(() => throttle.begin('203.0.113.9', 'admin', T0));
    const owner = throttle.begin('10.0.0.2', 'admin', T0);
    assert.equal(owner.delayMs, DEFAULT_LOGIN_THROTTLE.accountDelayBaseMs);
    owner.succeeded();
  });

  it('an attempt whose password could not be checked (directory down) is taken back: an outage locks nobody out, and erases no earlier failure', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 4; i++) throttle.begin('10.0.0.3', 'alice', T0).failed();
    for (let i = 0; i < 10; i++) throttle.begin('10.0.0.3', 'alice', T0).undecided();
    const fifth = throttle.begin('10.0.0.3', 'alice', T0);
    fifth.failed();
    limited(() => throttle.begin('10.0.0.3', 'alice', T0));
  });

  it('the slow-down doubles per failure up to its maximum', () => {
    const throttle = new LoginThrottle();
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const attempt = throttle.begin(`10.1.0.${i}`, 'ops', T0);
      delays.push(attempt.delayMs);
      attempt.failed();
    }
    assert.deepEqual(delays, [0, 0, 0, 0, 0, 500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('a success resets this address at this account, not its failures at other accounts', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 19; i++) throttle.begin('10.2.0.1', `ghost-${i}`, T0).failed();
    throttle.begin('10.2.0.1', 'alice', T0).succeeded();
    throttle.begin('10.2.0.1', 'ghost-x', T0).failed();
    limited(() => throttle.begin('10.2.0.1', 'alice', T0));
  });

  it('an attempt ends once: a second failed() or succeeded() changes nothing', () => {
    const throttle = new LoginThrottle();
    const attempt = throttle.begin('10.3.0.1', 'bob', T0);
    attempt.failed();
    attempt.failed();
    attempt.succeeded();
    for (let i = 0; i < 4; i++) throttle.begin('10.3.0.1', 'bob', T0).failed();
    limited(() => throttle.begin('10.3.0.1', 'bob', T0));
  });
});
