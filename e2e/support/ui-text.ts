import type { Page } from 'playwright-core';

/**
 * What the page shows a person as its own words: every rendered text, one line per element, and
 * the placeholders of empty fields. Left out: code and its editors (SQL, the script), log and stack
 * trace blocks, and whatever the web app marks translate="no" — data shown as it is, which a
 * translation would falsify (Flink's option keys, operator names, exception messages). Text drawn
 * on a canvas (the metric charts' axes) is not read.
 */
export async function visibleUiText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const VERBATIM = 'pre, code, kbd, samp, textarea, script, style, noscript, .monaco-editor, [translate="no"]';
    const lines: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let last: Node | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (!parent || !text || parent.closest(VERBATIM)) continue;
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      // React renders `v{n}` as two text nodes side by side: one word, as the page shows it. Other
      // text of the same element (around an icon) stays on its line.
      if (last && node.previousSibling === last) lines[lines.length - 1] += text;
      else if (last && last.parentElement === parent) lines[lines.length - 1] += ` ${text}`;
      else lines.push(text);
      last = node;
    }
    for (const field of Array.from(document.querySelectorAll<HTMLInputElement>('input[placeholder]'))) {
      if (!field.value && field.checkVisibility() && !field.closest(VERBATIM)) lines.push(field.placeholder);
    }
    return lines.join('\n');
  });
}
