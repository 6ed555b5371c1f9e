import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCloudClient } from '../support/local-cloud-client';
import { seedHeaders } from '../support/shop-webhooks';
import { type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, signIn, visible } from './support/crm-pages';

const workspaceId = 'small-screens';
const phone = { width: 375, height: 812 };
const desktop = { width: 1366, height: 800 };

/**
 * What a new user saw on a phone and between pages: the first paint, the sign-in roles, a list's members
 * with their remove buttons, and a contact's phone and carts, at 375 and 1366 px.
 */
describe.runIf(runE2e)('first screens and small screens', () => {
  let e2e: BrowserAndCloud;
  let client: ReturnType<typeof localCloudClient>;
  let api: Awaited<ReturnType<ReturnType<typeof localCloudClient>['apiAs']>>;

  beforeAll(async () => {
    e2e = await startBrowserAndCloud();
    client = localCloudClient(e2e.cloud);
    api = await client.apiAs(workspaceId);
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  // polled: after a resize the layout settles a frame or two later
  const noSidewaysScroll = (page: Page) =>
    expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(phone.width);

  /** Whether the text's element is wholly shown: inside the viewport and inside every ancestor that clips. */
  const fullyShown = (page: Page, text: string) =>
    page.getByText(text, { exact: true }).evaluate((element) => {
      const box = element.getBoundingClientRect();
      if (box.left < 0 || box.right > window.innerWidth) return false;
      if (element.scrollWidth > element.clientWidth + 1) return false;
      for (let at = element.parentElement; at; at = at.parentElement) {
        const { overflowX } = getComputedStyle(at);
        if (overflowX === 'visible') continue;
        const clip = at.getBoundingClientRect();
        if (box.left < clip.left - 1 || box.right > clip.right + 1) return false;
      }
      return true;
    });

  it('shows a loading shell from the first paint until the app has started, never a blank page', async () => {
    const page = await e2e.openPage(desktop);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // the app waits for its configuration before it renders anything: hold it
    await page.route('**/config.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${e2e.cloud.url}/contacts`, { waitUntil: 'domcontentloaded' });
    await visible(page.getByRole('status', { name: 'Loading Seed CRM' }));
    await screenshot(page, 'small-screens-01-loading-shell');
    release();
    await visible(page.getByRole('heading', { name: 'Sign in' }));
    expect(await page.getByRole('status', { name: 'Loading Seed CRM' }).count()).toBe(0);
    // in the colour scheme the user chose, from the first paint (no white flash in dark mode)
    await page.evaluate(() => localStorage.setItem('mantine-color-scheme-value', 'dark'));
    await page.unroute('**/config.json');
    await page.route('**/config.json', () => {}); // never answered
    await page.goto(`${e2e.cloud.url}/contacts`, { waitUntil: 'domcontentloaded' });
    await visible(page.getByRole('status', { name: 'Loading Seed CRM' }));
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(36, 36, 36)',
    );
    await page.close();
  });

  it('shows every sign-in role in full, on a phone and on a desktop', async () => {
    for (const [name, viewport] of [
      ['phone', phone],
      ['desktop', desktop],
    ] as const) {
      const page = await e2e.openPage(viewport);
      await visible(page.getByRole('heading', { name: 'Sign in' }));
      for (const role of ['Admin', 'Sales', 'Marketing', 'Support']) {
        expect({ role, shown: await fullyShown(page, role) }).toEqual({ role, shown: true });
      }
      await screenshot(page, `small-screens-02-sign-in-${name}`);
      if (name === 'phone') await noSidewaysScroll(page);
      await page.close();
    }
  });

  it("creates a list (the toast says so) and keeps its members' remove buttons on a phone's screen", async () => {
    const contact = await api<{ id: string }>('POST', '/api/contacts', {
      firstName: 'Maximiliane',
      lastName: 'Oberhollenzer-Wittgenstein',
      email: 'maximiliane.oberhollenzer-wittgenstein@example.com',
    });
    expect(contact.status).toBe(201);

    const page = await e2e.openPage(desktop);
    const pageErrors = collectPageErrors(page);
    await page.goto(`${e2e.cloud.url}/lists`);
    await signIn(page, { workspaceId, email: 'mia@example.com', role: 'Marketing' });
    await visible(heading(page, 'Lists'));
    await page.getByRole('button', { name: 'New list' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New list' });
    await dialog.getByLabel('Name').fill('Autumn fair');
    await dialog.getByRole('button', { name: 'Create list' }).click();
    // a new record is "created", as on every other page
    await visible(page.getByRole('status').getByText('Autumn fair created'));
    await visible(heading(page, 'Autumn fair'));
    const listId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const joined = await api('PUT', `/api/lists/${listId}/members/${contact.body.id}`);
    expect(joined.status).toBe(201);

    await page.reload();
    const members = page.getByRole('table', { name: 'Members of Autumn fair' });
    const remove = members.getByRole('button', {
      name: 'Take Maximiliane Oberhollenzer-Wittgenstein off Autumn fair',
    });
    await visible(remove);
    await screenshot(page, 'small-screens-03-list-members-desktop');

    await page.setViewportSize(phone);
    await visible(remove);
    await noSidewaysScroll(page);
    const box = await remove.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= phone.width).toBe(true);
    await visible(members.getByText(/· Added by hand$/));
    await screenshot(page, 'small-screens-04-list-members-phone');
    await remove.click();
    await visible(page.getByText('Nobody on this list yet'));
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("shows a contact's phone formatted and its open and abandoned carts, on a desktop and a phone", async () => {
    const contact = await api<{ id: string }>('POST', '/api/contacts', {
      firstName: 'Dana',
      lastName: 'Whitfield',
      email: 'dana@example.com',
      phone: '+1 202 555 0123',
    });
    expect(contact.status).toBe(201);
    const shop = await api<{ webhookPath: string; secret: string }>(
      'POST',
      '/api/settings/shop-connections',
      {
        provider: 'shop',
        name: 'Corner shop',
      },
    );
    expect(shop.status).toBe(201);
    const checkout = (id: string, hoursAgo: number, extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        customer: { email: 'dana@example.com' },
        checkout: {
          id,
          updatedAt: new Date(Date.now() - hoursAgo * 3600_000).toISOString(),
          currency: 'USD',
          total: '128.00',
          lineItems: [
            { name: 'Walnut desk organiser with a very long product name', quantity: 1, total: '96.00' },
            { name: 'Pencil cup', quantity: 2, total: '32.00' },
          ],
          ...extra,
        },
      });
    const carts = [
      checkout('dana-left', 6, { recoveryUrl: 'https://corner.example.com/cart/dana-left' }),
      checkout('dana-open', 0.1),
    ];
    for (const [at, body] of carts.entries()) {
      const reply = await client.post(
        shop.body.webhookPath,
        body,
        seedHeaders(body, 'checkout.updated', shop.body.secret, `dana-${at}`),
      );
      expect(reply.status).toBe(202);
    }
    await client.drained();
    await e2e.cloud.eventBus.fireSchedule('RaiseAbandonedCartsSchedule');
    await client.drained();

    const page = await e2e.openPage(desktop);
    const pageErrors = collectPageErrors(page);
    await page.goto(`${e2e.cloud.url}/contacts/${contact.body.id}`);
    await signIn(page, { workspaceId, email: 'ann@example.com', role: 'Sales' });
    await visible(heading(page, 'Dana Whitfield'));
    // the browser's region (en-US here) stands for the workspace's country: a US number in national format
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    const phoneLink = await visible(page.getByRole('link', { name: '(202) 555-0123' }));
    expect(await phoneLink.getAttribute('href')).toBe('tel:+12025550123');
    const cartList = await visible(page.getByRole('list', { name: 'Carts' }));
    const items = cartList.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    await visible(items.nth(0).getByText('Open', { exact: true }));
    await visible(items.nth(1).getByText('Abandoned', { exact: true }));
    await visible(items.nth(1).getByText('$128.00'));
    await visible(items.nth(1).getByText('2 × Pencil cup'));
    expect(await items.nth(1).getByRole('link', { name: 'Recovery link' }).getAttribute('href')).toBe(
      'https://corner.example.com/cart/dana-left',
    );
    await screenshot(page, 'small-screens-05-contact-desktop');

    await page.setViewportSize(phone);
    await visible(items.nth(1).getByText('Abandoned', { exact: true }));
    await noSidewaysScroll(page);
    await screenshot(page, 'small-screens-06-contact-phone');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
