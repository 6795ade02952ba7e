import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { cspViolationsOf } from './browser.js';
import { REPO_ROOT } from './repo.js';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

/**
 * Full-page PNG at test-results/screenshots/<test>-<step>.png: how a person reviews the UI a test
 * walked through. Each one also holds the page to its Content-Security-Policy: a step whose page
 * (or any page before it in this tab) had something refused fails here, after its picture is taken.
 */
export async function screenshot(page: Page, test: string, step: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${test}-${step}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  const refused = cspViolationsOf(page);
  if (refused.length > 0) throw new Error(`the page broke its Content-Security-Policy by ${step}: ${refused.join('; ')}`);
  return file;
}
