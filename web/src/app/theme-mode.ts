import { useSyncExternalStore } from 'react';

export type ThemeMode = 'light' | 'dark';

/**
 * Light or dark, remembered per user on this browser (`weir.theme.<userId>`): two people sharing an
 * on-call laptop each get theirs. Until someone is logged in (the login page) the last choice made
 * on this browser holds, so the page does not flash light at a dark-mode user.
 */
const LAST_KEY = 'weir.theme';
const userKey = (userId: string) => `${LAST_KEY}.${userId}`;

let mode: ThemeMode = read(LAST_KEY) ?? 'light';
let currentUser: string | null = null;
const listeners = new Set<() => void>();

function read(key: string): ThemeMode | null {
  try {
    const value = window.localStorage.getItem(key);
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null;
  }
}

function set(next: ThemeMode): void {
  if (next === mode) return;
  mode = next;
  document.documentElement.dataset.theme = next;
  for (const listener of listeners) listener();
}

/** The logged-in user changed: their remembered mode applies. */
export function useThemeOf(userId: string | undefined): void {
  if (userId && userId !== currentUser) {
    currentUser = userId;
    const remembered = read(userKey(userId));
    if (remembered) queueMicrotask(() => set(remembered));
  }
}

export function chooseTheme(next: ThemeMode): void {
  try {
    window.localStorage.setItem(LAST_KEY, next);
    if (currentUser) window.localStorage.setItem(userKey(currentUser), next);
  } catch {
    // A browser that keeps nothing still switches for this visit.
  }
  set(next);
}

export function useThemeMode(): ThemeMode {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => mode,
  );
}

if (typeof document !== 'undefined') document.documentElement.dataset.theme = mode;
