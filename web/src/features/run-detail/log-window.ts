// The logs viewer's memory: contiguous byte windows of one file, capped so a long follow session
// never grows without bound. Pure, so it is tested without a DOM.

export interface LogWindow {
  /** Byte offset of the first character held. */
  start: number;
  /** Byte offset just after the last character held: where the next window (follow mode) starts. */
  end: number;
  text: string;
  /** The file's size at the last read. */
  total: number;
  /** Bytes dropped from the front to stay under the cap. */
  dropped: boolean;
}

export interface Page {
  offset: number;
  nextOffset: number;
  total: number;
  text: string;
}

export const EMPTY_WINDOW: LogWindow = { start: 0, end: 0, text: '', total: 0, dropped: false };

/** The window after appending a newer page; a page that does not continue the window replaces it. */
export function appendPage(window: LogWindow, page: Page, maxChars: number): LogWindow {
  if (page.offset !== window.end || window.text === '') {
    return cap({ start: page.offset, end: page.nextOffset, text: page.text, total: page.total, dropped: false }, maxChars);
  }
  return cap({ start: window.start, end: page.nextOffset, text: window.text + page.text, total: page.total, dropped: window.dropped }, maxChars);
}

/** The window after prepending an older page (the "earlier" button). */
export function prependPage(window: LogWindow, page: Page): LogWindow {
  if (page.nextOffset !== window.start) return { start: page.offset, end: page.nextOffset, text: page.text, total: page.total, dropped: false };
  return { ...window, start: page.offset, text: page.text + window.text, total: Math.max(window.total, page.total) };
}

/** Drops whole lines from the front until the text fits (byte offsets follow UTF-8 lengths). */
function cap(window: LogWindow, maxChars: number): LogWindow {
  if (window.text.length <= maxChars) return window;
  let cut = window.text.length - maxChars;
  const newline = window.text.indexOf('\n', cut);
  if (newline !== -1) cut = newline + 1;
  const droppedText = window.text.slice(0, cut);
  return { ...window, start: window.start + new TextEncoder().encode(droppedText).length, text: window.text.slice(cut), dropped: true };
}

/** Where the previous page of `limit` bytes starts, or null at the start of the file. */
export function previousOffset(window: LogWindow, limit: number): { offset: number; limit: number } | null {
  if (window.start <= 0) return null;
  const offset = Math.max(window.start - limit, 0);
  return { offset, limit: window.start - offset };
}
