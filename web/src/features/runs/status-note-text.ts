import type { StatusNote } from '@weir/contract';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../components/date-time-format';

// A status-history note in the reader's language, from the code the server stores beside its
// English. Entries kept before notes had codes have only their English, shown as it is. Pure (t and
// the language come in), so it is tested without a DOM.

export function statusNoteText(t: TFunction, language: string, transition: { note: string | null; noteCode?: StatusNote }): string | null {
  const { noteCode } = transition;
  if (!noteCode) return transition.note;
  const params: Record<string, string | number> = {};
  const values: StatusNote['params'] = noteCode.params;
  for (const [name, value] of Object.entries(values)) {
    params[name] = typeof value === 'number' && name.endsWith('At') ? formatDateTime(value, language) : value;
  }
  // Flink's status comes with a time only when Flink gave one: the sentence says "since" only then.
  const since = values.sinceAt === undefined ? '' : t('runDetail.timeline.notes.since', params);
  return t(`runDetail.timeline.notes.${noteCode.code}` as const, { ...params, since });
}
