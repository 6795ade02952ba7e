// Configuration shown as a person reads it: Weir's task settings under their names (not the
// camelCase field), durations as durations, nothing instead of `null` or `{}`, and a nested map of
// options (a task's extra Flink options) as rows of their own. Pure, so it is tested without a DOM.
import { fieldInWords, valueInWords } from '../../components/in-words';

export { fieldInWords, valueInWords };

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
