import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, signIn, visible } from './support/crm-pages';

interface StoredMail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

/**
 * Email templates in a real browser against the whole local cloud: a marketer starts from the starter
 * template, sees it compiled live in the browser, is told where an unknown merge field is, inserts a merge
 * field from the menu, saves (the server compiles it), previews it as a contact and sends a test to
 * herself, which lands in the SES emulator's mailbox; at desktop and phone widths.
 */
describe.runIf(runE2e)('email templates in the web app', () => {
  let e2e: BrowserAndCloud;
  const workspaceId = 'email-templates-e2e';
  const email = 'mia@example.com';

  beforeAll(async () => {
    e2e = await startBrowserAndCloud({ tableName: 'seed-crm-email-templates-e2e' });
    const asAdmin = await e2e.apiAs({ workspaceId });
    await asAdmin('POST', '/api/contacts', {
      firstName: 'Linh <b>',
      lastName: 'Tran',
      email: 'linh@example.com',
    });
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  const mailbox = async (): Promise<StoredMail[]> =>
    ((await (await fetch(`${e2e.cloud.sesEndpoint}/store`)).json()) as { emails: StoredMail[] }).emails;
  const noSidewaysScroll = (page: Page, width: number) =>
    expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

  it('creates a template with a merge field, previews it live and as a contact, and sends a test', async () => {
    const page = await e2e.openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${e2e.cloud.url}/email/templates`);
    await signIn(page, { workspaceId, email, role: 'Marketing' });
    await visible(heading(page, 'Email templates'));
    await visible(page.getByText('No templates yet'));
    await page.getByRole('link', { name: 'Templates' }).first().isVisible();

    await page.getByRole('link', { name: 'New template' }).first().click();
    await visible(heading(page, 'New template'));
    // the starter compiles in the browser at once, merge tags shown as written
    const live = page.frameLocator('iframe[title="Live preview"]');
    await visible(live.getByText('Hello {{ contact.firstName | default: "there" }},'));
    await visible(live.getByRole('link', { name: 'Read more' }));
    await screenshot(page, 'email-templates-01-starter-desktop');

    // an unknown merge field is refused with its part, line and column
    await page.getByLabel('Name').fill('Spring news');
    const subject = page.getByRole('textbox', { name: 'Subject' });
    await subject.fill('Spring news for {{ contact.nickname }}');
    await page.getByRole('button', { name: 'Save' }).click();
    await visible(page.getByText('Subject: Line 1, column 20: Unknown merge field "contact.nickname".'));
    await screenshot(page, 'email-templates-02-unknown-field');

    // a merge field from the menu goes where the cursor is in the field last used
    await subject.fill('Spring news for ');
    await subject.click();
    await subject.press('End');
    await page.getByRole('button', { name: 'Insert merge field' }).click();
    await page.getByRole('menuitem', { name: /Contact first name/ }).click();
    await expect.poll(() => subject.inputValue()).toBe('Spring news for {{ contact.firstName }}');

    // the MJML changes show in the live preview as they are typed
    const mjml = page.getByRole('textbox', { name: 'MJML' });
    const source = await mjml.inputValue();
    await mjml.fill(source.replace('Read more', 'See the spring range'));
    await visible(live.getByRole('link', { name: 'See the spring range' }));

    await page.getByRole('button', { name: 'Save' }).click();
    await visible(heading(page, 'Spring news'));
    await expect.poll(() => page.url()).toMatch(/\/email\/templates\/[0-9A-Z]{26}$/);
    // the server compiles it within a second or two
    await visible(page.getByLabel('Compile status: Ready'));

    // preview as a contact: the server's HTML merged with the contact's values, escaped
    await page.getByRole('tab', { name: 'As a contact' }).click();
    await page.getByRole('combobox', { name: 'Preview as' }).fill('Linh');
    await page.getByRole('option', { name: 'Linh <b> Tran' }).click();
    await visible(page.getByTestId('preview-subject').getByText('Spring news for Linh <b>'));
    const merged = page.frameLocator('iframe[title="Preview as a contact"]');
    await visible(merged.getByText('Hello Linh <b>,'));
    await screenshot(page, 'email-templates-03-preview-desktop');

    await page.getByRole('button', { name: 'Send a test to me' }).click();
    await visible(page.getByText(`Test email sent to ${email}`));
    await expect
      .poll(async () => (await mailbox()).find((mail) => mail.subject === '[Test] Spring news for Linh <b>'))
      .toMatchObject({ destination: { to: [email] } });
    const sent = (await mailbox()).find((mail) => mail.subject === '[Test] Spring news for Linh <b>');
    expect(sent?.body.html).toContain('Hello Linh &lt;b&gt;,');
    expect(sent?.body.html).toContain('See the spring range');

    // the list shows it, ready
    await page.getByRole('link', { name: 'Email templates' }).first().click();
    await visible(page.getByRole('link', { name: 'Spring news' }).first());
    await screenshot(page, 'email-templates-04-list-desktop');

    // on a phone: the editor stacks, nothing scrolls sideways
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, 'email-templates-05-list-phone');
    await page.getByRole('link', { name: 'Spring news' }).first().click();
    await visible(heading(page, 'Spring news'));
    await visible(live.getByRole('link', { name: 'See the spring range' }));
    await noSidewaysScroll(page, 375);
    await screenshot(page, 'email-templates-06-editor-phone');

    expect(pageErrors).toEqual([]);
  });
});
