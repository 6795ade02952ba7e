import type { Page } from 'playwright-core';

// The task editor's script is a Monaco editor, which a person types into and a test drives with the
// keyboard the same way; its hidden textarea is not a form field that `fill` could set.

/**
 * The script editor, once Monaco has loaded into it. Monaco is the largest chunk the app loads, on
 * demand: on a machine busy with Flink and a build, parsing it took longer than the 15 s the other
 * steps allow, so the wait for this one condition is longer.
 */
export async function scriptEditor(page: Page) {
  const editor = page.locator('[data-testid="monaco-sql-editor"] .monaco-editor');
  await editor.waitFor({ timeout: 60_000 });
  return editor;
}

/** Replaces the whole script, as pasting over a select-all would. */
export async function replaceScript(page: Page, sql: string): Promise<void> {
  const editor = await scriptEditor(page);
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
}

/** The script as the editor shows it (every line is rendered for the short scripts tests use). */
export async function scriptText(page: Page): Promise<string> {
  const editor = await scriptEditor(page);
  const lines = await editor.locator('.view-line').evaluateAll((els) =>
    els
      .map((el) => ({ top: parseFloat((el as HTMLElement).style.top || '0'), text: (el.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
  return lines.join('\n');
}

/** Whether the editor is read-only: Monaco marks its input so. */
export async function scriptIsReadOnly(page: Page): Promise<boolean> {
  const editor = await scriptEditor(page);
  return (await editor.locator('textarea').getAttribute('readonly')) !== null;
}
