import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export const ADMIN_USERNAME = 'admin';

/** Logs in through the real login form, starting from no session, and waits for the shell. */
export async function logIn(page: Page, baseUrl: string, password: string, username = ADMIN_USERNAME): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('menu').getByText('Clusters').waitFor();
}

/**
 * Clicks a button in the open confirmation popover (antd Popconfirm) and makes sure the click was
 * taken: the popover closes, or its button shows it is working (a confirmation that returns a
 * promise keeps the popover open, loading, until done). On a busy machine a click on the popover's
 * button was seen lost (the popover still open and idle 75 s later, nothing sent to Weir); then the
 * click is made again, which is what a person would do. A taken click is never repeated.
 */
export async function confirmPopover(page: Page, button: string | RegExp): Promise<void> {
  const popover = page.getByRole('tooltip');
  const name = typeof button === 'string' ? new RegExp(`^(loading )?${button.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : button;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const clicked = await popover
      .getByRole('button', { name })
      .click(attempt === 1 ? {} : { timeout: 2_000 })
      .then(
        () => true,
        (err: unknown) => {
          if (attempt === 1) throw err;
          return false;
        },
      );
    // Gone meanwhile: the earlier click was taken after all.
    if (!clicked) return;
    const taken = await popover
      .filter({ hasNot: page.locator('.ant-btn-loading') })
      .first()
      .waitFor({ state: 'detached', timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (taken) return;
  }
}

/** A call to Weir's API in the page's session, with its CSRF token; an answer of 400 or more fails the test, naming it. */
export async function callApi(page: Page, baseUrl: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<any> {
  const me = await page.request.get(`${baseUrl}/api/auth/me`);
  const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
  const res = await page.request.fetch(`${baseUrl}${path}`, { method, headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body), timeout: 120_000 });
  const json = (await res.json().catch(() => null)) as unknown;
  assert.ok(res.ok(), `${method} ${path} answered ${res.status()}: ${JSON.stringify(json)}`);
  return json;
}
