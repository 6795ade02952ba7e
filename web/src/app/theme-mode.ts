import { useSyncExternalStore } from 'react';

export type ThemeMode = 'light' | 'dark';

/**
 * Light or dark. The server keeps each user's choice for every browser they use (user-theme.ts reads
 * it); this browser keeps a copy only to paint the first frame right before that answer arrives:
 * per user (`weir.theme.<userId>`), so two people sharing an on-call laptop each get theirs, and the
 * last choice made here for the login page, so the page does not flash light at a dark-mode user.
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

/** Switches now and remembers the choice on this browser for the next first paint. */
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
