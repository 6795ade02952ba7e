// An audit entry's detail as lines a person reads: an update's `changes` as "field: before → after",
// anything else as "field: value", in words (no camelCase, no JSON). A yes/no and a moment are kept
// typed, so the page says them in the reader's language and time format rather than as `true` or
// epoch milliseconds. Pure, so it is tested without a DOM.
import { fieldInWords, valueInWords } from '../../components/in-words';

/** A value as the page shows it: words, a yes/no, or a moment (epoch ms). */
export type DetailValue = { kind: 'text'; text: string } | { kind: 'flag'; flag: boolean } | { kind: 'time'; at: number };

/** `key`: the stored name, for a translated label; `field`: that name in English words, the fallback. */
export type DetailLine = { key: string; field: string } & ({ change: true; before: DetailValue | null; after: DetailValue | null } | { change: false; value: DetailValue });

/** Weir's moments are epoch milliseconds in fields named …At (endsAt, createdAt); a smaller number there is not one. */
const EARLIEST_MOMENT_MS = Date.UTC(2000, 0, 1);

export function detailValue(key: string, value: unknown): DetailValue | null {
  if (typeof value === 'boolean') return { kind: 'flag', flag: value };
  if (typeof value === 'number' && /At$/.test(key) && Number.isInteger(value) && value >= EARLIEST_MOMENT_MS) return { kind: 'time', at: value };
  const text = valueInWords(key, value);
  return text === null ? null : { kind: 'text', text };
}

export function auditDetailLines(detail: unknown): DetailLine[] {
  if (detail === null || detail === undefined) return [];
  if (typeof detail !== 'object' || Array.isArray(detail)) {
    const value = detailValue('', detail);
    return value ? [{ key: '', field: '', change: false, value }] : [];
  }
  const lines: DetailLine[] = [];
  for (const [key, value] of Object.entries(detail as Record<string, unknown>)) {
    if (key === 'changes' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [field, change] of Object.entries(value as Record<string, { before?: unknown; after?: unknown }>)) {
        lines.push({ key: field, field: fieldInWords(field), change: true, before: detailValue(field, change?.before), after: detailValue(field, change?.after) });
      }
      continue;
    }
    const shown = detailValue(key, value);
    if (shown !== null) lines.push({ key, field: fieldInWords(key), change: false, value: shown });
  }
  return lines;
}
