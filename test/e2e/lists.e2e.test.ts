import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiCaller, type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, signIn, visible } from './support/crm-pages';

/**
 * Lists in a real browser against the whole local cloud: a marketer creates a list, puts a contact on it
 * from the contact's page, finds the contact among the list's members, and takes it off again.
 */
describe.runIf(runE2e)('lists in the web app', () => {
  let e2e: BrowserAndCloud;
  let cloud: BrowserAndCloud['cloud'];
  const openPage = (viewport: { width: number; height: number }) => e2e.openPage(viewport);
  const workspaceId = 'lists-e2e';
  let contactId: string;

  beforeAll(async () => {
    e2e = await startBrowserAndCloud({ tableName: 'seed-crm-lists-e2e' });
    cloud = e2e.cloud;
    asAdmin = await e2e.apiAs({ workspaceId });
    contactId = (
      await asAdmin<{ id: string }>('POST', '/api/contacts', {
        firstName: 'Linh',
        lastName: 'Tran',
        email: 'linh@example.com',
      })
    ).id;
  });

  let asAdmin: ApiCaller;
  const idOfList = async (name: string) =>
    (await asAdmin<{ items: Array<{ id: string; name: string }> }>('GET', '/api/lists')).items.find(
      (list) => list.name === name,
    )?.id ?? '';

  afterAll(async () => {
    await e2e?.stop();
  });

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
    // the count shows at once, from the create and update replies, not only after a reload
    await visible(page.getByText('0 members · Guests of the April webinar'));
    await screenshot(page, 'lists-01-new-list');
    await page.getByRole('button', { name: 'Edit' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit list' });
    await editDialog.getByLabel('Description').fill('Guests of the April webinar, online');
    await editDialog.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('0 members · Guests of the April webinar, online'));
    await page.getByRole('button', { name: 'Edit' }).click();
    await editDialog.getByLabel('Description').fill('Guests of the April webinar');
    await editDialog.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('0 members · Guests of the April webinar'));
    for (const [width, name] of [
      [1366, 'lists-07-count-desktop'],
      [375, 'lists-08-count-phone'],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      await screenshot(page, name);
    }
    await page.setViewportSize({ width: 1280, height: 800 });

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

  it("shows a form's post on the contact: the list it joined and the submission with its source", async () => {
    const page = await openPage({ width: 1280, height: 900 });
    const pageErrors = collectPageErrors(page);
    const listId = await idOfList('Spring webinar');
    const form = await asAdmin<{ id: string }>('POST', '/api/settings/forms', {
      name: 'Webinar sign-up',
      fields: [
        { name: 'email', target: 'email' },
        { name: 'first_name', target: 'firstName' },
      ],
      lists: [listId],
      consent: { text: 'Send me the recording.', doubleOptIn: false },
    });
    const posted = await fetch(`${cloud.url}/api/webhooks/forms/${form.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'ola@example.com',
        first_name: 'Ola',
        consent: 'on',
        utm_source: 'newsletter',
        utm_campaign: 'april',
        question: 'Will there be a recording?',
      }),
    });
    expect(posted.status).toBe(202);

    await page.goto(`${cloud.url}/lists/${listId}`);
    await signIn(page, { workspaceId, email: 'mia@example.com', role: 'Marketing' });
    // processing is asynchronous: the member shows up once the post went through the bus
    const members = page.getByRole('table', { name: 'Members of Spring webinar' });
    const ola = members.getByRole('link', { name: 'Ola' });
    for (let attempt = 0; ; attempt++) {
      // the page has loaded when its member count shows
      await visible(page.getByText(/\d+ members? ·/));
      if ((await ola.count()) > 0) break;
      if (attempt >= 20) throw new Error('the form post never put Ola on the list');
      await page.waitForTimeout(500);
      await page.reload();
    }
    await visible(members.getByText('A form'));
    await ola.click();
    await visible(heading(page, 'Ola'));
    const submissions = page.getByRole('list', { name: 'Timeline entries' });
    await visible(submissions.getByText('Webinar sign-up'));
    await visible(submissions.getByText('newsletter · april'));
    await visible(submissions.getByText('Consent confirmed'));
    await visible(submissions.getByText('question: Will there be a recording?'));
    await visible(page.getByRole('region', { name: 'Lists' }).getByRole('link', { name: 'Spring webinar' }));
    await screenshot(page, 'lists-05-form-submission');

    // the form's settings name the list it adds people to, and its edit page has it chosen
    await page.goto(`${cloud.url}/settings/forms/${form.id}`);
    await visible(heading(page, 'Webinar sign-up'));
    await visible(page.getByText('Spring webinar'));
    await page.getByRole('link', { name: 'Edit' }).click();
    await visible(heading(page, 'Edit Webinar sign-up'));
    await visible(page.getByText('Spring webinar', { exact: true }).first());
    await screenshot(page, 'lists-06-form-lists');
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
