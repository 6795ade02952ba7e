import { AppError } from '../errors/errors.js';

export interface LoginThrottleSettings {
  /** Failures are remembered this long (a sliding start: the window opens at the first failure). */
  windowMs: number;
  /** Attempts one address may make at one account per window. */
  perAddressAndAccount: number;
  /** Failed attempts one address may make at all accounts together per window. */
  perAddress: number;
  /** Failures of one account (from anywhere) after which each attempt at it waits … */
  accountDelayAfter: number;
  /** … this long, doubling with each further failure, up to accountDelayMaxMs. */
  accountDelayBaseMs: number;
  accountDelayMaxMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = {
  windowMs: 15 * 60_000,
  perAddressAndAccount: 5,
  perAddress: 20,
  accountDelayAfter: 5,
  accountDelayBaseMs: 500,
  accountDelayMaxMs: 10_000,
};

/** One login attempt that passed the throttle: it must end in exactly one of these. */
export interface LoginAttempt {
  /** How long to wait before checking the password (the account's progressive slow-down). */
  readonly delayMs: number;
  succeeded(): void;
  failed(): void;
  /** The password could not be checked (the directory was down): the attempt is taken back, as if never made. */
  undecided(): void;
}

interface Window {
  count: number;
  since: number;
}

/** Above this many remembered keys, expired ones are swept (an attacker choosing addresses and names cannot grow it for long). */
const SWEEP_ABOVE = 10_000;

/**
 * Limits password guessing without handing anyone a way to lock others out:
 * - an attempt is counted when it starts, before the password hash, synchronously: parallel
 *   requests cannot all slip past the check and be evaluated;
 * - a hard limit only per address+account and per address, so a stranger exhausts only their own
 *   address; the account owner, from elsewhere, still gets in;
 * - per account only a progressive delay, which slows guessing from many addresses but never
 *   refuses the right password;
 * - unknown usernames are counted like known ones, so the answers do not reveal which exist.
 * In memory: a restart forgets the counts, and several Weir instances count separately.
 */
export class LoginThrottle {
  private readonly pairs = new Map<string, Window>();
  private readonly addresses = new Map<string, Window>();
  private readonly accounts = new Map<string, Window>();

  constructor(private readonly settings: LoginThrottleSettings = DEFAULT_LOGIN_THROTTLE) {}

  /** Counts an attempt, or throws RATE_LIMITED without counting it. */
  begin(address: string, username: string, now: number): LoginAttempt {
    const account = username.toLowerCase();
    const pairKey = `${address}\n${account}`;
    const pair = this.current(this.pairs, pairKey, now);
    const byAddress = this.current(this.addresses, address, now);
    if (pair.count >= this.settings.perAddressAndAccount || byAddress.count >= this.settings.perAddress) {
      throw new AppError('RATE_LIMITED', 'Too many failed logins; try again later');
    }
    pair.count += 1;
    byAddress.count += 1;
    const accountFailures = this.accounts.get(account);
    const failures = accountFailures && now - accountFailures.since < this.settings.windowMs ? accountFailures.count : 0;
    const over = failures - this.settings.accountDelayAfter;
    const delayMs = over < 0 ? 0 : Math.min(this.settings.accountDelayBaseMs * 2 ** Math.min(over, 30), this.settings.accountDelayMaxMs);
    let ended = false;
    return {
      delayMs,
      succeeded: () => {
        if (ended) return;
        ended = true;
        // This address proved it knows this account's password: its count for this account starts
        // again. Its failures at other accounts stay counted.
        this.pairs.delete(pairKey);
        byAddress.count -= 1;
      },
      failed: () => {
        if (ended) return;
        ended = true;
        this.current(this.accounts, account, now).count += 1;
      },
      undecided: () => {
        if (ended) return;
        ended = true;
        pair.count = Math.max(0, pair.count - 1);
        byAddress.count = Math.max(0, byAddress.count - 1);
      },
    };
  }

  /** The live window under `key`, a fresh one when there is none or it expired. */
  private current(map: Map<string, Window>, key: string, now: number): Window {
    const existing = map.get(key);
    if (existing && now - existing.since < this.settings.windowMs) return existing;
    if (map.size > SWEEP_ABOVE) {
      for (const [k, w] of map) if (now - w.since >= this.settings.windowMs) map.delete(k);
    }
    const fresh = { count: 0, since: now };
    map.set(key, fresh);
    return fresh;
  }
}
