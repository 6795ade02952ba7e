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

/**
 * While no timer runs (no live duration was on screen), `current` is as old as the last one: a page
 * opened later would draw its first frame with it, before subscribe() renews it. Renewed here once it
 * is a tick old, so the value stays the same between React's reads within a tick.
 */
function snapshot(): number {
  if (!timer && serverClock.now() - current >= TICK_MS) current = serverClock.now();
  return current;
}

export function useServerNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
