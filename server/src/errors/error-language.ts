// Which language the server's own texts go out in. The web app sends its chosen language as
// Accept-Language on every call; anything Chinese gets zh-CN, everything else the English the
// code writes. Pure.

export type ErrorLanguage = 'en-US' | 'zh-CN';

/** The first language of an Accept-Language header that Weir speaks, by preference order (q). */
export function errorLanguageOf(header: string | string[] | undefined): ErrorLanguage {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranked = text
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en-US';
  }
  return 'en-US';
}
