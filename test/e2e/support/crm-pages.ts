import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

const screenshotDir = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true, animations: 'disabled' });
}

export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' });
  return locator;
}

/** The local sign-in page: workspace, email and a role. */
export async function signIn(page: Page, user: { workspaceId: string; email: string; role?: string }) {
  await visible(page.getByRole('heading', { name: 'Sign in' }));
  await page.getByLabel('Workspace').fill(user.workspaceId);
  await page.getByLabel('Email').fill(user.email);
  await page.getByText(user.role ?? 'Admin', { exact: true }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The page's main heading, once it shows `name`. */
export function heading(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/** The search box of a list; the list follows once typing pauses. */
export async function search(page: Page, label: string, text: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).fill(text);
  await page.waitForURL((url) => (url.searchParams.get('q') ?? '') === text.trim());
}

export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
