// One date-time format for the whole app, in the chosen language: "Dec 6, 2026, 02:32:17" in
// English, "2026年12月6日 02:32:17" in Chinese, always 24-hour (operators compare times across
// logs, which are 24-hour). The time zone is not in the text, to keep tables narrow: the hover of
// <DateTime> names it. Pure, so it is tested without a DOM.

// Every formatter is made once: a page of the overview formats a few hundred times, and making an
// Intl formatter costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

const SHOWN: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
const DESCRIBED: Intl.DateTimeFormatOptions = { ...SHOWN, timeZoneName: 'long' };

function formatter(language: string, style: 'shown' | 'described', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${style}|${language}|${timeZone ?? ''}`;
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(language, { ...(style === 'shown' ? SHOWN : DESCRIBED), ...(timeZone ? { timeZone } : {}) })));
  return found;
}

let browserZone: string | undefined;
/** The browser's time zone, asked once: asking makes a formatter each time. */
function browserTimeZone(): string {
  return (browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** The time as every table and panel shows it; '–' for none. */
export function formatDateTime(ms: number | null | undefined, language: string, timeZone?: string): string {
  if (!ms) return '–';
  return formatter(language, 'shown', timeZone).format(ms);
}

/** What the hover says: the same time with its zone named, and in UTC for comparing with other systems. */
export function describeDateTime(ms: number, language: string, timeZone?: string): string {
  const zone = timeZone ?? browserTimeZone();
  const local = formatter(language, 'described', zone).format(ms);
  return `${local} (${zone}) · ${new Date(ms).toISOString()}`;
}
