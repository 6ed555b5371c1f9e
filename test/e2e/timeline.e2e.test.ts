import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCloudClient } from '../support/local-cloud-client';
import { seedMember } from '../support/team-members';
import { type ApiCaller, type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, signIn, visible } from './support/crm-pages';

/**
 * The timeline in a real browser against the whole local cloud: a salesperson logs a call on a contact
 * and sees it on the timeline, `n` opens a note, the type chips filter, the company shows its contact's
 * entries, and all of it works on a 375 px phone, where a meeting is logged with a team member, a contact
 * and an address as attendees, shown by name.
 */
describe.runIf(runE2e)('the timeline in the web app', () => {
  let e2e: BrowserAndCloud;
  let cloud: BrowserAndCloud['cloud'];
  const openPage = (viewport: { width: number; height: number }) => e2e.openPage(viewport);
  const workspaceId = 'timeline-e2e';
  let contactId: string;
  let companyId: string;
  let asAdmin: ApiCaller;

  beforeAll(async () => {
    e2e = await startBrowserAndCloud({ tableName: 'seed-crm-timeline-e2e' });
    cloud = e2e.cloud;
    asAdmin = await e2e.apiAs({ workspaceId });
    const client = localCloudClient(cloud);
    await seedMember(workspaceId, {
      email: 'grace@example.com',
      name: 'Grace Hopper',
      roles: ['sales'],
      table: { client: client.documents, tableName: cloud.tableName },
    });
    await asAdmin('POST', '/api/contacts', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
    });
    companyId = (await asAdmin<{ id: string }>('POST', '/api/companies', { name: 'Nguyen Roasters' })).id;
    contactId = (
      await asAdmin<{ id: string }>('POST', '/api/contacts', {
        firstName: 'Linh',
        lastName: 'Tran',
        email: 'linh@example.com',
        companyId,
      })
    ).id;
    // a colleague's note, which the salesperson may read but not change
    await asAdmin('POST', `/api/contacts/${contactId}/activities`, {
      type: 'note',
      body: '### Samples\nPrefers **oat milk** samples:\n\n- ~~soy~~ _oat_, `SKU-12`\n- the [price list](https://example.com/prices)\n\n> Call back in May',
      occurredAt: '2026-11-02T09:00:00Z',
    });
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  it('logs a call on a contact and shows it on the timeline, newest first', async () => {
    const page = await openPage({ width: 1280, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/contacts/${contactId}`);
    await signIn(page, { workspaceId, email: 'sam@example.com', role: 'Sales' });
    await visible(heading(page, 'Linh Tran'));
    const entries = page.getByRole('list', { name: 'Timeline entries' });
    await visible(entries.getByText('oat milk'));
    // the note's markdown, rendered on the server, shows as rich text with a safe link
    await visible(entries.locator('del', { hasText: 'soy' }));
    await expect(entries.getByRole('link', { name: 'price list' }).getAttribute('href')).resolves.toBe(
      'https://example.com/prices',
    );
    // a colleague's entry offers no actions to a salesperson
    await expect(entries.getByRole('button', { name: /Actions for/ }).count()).resolves.toBe(0);

    await page.getByRole('tab', { name: 'Call' }).click();
    const form = page.getByRole('form', { name: 'Log call' });
    await form.getByText('Inbound', { exact: true }).click();
    await form.getByRole('combobox', { name: 'Outcome' }).click();
    await page.getByRole('option', { name: 'Left voicemail' }).click();
    await form.getByLabel('Duration (minutes)').fill('2.5');
    await form.getByLabel('Notes').fill('Asked for the **autumn** price list');
    await form.getByRole('button', { name: 'Log call' }).click();
    await visible(page.getByText('Call logged'));

    const first = entries.getByRole('listitem').first();
    await visible(first.getByText('Inbound call · Left voicemail · 2 min 30 s'));
    await visible(first.locator('strong', { hasText: 'autumn' }));
    await visible(first.getByText('Logged by you'));
    await screenshot(page, 'timeline-01-call-logged');

    // the chips filter by type
    const chips = page.getByRole('group', { name: 'Show only' });
    await chips.getByText('Calls', { exact: true }).click();
    await visible(entries.getByText('Inbound call · Left voicemail · 2 min 30 s'));
    await expect(entries.getByText('oat milk').count()).resolves.toBe(0);
    await chips.getByText('All', { exact: true }).click();
    await visible(entries.getByText('oat milk'));

    // its author edits it; the earlier text stays in its history
    await first.getByRole('button', { name: 'Actions for this call' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit call' });
    await edit.getByLabel('Notes').fill('Sent the autumn price list');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await visible(first.getByText('Sent the autumn price list'));
    await visible(first.getByText('(edited)'));
    await first.getByRole('button', { name: 'Actions for this call' }).click();
    await page.getByRole('menuitem', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'Earlier versions' });
    await visible(history.getByText('Version 1', { exact: false }));
    await visible(history.locator('strong', { hasText: 'autumn' }));
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('opens a note with n (not while typing), and the company shows its contact entries', async () => {
    const page = await openPage({ width: 1280, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/contacts/${contactId}`);
    await signIn(page, { workspaceId, email: 'sam@example.com', role: 'Sales' });
    await visible(heading(page, 'Linh Tran'));
    await visible(page.getByRole('list', { name: 'Timeline entries' }));
    // typed into a field, n is just a letter
    await page.getByRole('tab', { name: 'Call' }).click();
    const callNotes = page.getByRole('form', { name: 'Log call' }).getByLabel('Notes');
    await callNotes.pressSequentially('nn');
    await expect(callNotes.inputValue()).resolves.toBe('nn');
    await expect(page.getByRole('form', { name: 'Log note' }).count()).resolves.toBe(0);
    await page.getByRole('form', { name: 'Log call' }).getByRole('button', { name: 'Cancel' }).click();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    const note = page.getByRole('form', { name: 'Log note' });
    const text = note.getByRole('textbox', { name: 'Note' });
    await visible(text);
    await text.fill('Call back in January, no rush');
    await note.getByRole('button', { name: 'Log note' }).click();
    await visible(page.getByText('Note logged'));
    await visible(
      page.getByRole('list', { name: 'Timeline entries' }).getByText('Call back in January, no rush'),
    );

    await page.goto(`${cloud.url}/companies/${companyId}`);
    await visible(heading(page, 'Nguyen Roasters'));
    const entries = page.getByRole('list', { name: 'Timeline entries' });
    await visible(entries.getByText('Call back in January, no rush'));
    await visible(entries.getByText('from a contact').first());
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('works on a 375 px phone, logging a meeting with a member, a contact and an address', async () => {
    const page = await openPage({ width: 375, height: 800 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/contacts/${contactId}`);
    await signIn(page, { workspaceId, email: 'sam@example.com', role: 'Sales' });
    await visible(heading(page, 'Linh Tran'));
    await page.getByRole('tab', { name: 'Meeting' }).click();
    const form = page.getByRole('form', { name: 'Log meeting' });
    await form.getByLabel('Title').fill('Tasting at the roastery');
    await form.getByRole('combobox', { name: 'Add a team member' }).click();
    await page.getByRole('option', { name: 'Grace Hopper' }).click();
    await form.getByRole('combobox', { name: 'Add a contact' }).fill('Ada');
    await page.getByRole('option', { name: 'Ada Lovelace' }).click();
    // picked by mistake, and removed again
    await form.getByRole('combobox', { name: 'Add a contact' }).fill('Linh');
    await page.getByRole('option', { name: 'Linh Tran' }).click();
    const picked = form.getByRole('group', { name: 'Attendees' });
    await visible(picked.getByText('Linh Tran'));
    await picked
      .locator('.mantine-Pill-root', { hasText: 'Linh Tran' })
      .getByRole('button', { name: 'Remove attendee' })
      .click();
    await picked.getByText('Linh Tran').waitFor({ state: 'detached' });
    await visible(picked.getByText('Grace Hopper'));
    await visible(picked.getByText('Ada Lovelace'));
    await form.getByLabel('Other attendees').fill('barista@example.com');
    await screenshot(page, 'timeline-02-phone-meeting-form');
    await form.getByRole('button', { name: 'Log meeting' }).click();
    await visible(page.getByText('Meeting logged'));
    const meeting = page
      .getByRole('list', { name: 'Timeline entries' })
      .getByRole('listitem')
      .filter({ hasText: 'Tasting at the roastery' });
    await visible(meeting.getByText('Attendees: Grace Hopper, Ada Lovelace, barista@example.com'));
    await visible(meeting.getByRole('link', { name: 'Ada Lovelace' }));
    // nothing wider than the screen
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'timeline-03-phone');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
