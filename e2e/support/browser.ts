import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './repo.js';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = process.env.WEIR_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Sent as Accept-Language and navigator.language, which picks Weir's default language. */
  locale?: string;
}

/** Launches Chromium with a fresh profile. Fails, never skips, when Chromium is not installed. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's "chromium" package (apt-get install chromium), or set WEIR_CHROMIUM.`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: options.locale ?? 'en-US',
    // Weir turns its animations off when the system asks for less motion: a click right after a
    // dialog closed then lands on the page, however slowly a busy machine would have played the fade.
    reducedMotion: 'reduce',
  });
  // The longest a step waits for what it looks for. A wait ends as soon as the thing is there; this
  // bound is for a machine busy with a second suite, where the first page after login (the app's
  // chunks, then the overview's first answer) took more than 15 s.
  context.setDefaultTimeout(30_000);
  keepJournal(context);
  await watchContentSecurityPolicy(context);
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const cspViolations = new WeakMap<Page, string[]>();

/**
 * What the browser refused on this page under Weir's Content-Security-Policy since it opened, over
 * every navigation. A refusal the app survives (a library's caught `new Function` probe) is still a
 * refusal an operator's browser reports, and a stricter browser may break on it.
 */
export function cspViolationsOf(page: Page): string[] {
  return [...(cspViolations.get(page) ?? [])];
}

/** Every page of the context reports each `securitypolicyviolation` to the test process, where a navigation cannot lose it. */
async function watchContentSecurityPolicy(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__weirCspViolation', ({ page }, violation: string) => {
    const list = cspViolations.get(page) ?? [];
    list.push(violation);
    cspViolations.set(page, list);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __weirCspViolation?: (v: string) => void }).__weirCspViolation;
      report?.(`${e.violatedDirective} ${e.blockedURI} on ${location.pathname}`);
    });
  });
}

const JOURNAL_DIR = path.join(REPO_ROOT, 'test-results', 'browser-journal');

/**
 * Writes what the browser saw that a failing step cannot show afterwards: every navigation, every
 * answer of 400 or more, every request that got no answer, and console errors, to
 * test-results/browser-journal/<test file>.log. A mutation whose outcome never appeared on a busy
 * machine is explained by these lines (a refetch that failed and replaced the page, a 401, a reload).
 */
function keepJournal(context: BrowserContext): void {
  fs.mkdirSync(JOURNAL_DIR, { recursive: true });
  const testFile = path.basename(process.argv[1] ?? 'browser', '.ts').replace(/[^\w.-]/g, '_');
  const file = path.join(JOURNAL_DIR, `${testFile}-${process.env.WEIR_TEST_DATABASE ?? 'sqlite'}.log`);
  const write = (line: string) => fs.appendFileSync(file, `${new Date().toISOString()} ${line}\n`);
  write('--- browser launched');
  const watch = (page: Page) => {
    page.on('framenavigated', (frame) => frame === page.mainFrame() && write(`navigated ${frame.url()}`));
    page.on('console', (msg) => msg.type() === 'error' && write(`console error ${msg.text().slice(0, 500)}`));
    page.on('pageerror', (err) => write(`page error ${err.message.slice(0, 500)}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  context.on('response', (response) => {
    if (response.status() >= 400) write(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  context.on('requestfailed', (request) => write(`no answer ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? '?'}`));
}
