import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCloudClient } from '../support/local-cloud-client';
import { shopifyHeaders, shopifyOrderBody, shopifyTestSecret } from '../support/shop-webhooks';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, search, signIn, visible } from './support/crm-pages';

const workspaceId = 'integrations';
const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 800 };

/**
 * The integration settings in a real browser against the whole local cloud: a form posted from outside
 * becomes a tagged contact, a Shopify order lands on that contact with its statistics, and an outbound
 * webhook reaches a local receiver, each seen in the pages that show them; then the same pages by role
 * on a phone.
 */
describe.runIf(runE2e)('integrations in the web app', () => {
  let e2e: BrowserAndCloud;
  let cloud: BrowserAndCloud['cloud'];
  let receiver: WebhookReceiver;
  const openPage = (viewport: { width: number; height: number }) => e2e.openPage(viewport);

  beforeAll(async () => {
    e2e = await startBrowserAndCloud();
    cloud = e2e.cloud;
    receiver = await startWebhookReceiver();
    await e2e.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cloud.url });
  });

  afterAll(async () => {
    await receiver?.close();
    await e2e?.stop();
  });

  const nav = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  // polled: after a resize the layout settles a frame or two later
  const noSidewaysScroll = (page: Page) =>
    expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(phone.width);

  it('turns a posted form, a signed Shopify order and a test event into what the pages show', async () => {
    const page = await openPage(desktop);
    const pageErrors = collectPageErrors(page);
    const api = await localCloudClient(cloud).apiAs(workspaceId);
    await page.goto(`${cloud.url}/settings/forms`);
    await signIn(page, { workspaceId, email: 'ann@example.com' });

    // --- a form: checked before sending, then created
    await visible(heading(page, 'Forms'));
    await visible(page.getByText('No forms yet'));
    await page.getByRole('link', { name: 'New form' }).first().click();
    await visible(heading(page, 'New form'));
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Newsletter');
    await page.getByRole('combobox', { name: 'Tags to add' }).fill('newsletter');
    await page.getByRole('combobox', { name: 'Tags to add' }).press('Enter');
    await page.getByRole('button', { name: 'Add a field' }).click();
    await page.getByRole('button', { name: 'Create form' }).click();
    await visible(page.getByText('Use 1-64 letters', { exact: false }));
    expect(await page.getByLabel('Input name').nth(1).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'integrations-desktop-01-form-validation');
    await page.getByLabel('Input name').nth(1).fill('first_name');
    await page.getByRole('combobox', { name: 'Fills' }).nth(1).click();
    await page.getByRole('option', { name: 'First name' }).click();
    await page.getByLabel('Label', { exact: true }).nth(1).fill('First name');
    await page.getByRole('switch', { name: 'Ask for consent' }).check();
    await page.getByLabel('Consent text').fill('Send me the newsletter.');
    await page.getByRole('button', { name: 'Create form' }).click();
    await visible(heading(page, 'Newsletter'));
    await visible(page.getByRole('status').getByText('Newsletter created'));

    // --- its snippet, copied, and its public address
    const snippet = await visible(page.getByRole('group', { name: 'HTML snippet' }));
    await visible(snippet.getByText('<form', { exact: false }));
    await snippet.getByRole('button', { name: 'Copy HTML snippet' }).click();
    await visible(snippet.getByRole('button', { name: 'HTML snippet copied' }));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const submitUrl = await page.getByRole('textbox', { name: 'Public submit URL' }).inputValue();
    expect(copied).toContain(`action="${submitUrl}"`);
    expect(copied).toContain('name="first_name"');
    await screenshot(page, 'integrations-desktop-02-form-snippet');

    // a visitor posts it (urlencoded, as the snippet does); the contact appears with the form's tag
    const posted = await fetch(submitUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ email: 'zoe@example.com', first_name: 'Zoe', consent: 'on' }),
    });
    expect(posted.status).toBe(202);
    await expect
      .poll(
        async () =>
          (await api<{ items: unknown[] }>('GET', '/api/contacts?email=zoe%40example.com')).body.items.length,
        { timeout: 20_000 },
      )
      .toBe(1);
    await nav(page, 'Contacts').click();
    await search(page, 'Search contacts', 'zoe@example.com');
    const zoeRow = await visible(page.getByRole('row', { name: /Zoe/ }));
    await visible(zoeRow.getByText('newsletter'));

    // --- a Shopify shop: the secret is entered, then read back in the page
    await nav(page, 'Shop connections').click();
    await visible(page.getByText('No shops connected yet'));
    await page.getByRole('link', { name: 'Connect a shop' }).first().click();
    await visible(heading(page, 'Connect a shop'));
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Demo shop');
    await page.getByRole('button', { name: 'Connect shop' }).click();
    await visible(page.getByText('Enter the client secret of your Shopify app', { exact: false }));
    await page.getByLabel('Signing secret').fill(shopifyTestSecret);
    await page.getByRole('button', { name: 'Connect shop' }).click();
    await visible(heading(page, 'Demo shop'));
    const secretBox = page.getByLabel('Signing secret', { exact: true });
    expect(await secretBox.getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: 'Show signing secret' }).click();
    expect(await secretBox.getAttribute('type')).toBe('text');
    const secret = await secretBox.inputValue();
    expect(secret).toBe(shopifyTestSecret);
    const shopUrl = await page.getByRole('textbox', { name: 'Webhook URL' }).inputValue();
    expect(shopUrl).toMatch(/\/api\/webhooks\/shopify\/integrations\./);
    await page.getByRole('button', { name: 'Hide signing secret' }).click();
    await screenshot(page, 'integrations-desktop-03-shop-connection');

    // a WooCommerce connection's secret is made by the CRM, and rotating it keeps the old one for a day
    const woo = await api<{ id: string }>('POST', '/api/settings/shop-connections', {
      provider: 'woocommerce',
      name: 'Woo shop',
    });
    expect(woo.status).toBe(201);
    await nav(page, 'Shop connections').click();
    await page.getByRole('link', { name: 'Woo shop' }).click();
    await visible(heading(page, 'Woo shop'));
    // an id has a dot, yet the page's address survives a reload (it is not taken for a file)
    expect(page.url()).toContain(woo.body.id.replace('.', '%2E'));
    await page.reload();
    await visible(heading(page, 'Woo shop'));
    const wooSecret = page.getByLabel('Signing secret', { exact: true });
    const before = await wooSecret.inputValue();
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const rotateDialog = await visible(page.getByRole('dialog', { name: 'Rotate the signing secret?' }));
    await visible(rotateDialog.getByText('The previous secret keeps working for 24 hours', { exact: false }));
    await rotateDialog.getByRole('button', { name: 'Rotate secret' }).click();
    await visible(page.getByRole('status').getByText('New signing secret made'));
    await visible(page.getByText('The previous secret is still accepted until', { exact: false }));
    expect(await wooSecret.inputValue()).not.toBe(before);

    // the Shopify shop delivers a signed order for Zoe
    const order = shopifyOrderBody({ id: 5001, email: 'zoe@example.com', total: '89.70' });
    const delivered = await fetch(shopUrl, {
      method: 'POST',
      headers: shopifyHeaders(order, 'orders/create', secret, 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043'),
      body: order,
    });
    expect(delivered.status).toBe(202);

    // --- both deliveries in the inbox, processed (the page looks again while any is queued)
    await nav(page, 'Incoming webhooks').click();
    await visible(heading(page, 'Incoming webhooks'));
    const inbox = await visible(page.getByRole('list', { name: 'Incoming deliveries' }));
    await visible(inbox.getByRole('listitem').filter({ hasText: 'Shopify · Demo shop' }));
    await visible(inbox.getByRole('listitem').filter({ hasText: 'Form · Newsletter' }));
    await expect
      .poll(() => inbox.getByText('Processed', { exact: true }).count(), { timeout: 30_000 })
      .toBe(2);
    await screenshot(page, 'integrations-desktop-04-incoming-webhooks');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Failed' }).click();
    await visible(page.getByText('No failed deliveries'));

    // --- the order and the statistics on Zoe's page
    await nav(page, 'Contacts').click();
    await search(page, 'Search contacts', 'zoe@example.com');
    await page.getByRole('link', { name: /^Zoe/ }).click();
    // the order's customer filled the names the form left empty
    await visible(heading(page, 'Zoe Schmidt'));
    const orders = await visible(page.getByRole('region', { name: 'Orders' }));
    const orderRow = await visible(orders.getByRole('row', { name: /#5001/ }));
    await visible(orderRow.getByText('€89.70'));
    await visible(orderRow.getByText('2 × Bio-Kaffee Espresso', { exact: false }));
    await visible(orders.getByText('Total spent'));
    expect(await orders.getByText('€89.70').count()).toBe(2);
    // her phone (from the order's customer) is formatted, and dials the E.164 that is stored
    const phoneLink = await visible(page.getByRole('link', { name: '+49 1512 3456789' }));
    expect(await phoneLink.getAttribute('href')).toBe('tel:+4915123456789');
    await screenshot(page, 'integrations-desktop-05-contact-orders');
    await page.setViewportSize(phone);
    await visible(orders.getByRole('list', { name: 'Orders' }));
    await screenshot(page, 'integrations-phone-01-contact-orders');
    await noSidewaysScroll(page);
    await page.setViewportSize(desktop);

    // --- an outbound webhook to a local receiver, its one-time secret and a test event in its log
    await nav(page, 'Webhooks').click();
    await visible(page.getByText('No webhooks yet'));
    await page.getByRole('link', { name: 'New webhook' }).first().click();
    await page.getByRole('textbox', { name: 'URL', exact: true }).fill('ftp://example.com');
    await page.getByRole('button', { name: 'Create webhook' }).click();
    // the form's own words: it has an "All events" box, not the API's `*`
    await visible(page.getByText('Choose at least one event, or tick "All events".'));
    await page.getByRole('textbox', { name: 'URL', exact: true }).fill(receiver.url('/crm'));
    await page.getByRole('checkbox', { name: 'contact.created' }).check();
    await page.getByRole('checkbox', { name: 'tag.added' }).check();
    await page.getByLabel('Description').fill('Local receiver');
    await page.getByRole('button', { name: 'Create webhook' }).click();
    await visible(page.getByText('Copy the new signing secret now'));
    const newSecret = await page.getByLabel('New signing secret', { exact: true }).inputValue();
    expect(newSecret).toMatch(/^whsec_/);
    expect(await page.evaluate(() => JSON.stringify(window.history.state))).not.toContain('whsec_');
    await visible(page.getByRole('region', { name: 'Delivery log' }).getByText('No deliveries yet'));
    await page.getByRole('button', { name: 'Send test event' }).click();
    await visible(page.getByRole('status').getByText('Test event delivered'));
    const [received] = await receiver.waitFor('/crm', 1);
    expect(received?.headers['seed-webhook-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    const log = page.getByRole('region', { name: 'Delivery log' });
    const testDelivery = await visible(log.getByRole('button', { name: /webhook\.test/ }));
    await visible(testDelivery.getByText('Delivered'));
    await testDelivery.click();
    const attempts = await visible(log.getByRole('table', { name: 'Attempts' }));
    await visible(attempts.getByRole('cell', { name: '204' }));

    // a receiver that fails: the attempt shows its status, and Redeliver sends it again once it is back
    receiver.answer('/crm', 500);
    await page.getByRole('button', { name: 'Send test event' }).click();
    await visible(page.getByRole('status').getByText('Test event not delivered: HTTP 500'));
    const failed = await visible(log.getByRole('button', { name: /HTTP 500/ }));
    await failed.click();
    const failedPanel = await visible(log.getByRole('region', { name: /HTTP 500/ }));
    await visible(failedPanel.getByRole('cell', { name: '500' }));
    await screenshot(page, 'integrations-desktop-06-webhook-delivery-log');
    receiver.answer('/crm', 204);
    await failedPanel.getByRole('button', { name: 'Redeliver' }).click();
    await visible(page.getByRole('status').getByText('Redelivery delivered'));
    await receiver.waitFor('/crm', 3);
    await page.getByRole('combobox', { name: 'Delivery status' }).click();
    await page.getByRole('option', { name: 'Delivered' }).click();
    await expect.poll(() => log.getByRole('button', { name: /webhook\.test/ }).count()).toBe(2);

    // deactivating is a change with the version it was based on
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await visible(page.getByRole('status').getByText('Webhook deactivated'));
    await visible(page.getByRole('button', { name: 'Activate' }));

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('offers each role only what it may do, on a 375 px wide phone', async () => {
    const page = await openPage(phone);
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/settings/forms`);
    await signIn(page, { workspaceId, email: 'max@example.com', role: 'Marketing' });

    // marketing edits forms, sending the version it read
    await visible(heading(page, 'Forms'));
    const formCards = await visible(page.getByRole('list', { name: 'Forms' }));
    await formCards.getByRole('link', { name: /Newsletter/ }).click();
    await visible(heading(page, 'Newsletter'));
    await visible(page.getByRole('group', { name: 'HTML snippet' }));
    await screenshot(page, 'integrations-phone-02-form-detail');
    await noSidewaysScroll(page);
    await page.getByRole('link', { name: 'Edit' }).click();
    await visible(heading(page, 'Edit Newsletter'));
    // someone else changes the form meanwhile: saving is a conflict, not an overwrite
    const formId = new URL(page.url()).pathname.split('/').at(-2) ?? '';
    const api = await localCloudClient(cloud).apiAs(workspaceId);
    const current = await api<{ version: number }>('GET', `/api/settings/forms/${formId}`);
    const elsewhere = await api(
      'PATCH',
      `/api/settings/forms/${formId}`,
      { tags: ['newsletter', 'de'] },
      {
        'if-match': `"${current.body.version}"`,
      },
    );
    expect(elsewhere.status).toBe(200);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Newsletter DE');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('Someone else changed this form. Reload it and try again.'));
    await page.getByRole('button', { name: 'Load the latest version' }).click();
    await visible(page.getByText('de', { exact: true }));
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Newsletter DE');
    await page.getByRole('switch', { name: 'Double opt-in' }).check();
    await visible(page.getByRole('textbox', { name: 'After confirming, go to' }));
    await screenshot(page, 'integrations-phone-03-form-edit');
    await noSidewaysScroll(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(heading(page, 'Newsletter DE'));
    await visible(page.getByRole('status').getByText('Newsletter DE saved'));
    await visible(page.getByText('Double opt-in', { exact: true }));

    // the inbox is for admins: no link to it
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await visible(nav(page, 'Webhooks'));
    expect(await nav(page, 'Incoming webhooks').count()).toBe(0);
    await screenshot(page, 'integrations-phone-04-navigation');
    await nav(page, 'Shop connections').click();

    // shops and webhooks are read-only, without secrets
    await visible(heading(page, 'Shop connections'));
    expect(await page.getByRole('link', { name: 'Connect a shop' }).count()).toBe(0);
    await page
      .getByRole('list', { name: 'Shop connections' })
      .getByRole('link', { name: /Demo shop/ })
      .click();
    await visible(heading(page, 'Demo shop'));
    await visible(page.getByText('Only admins can see the signing secret.'));
    expect(await page.getByRole('button', { name: 'Disconnect' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await screenshot(page, 'integrations-phone-05-shop-read-only');
    await noSidewaysScroll(page);

    await page.goto(`${cloud.url}/settings/webhooks`);
    await visible(heading(page, 'Webhooks'));
    expect(await page.getByRole('link', { name: 'New webhook' }).count()).toBe(0);
    await page.getByRole('list', { name: 'Webhooks' }).getByRole('link').first().click();
    await visible(page.getByText('Only admins can see the signing secret.'));
    expect(await page.getByRole('button', { name: 'Send test event' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Delivery log' }).count()).toBe(0);
    await noSidewaysScroll(page);

    // an admin on the phone: the webhook with its log, and the inbox
    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await signIn(page, { workspaceId, email: 'ann@example.com' });
    await page.goto(`${cloud.url}/settings/webhooks`);
    await page.getByRole('list', { name: 'Webhooks' }).getByRole('link').first().click();
    await visible(
      page
        .getByRole('region', { name: 'Delivery log' })
        .getByRole('button', { name: /webhook\.test/ })
        .first(),
    );
    await screenshot(page, 'integrations-phone-06-webhook');
    await noSidewaysScroll(page);
    await page.goto(`${cloud.url}/settings/incoming-webhooks`);
    await visible(page.getByRole('list', { name: 'Incoming deliveries' }).getByText('Shopify · Demo shop'));
    await screenshot(page, 'integrations-phone-07-incoming-webhooks');
    await noSidewaysScroll(page);

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
