// An audit entry's detail as lines a person reads: an update's `changes` as "field: before → after",
// anything else as "field: value", in words (no camelCase, no JSON). Pure, so it is tested without a DOM.
import { fieldInWords, valueInWords } from '../../components/in-words';

/** `key`: the stored name, for a translated label; `field`: that name in English words, the fallback. */
export type DetailLine = { key: string; field: string } & ({ change: true; before: string | null; after: string | null } | { change: false; value: string });

export function auditDetailLines(detail: unknown): DetailLine[] {
  if (detail === null || detail === undefined) return [];
  if (typeof detail !== 'object' || Array.isArray(detail)) return [{ key: '', field: '', change: false, value: valueInWords('', detail) ?? '' }];
  const lines: DetailLine[] = [];
  for (const [key, value] of Object.entries(detail as Record<string, unknown>)) {
    if (key === 'changes' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [field, change] of Object.entries(value as Record<string, { before?: unknown; after?: unknown }>)) {
        lines.push({ key: field, field: fieldInWords(field), change: true, before: valueInWords(field, change?.before), after: valueInWords(field, change?.after) });
      }
      continue;
    }
    const shown = valueInWords(key, value);
    if (shown !== null) lines.push({ key, field: fieldInWords(key), change: false, value: shown });
  }
  return lines;
}
