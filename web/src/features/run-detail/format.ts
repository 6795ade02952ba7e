import { formatDateTime } from '../../components/date-time-format';
import { currentLanguage } from '../../i18n/i18n';

/** A time in the one format of the app, in the chosen language (components/date-time-format.ts). */
export function formatTime(ms: number | null | undefined): string {
  return formatDateTime(ms, currentLanguage());
}

export { formatMs } from '../../components/format-ms';
