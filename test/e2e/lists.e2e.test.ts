import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud } from '../../infra/local/local-cloud';
import { launchChromium, runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, signIn, visible } from './support/crm-pages';

/**
 * Lists in a real browser against the whole local cloud: a marketer creates a list, puts a contact on it
 * from the contact's page, finds the contact among the list's members, and takes it off again.
 */
describe.runIf(runE2e)('lists in the web app', () => {
  let cloud: Awaited<ReturnType<typeof startLocalCloud>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  const workspaceId = 'lists-e2e';
  let contactId: string;

  beforeAll(async () => {
    const index = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));
    if (!existsSync(index))
      throw new Error('web/dist is missing: run `npm run build` first (npm test does).');
    browser = await launchChromium();
    context = browser.context;
    cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, tableName: 'seed-crm-lists-e2e' });
    const issued = await fetch(`${cloud.url}/api/local/token`, {
      method: 'POST',
      body: JSON.stringify({ workspaceId, email: 'setup@example.com', roles: ['admin'] }),
    });
    const { token } = (await issued.json()) as { token: string };
    const created = await fetch(`${cloud.url}/api/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Linh', lastName: 'Tran', email: 'linh@example.com' }),
    });
    contactId = ((await created.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  async function openPage(viewport: { width: number; height: number }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${cloud.url}/sign-in`);
    await page.evaluate(() => localStorage.clear());
    return page;
  }

  it('creates a list, adds a contact from its page, shows the member, and removes it', async () => {
    const page = await openPage({ width: 1280, height: 800 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/lists`);
    await signIn(page, { workspaceId, email: 'mia@example.com', role: 'Marketing' });
    await visible(heading(page, 'Lists'));
    await visible(page.getByText('No lists yet'));

    // a name is required, and the refusal is said on the input
    await page.getByRole('button', { name: 'New list' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New list' });
    await dialog.getByRole('button', { name: 'Create list' }).click();
    await visible(dialog.getByText('Give the list a name.'));
    await dialog.getByLabel('Name').fill('Spring webinar');
    await dialog.getByLabel('Description').fill('Guests of the April webinar');
    await dialog.getByRole('button', { name: 'Create list' }).click();
    await visible(heading(page, 'Spring webinar'));
    await visible(page.getByText('Nobody on this list yet'));
    await screenshot(page, 'lists-01-new-list');

    // the contact's page puts it on the list
    await page.goto(`${cloud.url}/contacts/${contactId}`);
    await visible(heading(page, 'Linh Tran'));
    await visible(page.getByText('Not on any list.'));
    await page.getByRole('combobox', { name: 'Add to a list' }).click();
    await page.getByRole('option', { name: 'Spring webinar' }).click();
    await visible(page.getByText('Linh Tran joined Spring webinar'));
    const lists = page.getByRole('region', { name: 'Lists' });
    await visible(lists.getByRole('link', { name: 'Spring webinar' }));
    await screenshot(page, 'lists-02-contact-on-list');

    // the list shows its member, and takes it off
    await lists.getByRole('link', { name: 'Spring webinar' }).click();
    await visible(page.getByText('1 member · Guests of the April webinar'));
    const members = page.getByRole('table', { name: 'Members of Spring webinar' });
    await visible(members.getByRole('link', { name: 'Linh Tran' }));
    await visible(members.getByText('Added by hand'));
    await screenshot(page, 'lists-03-members');
    await members.getByRole('button', { name: 'Take Linh Tran off Spring webinar' }).click();
    await visible(page.getByText('Nobody on this list yet'));
    await visible(page.getByText('0 members · Guests of the April webinar'));
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows lists on a phone, and hides what a support user may not do', async () => {
    const page = await openPage({ width: 375, height: 740 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/lists`);
    await signIn(page, { workspaceId, email: 'sam@example.com', role: 'Support' });
    await visible(heading(page, 'Lists'));
    await visible(page.getByRole('link', { name: /Spring webinar/ }));
    expect(await page.getByRole('button', { name: 'New list' }).count()).toBe(0);
    await screenshot(page, 'lists-04-phone');
    await page.getByRole('link', { name: /Spring webinar/ }).click();
    await visible(heading(page, 'Spring webinar'));
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
