import { useSyncExternalStore } from 'react';

/**
 * Whether the operating system asks for less motion (`prefers-reduced-motion: reduce`). Weir then
 * turns antd's animations off: a dialog or drawer opens and closes at once instead of zooming and
 * fading, so nothing under it stays covered by a closing dialog for a moment. People who get dizzy
 * from motion ask for this; so do the browser tests, whose clicks must not depend on how fast a
 * busy machine plays an animation.
 */
const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const prefersReducedMotion = () => typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(QUERY).matches;

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}
