import { useSyncExternalStore } from 'react';
import { serverClock } from '../api/server-clock';

/**
 * Weir's now, renewed once a second by one timer for the whole page: every live duration on screen
 * renders from the same value in the same commit, so one run's figures never differ by a tick.
 */
const TICK_MS = 1_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let current = serverClock.now();

function subscribe(onTick: () => void): () => void {
  listeners.add(onTick);
  if (!timer) {
    current = serverClock.now();
    timer = setInterval(() => {
      current = serverClock.now();
      listeners.forEach((listener) => listener());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(onTick);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useServerNow(): number {
  return useSyncExternalStore(subscribe, () => current);
}
