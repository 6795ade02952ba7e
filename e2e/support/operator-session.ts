import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sharedTestFlink, type TestFlink } from '../../server/src/test-support/flink.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { logIn } from './weir-app.js';
import { startWeirServer, type WeirServer } from './weir-server.js';

/** What a browser test of an operator's pages works with. */
export interface OperatorSession {
  flink: TestFlink;
  server: WeirServer;
  browser: TestBrowser;
  page: Page;
}

/**
 * The shared test Flink, a Weir server that samples metrics, checkpoints and jobs often (so a page
 * shows data soon), and a browser page of the given size logged in as the admin. What started is
 * stopped again when a later step fails.
 */
export async function startOperatorSession(adminPassword: string, viewport: { width: number; height: number }): Promise<OperatorSession> {
  assert.ok(process.env.WEIR_TEST_FLINK_REST && process.env.WEIR_TEST_FLINK_GATEWAY, 'WEIR_TEST_FLINK_REST and WEIR_TEST_FLINK_GATEWAY are not set: run this through `npm test`, which starts the test Flink cluster');
  const flink = await sharedTestFlink();
  const server = await startWeirServer({ adminPassword, env: { WEIR_METRICS_INTERVAL_MS: '2000', WEIR_CHECKPOINT_POLL_MS: '2000', WEIR_WATCH_INTERVAL_MS: '500' } });
  let browser: TestBrowser | undefined;
  try {
    browser = await launchBrowser({ locale: 'en-US' });
    const page = await browser.newPage();
    await page.setViewportSize(viewport);
    await logIn(page, server.url, adminPassword);
    return { flink, server, browser, page };
  } catch (err) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw err;
  }
}
