// Configuration shown as a person reads it: Weir's task settings under their names (not the
// camelCase field), durations as durations, nothing instead of `null` or `{}`, and a nested map of
// options (a task's extra Flink options) as rows of their own. Pure, so it is tested without a DOM.
import { formatMs } from './format';

export interface ConfigRow {
  /** The field or option as stored: the row's identity, and the label of an option (Flink's own key). */
  key: string;
  /** Weir's field name in words ("savepointPath" → "Savepoint path"); null for an option's row, which shows its key. */
  label: string | null;
  /** Null: not set (shown as such, never as "null" or "{}"). */
  value: string | null;
  /** The map a nested option came from ("flinkOptions"), null for a top-level field. */
  group: string | null;
}

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

/**
 * Rows of a configuration record: its plain fields first, in their order, then each nested map's
 * entries as rows of their own (sorted by key) under the map's name. An empty map adds one row,
 * "not set", so the field is still seen.
 */
export function configRows(values: Record<string, unknown>): ConfigRow[] {
  const plain: ConfigRow[] = [];
  const nested: ConfigRow[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
      if (entries.length === 0) plain.push({ key, label: fieldInWords(key), value: null, group: null });
      for (const [option, optionValue] of entries) nested.push({ key: option, label: null, value: valueInWords(option, optionValue), group: key });
      continue;
    }
    plain.push({ key, label: fieldInWords(key), value: valueInWords(key, value), group: null });
  }
  return [...plain, ...nested];
}
