import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiCaller, type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, signIn, visible } from './support/crm-pages';

/**
 * Issue 17's browser test against the whole local cloud (SES emulator, its front, the local buses): a
 * template, three contacts on a list (two subscribed to marketing email, one without consent), the email
 * settings; then a marketer builds the campaign in the wizard at 1366 px (the live count says 2 of 3, one
 * skipped for consent), sends it now, watches it finish, and reads the report: 2 sent, 2 delivered (the SES
 * `Delivery` events, through RecordEmailEvent). The contact's page shows the mail on its timeline and its
 * marketing state. Then every email page at 375 px.
 */
describe.runIf(runE2e)('email campaigns in the web app', () => {
  let e2e: BrowserAndCloud;
  let cloud: BrowserAndCloud['cloud'];
  let asAdmin: ApiCaller;
  const workspaceId = 'campaigns-e2e';
  const marketer = { workspaceId, email: 'mia@example.com', role: 'Marketing' };
  let listId: string;
  let templateId: string;
  let campaignId: string;
  const contactIds: Record<'ada' | 'bo' | 'cy', string> = { ada: '', bo: '', cy: '' };

  /** Retries `check` until it holds (the bus and the compiler work after the answer). */
  async function eventually<T>(what: string, check: () => Promise<T | undefined>, seconds = 30): Promise<T> {
    const until = Date.now() + seconds * 1000;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > until) throw new Error(`never happened: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  beforeAll(async () => {
    e2e = await startBrowserAndCloud({ tableName: 'seed-crm-campaigns-e2e' });
    cloud = e2e.cloud;
    asAdmin = await e2e.apiAs({ workspaceId });
    await asAdmin('PUT', '/api/settings/email', {
      fromName: 'Seed Outdoor',
      fromAddress: 'news@seed-outdoor.example',
      replyTo: 'hello@seed-outdoor.example',
      postalAddress: 'Seed Outdoor GmbH, Torstraße 1, 10119 Berlin',
      timeZone: 'Europe/Berlin',
    });
    listId = (await asAdmin<{ id: string }>('POST', '/api/lists', { name: 'Winter newsletter' })).id;
    const people = [
      ['ada', 'Ada', 'ada@example.com'],
      ['bo', 'Bo', 'bo@example.com'],
      ['cy', 'Cy', 'cy@example.com'],
    ] as const;
    for (const [key, firstName, email] of people) {
      const { id } = await asAdmin<{ id: string }>('POST', '/api/contacts', {
        firstName,
        lastName: 'Berg',
        email,
      });
      contactIds[key] = id;
      await asAdmin('PUT', `/api/lists/${listId}/members/${id}`);
    }
    // Ada and Bo agreed to marketing email (recorded by a member); Cy never did
    for (const id of [contactIds.ada, contactIds.bo]) {
      await asAdmin('PUT', `/api/contacts/${id}/email-preferences`, {
        marketing: 'subscribed',
        note: 'Signed up at the Berlin store',
      });
    }
    templateId = (
      await asAdmin<{ id: string }>('POST', '/api/email/templates', {
        name: 'Winter sale',
        subject: 'Hello {{ contact.firstName | default: "there" }}, winter is here',
        preheader: 'Twenty percent off jackets',
        mjml: [
          '<mjml><mj-body><mj-section><mj-column>',
          '<mj-text>Hi {{ contact.firstName | default: "there" }}, jackets are 20 % off this week.</mj-text>',
          '<mj-button href="https://seed-outdoor.example/jackets">See the jackets</mj-button>',
          '</mj-column></mj-section></mj-body></mjml>',
        ].join('\n'),
      })
    ).id;
    await eventually('the template compiled', async () => {
      const template = await asAdmin<{ compile: { status: string } }>(
        'GET',
        `/api/email/templates/${templateId}`,
      );
      return template.compile.status === 'ready' ? true : undefined;
    });
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  async function chooseOption(page: Page, label: string, option: string) {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.keyboard.press('Escape');
  }

  it('builds a campaign in the wizard, sends it to a list, and shows its report', async () => {
    const page = await e2e.openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/email/campaigns`);
    await signIn(page, marketer);
    await visible(heading(page, 'Campaigns'));
    await visible(page.getByText('No campaign yet'));
    await visible(page.getByRole('region', { name: 'Deliverability' }));
    await page.getByRole('link', { name: 'New campaign' }).first().click();
    await visible(heading(page, 'New campaign'));

    // audience: the list, with a live count: Cy has no consent
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(page.getByRole('alert').getByText('Give the campaign a name.'));
    await page.getByLabel('Campaign name').fill('Winter sale 2026');
    await chooseOption(page, 'Send to these lists', 'Winter newsletter');
    const count = page.getByRole('region', { name: 'Audience count' });
    await visible(count.getByText('of 3 contacts will receive it'));
    expect(await count.getByTestId('audience-recipients').textContent()).toBe('2');
    const noConsent = count.getByRole('row', { name: /No marketing consent/ });
    expect(await noConsent.getByRole('cell').last().textContent()).toBe('1');
    await screenshot(page, 'campaigns-01-audience');

    // content: the template, ready, previewed with its fallbacks
    await page.getByRole('button', { name: 'Next' }).click();
    await chooseOption(page, 'Template', 'Winter sale');
    const preview = page.getByTestId('template-preview');
    await visible(preview.getByText('Ready'));
    await visible(preview.getByTestId('preview-subject').getByText('Hello there, winter is here'));
    await visible(page.frameLocator('iframe[title="Preview of the email"]').getByText('See the jackets'));
    await screenshot(page, 'campaigns-02-content');

    // schedule: in the workspace's zone, said on the field; a past time is refused
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: 'Send at a date and time' }).check();
    const sendAt = page.getByLabel('Send at (Europe/Berlin)');
    await visible(sendAt);
    await sendAt.fill('2020-01-01T09:00');
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(page.getByRole('alert').getByText('Choose a time after now (Europe/Berlin).'));
    await screenshot(page, 'campaigns-03-schedule');
    await page.getByRole('radio', { name: 'Send now' }).check();

    // review: everything, then send
    await page.getByRole('button', { name: 'Next' }).click();
    const review = page.getByRole('region', { name: 'Review' });
    await visible(review.getByText('Winter sale 2026'));
    await visible(review.getByText('Seed Outdoor <news@seed-outdoor.example>'));
    await visible(review.getByText('Now', { exact: true }));
    await screenshot(page, 'campaigns-04-review');
    await page.getByRole('button', { name: 'Schedule: send now' }).click();
    await visible(heading(page, 'Winter sale 2026'));
    campaignId = new URL(page.url()).pathname.split('/').at(-1) ?? '';

    // it finishes on its own; the page follows it every 2 s
    await visible(page.getByText('Sent', { exact: true }).first());
    await page
      .locator('[data-testid="progress-sent"]')
      .getByText('2', { exact: true })
      .waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('progress-skipped').getByText('1', { exact: true }).count()).toBe(1);
    await screenshot(page, 'campaigns-05-sent');

    // the report: 2 sent, and 2 delivered once SES's Delivery events went through RecordEmailEvent
    const report = page.getByRole('region', { name: 'Report' });
    await report.getByTestId('report-sent').getByText('2', { exact: true }).waitFor({ timeout: 30_000 });
    await report.getByTestId('report-delivered').getByText('2', { exact: true }).waitFor({ timeout: 30_000 });
    await visible(page.getByRole('table', { name: 'Recipients by status' }).getByText('ada@example.com'));

    // Ada opens her mail and clicks its button, as the mailbox's tracked pixel and link are followed
    const mailbox = (await (await fetch(`${cloud.sesEndpoint}/store`)).json()) as {
      emails: { destination: { to: string[] }; body: { html?: string } }[];
    };
    const html =
      mailbox.emails.find((mail) => mail.destination.to.includes('ada@example.com'))?.body.html ?? '';
    const tracked = /href="([^"]+\/t\/click\/[^"]+)"/.exec(html)?.[1];
    const pixel = /src="([^"]+\/t\/open\/[^"]+)"/.exec(html)?.[1];
    expect(tracked && pixel).toBeTruthy();
    await fetch(pixel as string);
    const clicked = await fetch(tracked as string, { redirect: 'manual' });
    expect(clicked.headers.get('location')).toBe('https://seed-outdoor.example/jackets');
    await report
      .getByTestId('report-unique-opens')
      .getByText('1', { exact: true })
      .waitFor({ timeout: 30_000 });
    await report
      .getByTestId('report-unique-clicks')
      .getByText('1', { exact: true })
      .waitFor({ timeout: 30_000 });
    await visible(report.getByText('50% of delivered', { exact: false }).first());
    await visible(report.getByText('1 open in all', { exact: false }));
    const links = report.getByRole('table', { name: 'Clicks per link' });
    await visible(links.getByRole('link', { name: 'https://seed-outdoor.example/jackets' }));
    await visible(report.getByTestId('campaign-chart'));
    await page.waitForFunction(
      () => document.querySelector('[data-testid="campaign-chart"]')?.getAttribute('data-ready') === 'true',
    );
    await screenshot(page, 'campaigns-06-report');
    const fromApi = await asAdmin<{ sent: number; delivered: number }>(
      'GET',
      `/api/email/campaigns/${campaignId}/report`,
    );
    expect([fromApi.sent, fromApi.delivered]).toEqual([2, 2]);

    // Ada's page: the mail on her timeline (linked to the campaign) and her marketing state
    await page.goto(`${cloud.url}/contacts/${contactIds.ada}`);
    await visible(heading(page, 'Ada Berg'));
    await visible(page.getByTestId('marketing-state').getByText('Subscribed'));
    await page.getByRole('group', { name: 'Show only' }).getByText('Campaign email').click();
    const entries = page.getByRole('list', { name: 'Timeline entries' });
    await visible(entries.getByRole('link', { name: 'Winter sale 2026' }));
    await visible(entries.getByText('Hello Ada, winter is here', { exact: false }));
    // the click, with its link
    await page.getByRole('combobox', { name: 'Campaign email' }).click();
    await page.getByRole('option', { name: 'Clicked', exact: true }).click();
    await visible(entries.getByText('Campaign link clicked'));
    await visible(entries.getByRole('link', { name: 'https://seed-outdoor.example/jackets' }));
    await screenshot(page, 'campaigns-07-contact-timeline');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('records consent on a contact and keeps the email settings', async () => {
    const page = await e2e.openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/contacts/${contactIds.cy}`);
    await signIn(page, marketer);
    await visible(heading(page, 'Cy Berg'));
    await visible(page.getByTestId('marketing-state').getByText('No consent'));
    await page.getByRole('button', { name: 'Record consent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record marketing consent' });
    await dialog.getByRole('button', { name: 'Record consent' }).click();
    await visible(dialog.getByText('Say where the consent was given or withdrawn.'));
    await dialog.getByLabel('Where').fill('Phone call on 3 December');
    await dialog.getByRole('button', { name: 'Record consent' }).click();
    await visible(page.getByTestId('marketing-state').getByText('Subscribed'));
    await visible(page.getByText('“Phone call on 3 December”'));
    const stored = await asAdmin<{ marketing: string; source: string }>(
      'GET',
      `/api/contacts/${contactIds.cy}/email-preferences`,
    );
    expect([stored.marketing, stored.source]).toEqual(['subscribed', 'member']);

    // a campaign scheduled for a later time shows it in the workspace's zone, and is cancelled after a confirmation
    const later = await asAdmin<{ id: string }>('POST', '/api/email/campaigns', {
      name: 'Christmas greetings',
      templateId,
      audience: { include: [{ kind: 'list', listId }], exclude: [] },
    });
    await asAdmin('POST', `/api/email/campaigns/${later.id}/schedule`, { sendAt: '2027-12-24T09:00' });
    await page.goto(`${cloud.url}/email/campaigns/${later.id}`);
    await visible(heading(page, 'Christmas greetings'));
    await visible(page.getByText('Scheduled', { exact: true }));
    await visible(page.getByText(/Dec 24, 2027.*9:00.*\(Europe\/Berlin\)/));
    await page.getByRole('button', { name: 'Cancel campaign' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this campaign?' });
    await visible(confirm.getByText('0 sent so far', { exact: false }));
    await confirm.getByRole('button', { name: 'Cancel campaign' }).click();
    await visible(page.getByText('Cancelled', { exact: true }));
    const cancelled = await asAdmin<{ status: string }>('GET', `/api/email/campaigns/${later.id}`);
    expect(cancelled.status).toBe('cancelled');

    // a marketer reads the settings; only an admin edits them
    await page.goto(`${cloud.url}/settings/email`);
    await visible(heading(page, 'Email settings'));
    await visible(page.getByText('Only an admin can change the email settings.'));
    expect(await page.getByLabel('From name').inputValue()).toBe('Seed Outdoor');
    await visible(page.getByTestId('send-rate').getByText(/messages a second/));
    expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('lets an admin change the settings and the suppression list', async () => {
    const page = await e2e.openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/settings/email`);
    await signIn(page, { workspaceId, email: 'ola@example.com' });
    await visible(heading(page, 'Email settings'));
    await page.getByLabel('From name').fill('Seed Outdoor News');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await visible(page.getByText('Email settings saved'));
    const settings = await asAdmin<{ fromName: string; timeZone: string }>('GET', '/api/settings/email');
    expect([settings.fromName, settings.timeZone]).toEqual(['Seed Outdoor News', 'Europe/Berlin']);
    await screenshot(page, 'campaigns-08-settings');

    await page.getByRole('link', { name: 'Suppression list' }).click();
    await visible(heading(page, 'Suppression list'));
    await page.getByRole('textbox', { name: 'Suppress an address' }).fill('gone@example.com');
    await page.getByRole('button', { name: 'Suppress', exact: true }).click();
    const table = page.getByRole('table', { name: 'Suppressed addresses' });
    await visible(table.getByText('gone@example.com'));
    await visible(table.getByText('Added by hand'));
    await screenshot(page, 'campaigns-09-suppressions');
    await table.getByRole('button', { name: 'Remove gone@example.com from the suppression list' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove from the list' }).click();
    await visible(page.getByText('No suppressed address'));
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('edits a draft in the wizard, then pauses and resumes it while it sends, each contact mailed once', async () => {
    const slowListId = (await asAdmin<{ id: string }>('POST', '/api/lists', { name: 'Slow readers' })).id;
    const total = 8;
    for (let at = 1; at <= total; at++) {
      const { id } = await asAdmin<{ id: string }>('POST', '/api/contacts', {
        firstName: `Reader ${at}`,
        email: `reader${at}@slow.example`,
      });
      await asAdmin('PUT', `/api/lists/${slowListId}/members/${id}`);
      await asAdmin('PUT', `/api/contacts/${id}/email-preferences`, {
        marketing: 'subscribed',
        note: 'Newsletter box at the till',
      });
    }
    const draft = await asAdmin<{ id: string }>('POST', '/api/email/campaigns', {
      name: 'Slow letter',
      templateId,
      audience: { include: [{ kind: 'list', listId: slowListId }], exclude: [] },
    });
    const page = await e2e.openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/email/campaigns/${draft.id}`);
    await signIn(page, marketer);
    await visible(heading(page, 'Slow letter'));
    await page.getByRole('link', { name: 'Edit' }).click();
    await visible(page.getByLabel('Campaign name'));
    expect(await page.getByLabel('Campaign name').inputValue()).toBe('Slow letter');
    await visible(
      page.getByRole('region', { name: 'Audience count' }).getByText(`of ${total} contacts will receive it`),
    );
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(page.getByTestId('template-preview').getByText('Ready'));
    await page.getByRole('button', { name: 'Next' }).click();
    // one message a second, so there is time to pause it
    await page.getByLabel('Send rate (messages a second)').fill('1');
    await page.getByRole('button', { name: 'Next' }).click();
    const review = page.getByRole('region', { name: 'Review' });
    await visible(review.getByText('At most 1 a second'));
    await page.getByRole('button', { name: 'Schedule: send now' }).click();
    await visible(heading(page, 'Slow letter'));

    const sentOnPage = async () =>
      Number(await page.getByTestId('progress-sent').getByText(/^\d+$/).textContent());
    await eventually('the first message sent', async () => ((await sentOnPage()) >= 1 ? true : undefined));
    await page.getByRole('button', { name: 'Pause' }).click();
    await visible(page.getByText('Campaign paused'));
    await visible(page.getByRole('button', { name: 'Resume' }));
    await screenshot(page, 'campaigns-07-paused');
    const mailsTo = async () =>
      (
        (await (await fetch(`${cloud.sesEndpoint}/store`)).json()) as {
          emails: { destination: { to: string[] } }[];
        }
      ).emails
        .flatMap((mail) => mail.destination.to)
        .filter((to) => to.endsWith('@slow.example'));
    // the message under way when it was paused finishes; after it nothing more goes out
    await eventually('the message under way finished', async () => {
      const sending = await asAdmin<{ items: unknown[] }>(
        'GET',
        `/api/email/campaigns/${draft.id}/recipients?status=sending`,
      );
      return sending.items.length === 0 ? true : undefined;
    });
    const atPause = (await mailsTo()).length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await mailsTo()).length, 'nothing is sent while paused').toBe(atPause);
    expect(atPause).toBeLessThan(total);

    await page.getByRole('button', { name: 'Resume' }).click();
    await visible(page.getByText('Campaign resumed'));
    await page
      .getByTestId('progress-sent')
      .getByText(String(total), { exact: true })
      .waitFor({ timeout: 60_000 });
    await visible(page.getByText('Sent', { exact: true }).first());
    const mails = await mailsTo();
    expect(mails).toHaveLength(total);
    expect(new Set(mails).size, 'each contact mailed once').toBe(total);
    await screenshot(page, 'campaigns-08-resumed-and-sent');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows every email page at 375 px', async () => {
    const page = await e2e.openPage({ width: 375, height: 740 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/email/campaigns`);
    await signIn(page, marketer);
    await visible(heading(page, 'Campaigns'));
    await visible(page.getByRole('link', { name: /Winter sale 2026/ }));
    const noHorizontalScroll = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await noHorizontalScroll();
    await screenshot(page, 'campaigns-phone-01-list');
    await page.getByRole('link', { name: /Winter sale 2026/ }).click();
    await visible(heading(page, 'Winter sale 2026'));
    await page.getByRole('region', { name: 'Report' }).getByTestId('report-delivered').waitFor();
    await visible(page.getByRole('region', { name: 'Recipients' }).getByText('ada@example.com'));
    await noHorizontalScroll();
    await screenshot(page, 'campaigns-phone-02-report');
    await page.goto(`${cloud.url}/email/campaigns/new`);
    await visible(heading(page, 'New campaign'));
    await page.getByLabel('Campaign name').fill('Spring');
    await chooseOption(page, 'Send to these lists', 'Winter newsletter');
    await visible(
      page.getByRole('region', { name: 'Audience count' }).getByText('of 3 contacts will receive it'),
    );
    await noHorizontalScroll();
    await screenshot(page, 'campaigns-phone-03-wizard');
    await page.goto(`${cloud.url}/settings/email`);
    await visible(heading(page, 'Email settings'));
    await noHorizontalScroll();
    await screenshot(page, 'campaigns-phone-04-settings');
    await page.goto(`${cloud.url}/settings/email/suppressions`);
    await visible(heading(page, 'Suppression list'));
    await noHorizontalScroll();
    await screenshot(page, 'campaigns-phone-05-suppressions');
    await page.goto(`${cloud.url}/contacts/${contactIds.ada}`);
    await visible(heading(page, 'Ada Berg'));
    await visible(page.getByTestId('marketing-state'));
    await visible(page.getByRole('list', { name: 'Timeline entries' }));
    await noHorizontalScroll();
    await screenshot(page, 'campaigns-phone-06-contact');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
