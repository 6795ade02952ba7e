import type { TFunction } from 'i18next';
import { msToDuration } from './rule-form';

// Apart from alert-format.ts, which reads the app's current language when loaded: pure modules
// (the incident summaries) format durations without a browser.

/** "10 min", "2 h", "90 s" in the current language. */
export function formatDuration(t: TFunction, ms: number): string {
  const d = msToDuration(ms);
  return t(`alerts.units.${d.unit}`, { count: d.value });
}
