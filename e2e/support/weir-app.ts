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
