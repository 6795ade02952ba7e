// An audit entry's detail as lines a person reads: an update's `changes` as "field: before → after",
// anything else as "field: value", in words (no camelCase, no JSON). A yes/no and a moment are kept
// typed, so the page says them in the reader's language and time format rather than as `true` or
// epoch milliseconds. Pure, so it is tested without a DOM.
import { AutoRestartStop } from '@weir/contract';
import { fieldInWords, valueInWords } from '../../components/in-words';

/**
 * A value as the page shows it: words, a yes/no, a moment (epoch ms), or why Weir stopped
 * restarting a task as its code (said in the reader's language; `text` is the English it was
 * recorded with).
 */
export type DetailValue =
  | { kind: 'text'; text: string }
  | { kind: 'flag'; flag: boolean }
  | { kind: 'time'; at: number }
  | { kind: 'autoRestartStop'; stop: AutoRestartStop; text: string };

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
  // Giving up on a task is recorded with its reason in English and the same as a code (`stop`): the
  // reason is said from the code, and the code is no line of its own. An entry from before the code
  // has only the English, shown as it is.
  const stop = AutoRestartStop.safeParse((detail as Record<string, unknown>).stop);
  const reason = (detail as Record<string, unknown>).reason;
  const stopReason = stop.success && typeof reason === 'string' ? stop.data : null;
  for (const [key, value] of Object.entries(detail as Record<string, unknown>)) {
    if (stopReason && key === 'stop') continue;
    if (stopReason && key === 'reason') {
      lines.push({ key, field: fieldInWords(key), change: false, value: { kind: 'autoRestartStop', stop: stopReason, text: reason as string } });
      continue;
    }
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
