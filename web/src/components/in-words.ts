// Stored names and values as a person reads them: a camelCase field in words, a duration as a
// duration, nothing set as null (the caller shows "not set"), never `null` or `{}`. Pure; used by the
// run page's configuration and the audit log's details.
import { formatMs } from './format-ms';

/** "checkpointIntervalMs" → "Checkpoint interval": a camelCase field in words, without a unit suffix. */
export function fieldInWords(key: string): string {
  const words = key
    .replace(/Ms$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value in words: durations for `…Ms` fields, null for nothing set, lists joined, objects as key=value pairs. */
export function valueInWords(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' && /Ms$/.test(key)) return formatMs(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((item) => valueInWords('', item) ?? '–').join(', ');
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length === 0 ? null : entries.map(([k, v]) => `${k}=${valueInWords(k, v) ?? '–'}`).join(', ');
}
