/**
 * Every value that reaches a chat message or an e-mail passes through one function here, chosen by
 * the format it lands in. The values are hostile: anyone who may submit a job to a cluster names the
 * job, and exception texts, rule and cluster names are free text. Without escaping such a name could
 * add a link, an image, a heading, a mention, or a whole fake "RESOLVED" block (it only needs a
 * line break). Pure functions, tested in message-escaping.test.ts and through every sender.
 */

/** Line breaks of every kind a renderer might honour, and the other control characters. */
const LINE_BREAKS = /[\r\n\v\f\u0085\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** One line of plain text: line breaks become spaces, other control characters go. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROL, '');
}

/**
 * The robots' markdown dialects (DingTalk, WeCom, Feishu's lark_md) honour no backslash escapes
 * (a "\\*" shows both characters), so markup characters are swapped for look-alikes that carry no
 * meaning: a reader still recognises the name, no renderer acts on it.
 */
const MARKDOWN_LOOKALIKES: Record<string, string> = {
  '[': '［', // links and images: "[x](…)", "![x](…)"
  ']': '］',
  '<': '‹', // HTML and the dialects' tags: <font>, <at>, <a>, WeCom's <@userid>
  '>': '›', // also block quotes
  '`': "'", // code spans and fences
  '*': '∗', // bold, italics, list items
  '~': '∼', // strike-through
  '#': '＃', // headings
  '|': '│', // tables
  '&': '＆', // entities: "&lt;" would render as "<"
  '@': '＠', // mentions: "@all", "@13800000000"
};
const MARKDOWN_SPECIAL = /[[\]<>`*~#|&@]/g;

/** A value for DingTalk / WeCom markdown or Feishu lark_md: one line, no markup, no links. */
export function escapeChatMarkdown(text: string): string {
  return (
    oneLine(text)
      .replace(MARKDOWN_SPECIAL, (c) => MARKDOWN_LOOKALIKES[c]!)
      // "_" makes emphasis only at a word's edge ("__x__"); "orders_etl" keeps its underscore.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '＿')
      // Bare addresses become links in these clients; "://" → ":∕∕" reads the same and links nowhere.
      .replace(/:\/\//g, ':∕∕')
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}․`)
  );
}

/** A value for HTML text or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Weir's own link, for "[Open in Weir](…)": only http(s), and the characters that would end the
 * link target or open markup are percent-encoded. Undefined when it is not a web address.
 */
export function markdownLinkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(/[()[\]<>`*_~ "'\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
