import { formatDateTime } from '../../components/date-time-format';
import { currentLanguage } from '../../i18n/i18n';

/** A time in the one format of the app, in the chosen language (components/date-time-format.ts). */
export function formatTime(ms: number | null | undefined): string {
  return formatDateTime(ms, currentLanguage());
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  if (ms >= 3_600_000) return `${Math.floor(ms / 3_600_000)} h ${Math.floor((ms % 3_600_000) / 60_000)} min`;
  if (ms >= 60_000) return `${Math.floor(ms / 60_000)} min ${Math.floor((ms % 60_000) / 1000)} s`;
  if (ms >= 1_000) return `${Number((ms / 1000).toPrecision(3))} s`;
  return `${Math.round(ms)} ms`;
}
