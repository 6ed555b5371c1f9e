import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailPreferences } from '../../shared/email/email-settings';
import { getEmailSettings } from '../../shared/email/email-settings-store';
import { mailerFromEnv } from '../../shared/email/mailer';
import { marketingFooter, marketingHeaders, marketingLinks } from '../../shared/email/marketing-headers';
import { messageTags } from '../../shared/email/message-tags';
import { sendingConfigFromEnv } from '../../shared/email/sending-config';
import { documentClientOf } from '../../shared/store/document-client';
import { type ApiCaller, type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, visible } from './support/crm-pages';

/**
 * The public email preference page in a real browser (decision 170): a marketing message is sent through
 * the local SES front, its preference link is taken from the message in the emulator's mailbox and opened
 * on a 375 px screen without signing in; the contact leaves a list, then unsubscribes from everything.
 */
describe.runIf(runE2e)('the email preference page', () => {
  let e2e: BrowserAndCloud;
  let asAdmin: ApiCaller;
  const workspaceId = 'email-preferences-e2e';
  let contactId: string;
  let listId: string;

  beforeAll(async () => {
    e2e = await startBrowserAndCloud({ tableName: 'seed-crm-email-preferences-e2e' });
    asAdmin = await e2e.apiAs({ workspaceId });
    await asAdmin('PUT', '/api/settings/email', {
      fromName: 'Kaffeehaus Beispiel',
      fromAddress: 'news@kaffeehaus.example',
      postalAddress: 'Kastanienallee 12, 10435 Berlin',
      timeZone: 'Europe/Berlin',
    });
    contactId = (
      await asAdmin<{ id: string }>('POST', '/api/contacts', { firstName: 'Lena', email: 'lena@example.com' })
    ).id;
    listId = (await asAdmin<{ id: string }>('POST', '/api/lists', { name: 'Espresso news' })).id;
    await asAdmin('PUT', `/api/lists/${listId}/members/${contactId}`);

    // the message as a campaign sends it: footer link, List-Unsubscribe headers, the marketing configuration set
    const store = {
      client: documentClientOf(
        new DynamoDBClient({
          endpoint: e2e.cloud.dynamoDbEndpoint,
          region: 'us-east-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }),
      ),
      tableName: e2e.cloud.tableName,
    };
    const settings = await getEmailSettings({ store }, workspaceId);
    if (!settings) throw new Error('no email settings');
    const links = marketingLinks(e2e.cloud.url, settings.linkSecret, { workspaceId, contactId });
    const footer = marketingFooter({
      ...links,
      postalAddress: settings.postalAddress,
      senderName: settings.fromName,
    });
    await mailerFromEnv().send({
      from: settings.fromAddress,
      to: 'lena@example.com',
      subject: 'Neue Sorten',
      text: `Hallo Lena${footer.text}`,
      html: `<html><body><p>Hallo Lena</p>${footer.html}</body></html>`,
      headers: marketingHeaders(links),
      tags: { [messageTags.workspace]: workspaceId, [messageTags.contact]: contactId },
      configurationSet: sendingConfigFromEnv().configurationSet,
    });
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  it('opens from the mailbox at 375 px, leaves a list, then unsubscribes from everything', async () => {
    const mailbox = (await (await fetch(`${e2e.cloud.sesEndpoint}/store`)).json()) as {
      emails: { destination: { to: string[] }; body: { text?: string } }[];
    };
    const message = mailbox.emails.find((mail) => mail.destination.to.includes('lena@example.com'));
    const link = /https?:\/\/\S+\/email\/preferences\/\S+/.exec(message?.body.text ?? '')?.[0];
    expect(link).toBeTruthy();

    const page = await e2e.context.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    const pageErrors = collectPageErrors(page);
    await page.goto(link as string);
    await visible(heading(page, 'Email preferences'));
    await visible(page.getByText('l***@example.com'));
    const list = page.getByRole('checkbox', { name: 'Espresso news' });
    await expect.poll(() => list.isChecked()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await list.uncheck();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await visible(page.getByText('Your preferences are saved.'));
    expect((await asAdmin<{ items: unknown[] }>('GET', `/api/contacts/${contactId}/lists`)).items).toEqual(
      [],
    );

    await page.getByRole('button', { name: 'Unsubscribe from everything' }).click();
    await visible(page.getByText('You are unsubscribed from all marketing email.'));
    await screenshot(page, 'email-preferences-375');
    const preferences = await asAdmin<EmailPreferences>(
      'GET',
      `/api/contacts/${contactId}/email-preferences`,
    );
    expect(preferences).toMatchObject({ marketing: 'unsubscribed', source: 'preference_page' });
    // the list it left stays on the page, to rejoin
    await visible(page.getByRole('checkbox', { name: 'Espresso news' }));
    await page.getByRole('button', { name: 'Subscribe again' }).click();
    await visible(page.getByText('Your preferences are saved.'));

    // the mail's own "Unsubscribe" link opens the page asking to confirm: opening it changes nothing
    await page.goto(`${link}?unsubscribe=1`);
    const confirm = page.getByRole('region', { name: 'Unsubscribe from all marketing email?' });
    await visible(confirm.getByText('will send no more marketing email to l***@example.com'));
    expect(
      await asAdmin<EmailPreferences>('GET', `/api/contacts/${contactId}/email-preferences`),
    ).toMatchObject({ marketing: 'subscribed' });
    await screenshot(page, 'email-preferences-375-unsubscribe-link');
    await confirm.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
    await visible(page.getByText('You are unsubscribed from all marketing email.'));
    expect(
      await asAdmin<EmailPreferences>('GET', `/api/contacts/${contactId}/email-preferences`),
    ).toMatchObject({ marketing: 'unsubscribed', source: 'preference_page' });
    expect(pageErrors).toEqual([]);
  });
});
