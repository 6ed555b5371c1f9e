import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, search, signIn, visible } from './support/crm-pages';

/**
 * The web app in a real browser against the whole local cloud (DynamoDB Local, the handlers, the built
 * web/dist): sign in, companies and contacts from creation to deletion, on a desktop and on a phone.
 */
describe.runIf(runE2e)('the web app', () => {
  let e2e: BrowserAndCloud;
  let cloud: BrowserAndCloud['cloud'];
  const openPage = (viewport: { width: number; height: number }) => e2e.openPage(viewport);
  /** Toasts sit over the bottom of the page: out of the way of a screenshot of what is there. */
  const dismissToasts = async (page: Page) => {
    for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
  };

  beforeAll(async () => {
    e2e = await startBrowserAndCloud();
    cloud = e2e.cloud;
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  it('signs in, creates, validates, finds, edits and deletes a contact on a desktop', async () => {
    const page = await openPage({ width: 1280, height: 800 });
    const pageErrors = collectPageErrors(page);

    // a deep link while signed out goes through sign-in and comes back
    await page.goto(`${cloud.url}/contacts?q=ada`);
    await page.waitForURL(/\/sign-in\?returnTo=%2Fcontacts%3Fq%3Dada$/);
    await screenshot(page, 'desktop-01-sign-in');
    await signIn(page, { workspaceId: 'acme', email: 'ann@example.com' });
    await page.waitForURL(/\/contacts\?q=ada$/);
    await visible(page.getByText('No contacts match'));

    // a company to link the contact to
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).click();
    await visible(heading(page, 'Companies'));
    await visible(page.getByText('No companies yet'));
    await page.getByRole('link', { name: 'New company' }).first().click();
    await page.getByLabel('Name').fill('Globex');
    await page.getByLabel('Domain').fill('https://www.globex.example');
    await page.getByRole('button', { name: 'Create company' }).click();
    await visible(heading(page, 'Globex'));
    await visible(page.getByText('globex.example', { exact: true }).first());

    // the form checks with the shared schemas before sending anything
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('link', { name: 'New contact' }).first().click();
    await visible(heading(page, 'New contact'));
    await page.getByRole('button', { name: 'Create contact' }).click();
    await visible(page.getByText('Give the contact a name or an email address.'));
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Email').fill('ada@');
    await page.getByLabel('Phone').fill('12');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await visible(page.getByText('Enter a valid email address.'));
    await visible(page.getByText('Enter a valid phone number in international format', { exact: false }));
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
    await screenshot(page, 'desktop-02-validation-error');

    await page.getByLabel('Email').fill('Ada@Example.com');
    await page.getByLabel('Phone').fill('+44 20 7946 0958');
    await page.getByLabel('Job title').fill('Engineer');
    await page.getByRole('combobox', { name: 'Tags' }).fill('vip');
    await page.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await page.getByRole('combobox', { name: 'Company' }).fill('Glo');
    await page.getByRole('option', { name: 'Globex' }).click();
    await page.getByRole('button', { name: 'Create contact' }).click();
    await visible(heading(page, 'Ada Lovelace'));
    await visible(page.getByRole('status').getByText('Ada Lovelace created'));
    await visible(page.getByRole('link', { name: 'ada@example.com' }));
    // stored as +442079460958, shown formatted (a UK number, international for an en-US browser), dialled as stored
    const phoneLink = await visible(page.getByRole('link', { name: '+44 20 7946 0958' }));
    expect(await phoneLink.getAttribute('href')).toBe('tel:+442079460958');
    await visible(page.getByRole('link', { name: 'Globex' }).first());
    const contactUrl = page.url();
    await screenshot(page, 'desktop-03-contact-detail');

    // the API's own errors land on the field: a second contact with the same email
    await page.goto(`${cloud.url}/contacts/new`);
    await page.getByLabel('First name').fill('Augusta');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await visible(page.getByText('Another contact already has this email address.'));
    await visible(page.getByRole('link', { name: 'Open that contact' }));
    await page.getByRole('link', { name: 'Cancel' }).click();

    // found by exact email and by name prefix; nothing for another name
    await visible(heading(page, 'Contacts'));
    await search(page, 'Search contacts', 'ada@example.com');
    await visible(page.getByRole('row', { name: /Ada Lovelace/ }));
    await search(page, 'Search contacts', 'lov');
    await visible(page.getByText('No contacts match'));
    await search(page, 'Search contacts', 'Ada L');
    await visible(page.getByRole('row', { name: /Ada Lovelace/ }));
    await visible(page.getByRole('row', { name: /Ada Lovelace/ }).getByRole('link', { name: 'Globex' }));
    await screenshot(page, 'desktop-04-search');

    // edit: only the changes are sent, with the version it was based on
    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await visible(heading(page, 'Edit Ada Lovelace'));
    await page.getByLabel('Last name').fill('King');
    await page.getByLabel('Job title').fill('Analyst');
    await page.getByRole('combobox', { name: 'Company' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(heading(page, 'Ada King'));
    await visible(page.getByText('Analyst', { exact: true }).first());
    expect(page.url()).toBe(contactUrl);
    await screenshot(page, 'desktop-05-edited');

    // a 401 (here a token the API rejects) goes to sign-in and back to the same page
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('seed-crm.session') ?? '{}');
      localStorage.setItem('seed-crm.session', JSON.stringify({ ...stored, token: `${stored.token}x` }));
    });
    await page.reload();
    await visible(page.getByText('Your session has ended'));
    await screenshot(page, 'desktop-06-session-ended');
    await signIn(page, { workspaceId: 'acme', email: 'ann@example.com' });
    await visible(heading(page, 'Ada King'));
    expect(page.url()).toBe(contactUrl);

    // delete, after confirming
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Delete this contact?' }));
    await screenshot(page, 'desktop-07-delete-confirmation');
    await dialog.getByRole('button', { name: 'Delete contact' }).click();
    await visible(heading(page, 'Contacts'));
    await visible(page.getByRole('status').getByText('Ada King deleted'));
    await search(page, 'Search contacts', 'ada@example.com');
    await visible(page.getByText('No contacts match'));
    await page.goto(contactUrl);
    await visible(page.getByText('This contact does not exist'));

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('does the same on a 375 px wide phone', async () => {
    const page = await openPage({ width: 375, height: 812 });
    const pageErrors = collectPageErrors(page);

    await page.goto(`${cloud.url}/`);
    await signIn(page, { workspaceId: 'mobile', email: 'max@example.com', role: 'Sales' });
    await visible(heading(page, 'Contacts'));
    await visible(page.getByText('No contacts yet'));
    await screenshot(page, 'phone-01-contacts-empty');

    // the navigation sits behind the burger
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await visible(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }));
    await screenshot(page, 'phone-02-navigation');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();

    await page.getByRole('link', { name: 'New contact' }).first().click();
    await visible(heading(page, 'New contact'));
    await page.getByLabel('Email').fill('grace@');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await visible(page.getByText('Enter a valid email address.'));
    await screenshot(page, 'phone-03-validation-error');
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    await page.getByLabel('Email').fill('grace@example.com');
    await page.getByRole('combobox', { name: 'Tags' }).fill('navy');
    await page.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await visible(heading(page, 'Grace Hopper'));
    await screenshot(page, 'phone-04-contact-detail');

    // the list is a card list at this width, and nothing scrolls sideways
    await page.getByRole('main').getByRole('link', { name: 'Contacts', exact: true }).click();
    await search(page, 'Search contacts', 'Gra');
    const cards = await visible(page.getByRole('list', { name: 'Contacts' }));
    await visible(cards.getByRole('link', { name: /Grace Hopper/ }));
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'phone-05-search');

    await cards.getByRole('link', { name: /Grace Hopper/ }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Job title').fill('Rear admiral');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('Rear admiral', { exact: true }).first());

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete contact' }).click();
    await visible(page.getByText('No contacts yet'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('defines custom fields that the forms ask for, and manages a company by role', async () => {
    const page = await openPage({ width: 1280, height: 800 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/settings/fields`);
    await signIn(page, { workspaceId: 'fields', email: 'ada@example.com' });
    await visible(heading(page, 'Custom fields'));

    // a required choice on contacts, a number on companies
    await page.getByLabel('Label').fill('Size');
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Choice list' }).click();
    await page.getByRole('combobox', { name: 'Choices' }).fill('Small');
    await page.getByRole('combobox', { name: 'Choices' }).press('Enter');
    await page.getByRole('combobox', { name: 'Choices' }).fill('Large');
    await page.getByRole('combobox', { name: 'Choices' }).press('Enter');
    await page.getByRole('switch', { name: 'Required' }).check();
    await page.getByRole('button', { name: 'Add field' }).click();
    await visible(page.getByRole('cell', { name: 'size', exact: true }));
    await page.getByRole('tab', { name: 'Companies' }).click();
    await page.getByLabel('Label').fill('Employees');
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Number' }).click();
    await page.getByRole('button', { name: 'Add field' }).click();
    await visible(page.getByRole('cell', { name: 'employees', exact: true }));
    await screenshot(page, 'desktop-08-custom-fields');
    // a second "Industry" is refused, naming the built-in field
    await page.getByLabel('Label').fill('industry');
    await page.getByRole('button', { name: 'Add field' }).click();
    await visible(page.getByText('Industry is a built-in company field. Choose another label.'));
    await visible(page.getByText('Industry is a built-in company field. Choose another key.'));
    await dismissToasts(page);
    for (const [width, name] of [
      [1366, 'desktop-16-built-in-field'],
      [375, 'phone-11-built-in-field'],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      await screenshot(page, name);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByLabel('Label').fill('');
    // a yes/no field on contacts
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await page.getByLabel('Label').fill('Newsletter');
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Yes / no' }).click();
    await page.getByRole('button', { name: 'Add field' }).click();
    await visible(page.getByRole('cell', { name: 'newsletter', exact: true }));

    // renaming a field, from the keyboard; someone else's change in between is a conflict, not an overwrite
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await page.getByRole('button', { name: 'Edit Size' }).focus();
    await page.keyboard.press('Enter');
    const editDialog = await visible(page.getByRole('dialog', { name: 'Edit field' }));
    expect(await editDialog.getByLabel('Label').evaluate((input) => input === document.activeElement)).toBe(
      true,
    );
    const elsewhere = await page.evaluate(async () => {
      const { token } = JSON.parse(localStorage.getItem('seed-crm.session') ?? '{}');
      const response = await fetch('/api/settings/fields/contact/size', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'If-Match': '"1"' },
        body: JSON.stringify({ label: 'Headcount' }),
      });
      return response.status;
    });
    expect(elsewhere).toBe(200);
    await editDialog.getByLabel('Label').fill('Company size');
    await page.keyboard.press('Enter');
    await visible(editDialog.getByText('Someone else changed this custom field. Reload it and try again.'));
    await screenshot(page, 'desktop-11-field-conflict');
    await editDialog.getByRole('button', { name: 'Load the latest version' }).click();
    await expect.poll(() => editDialog.getByLabel('Label').inputValue()).toBe('Headcount');
    expect(await editDialog.getByLabel('Label').evaluate((input) => input === document.activeElement)).toBe(
      true,
    );
    await editDialog.getByLabel('Label').fill('Company size');
    await editDialog.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByRole('status').getByText('Company size saved'));
    await editDialog.waitFor({ state: 'hidden' });
    await visible(page.getByText('Company size', { exact: true }));
    // focus goes back to where it was: the field's Edit button
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Edit Company size',
    );
    await page.keyboard.press('Enter');
    await visible(editDialog);
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'phone-07-edit-field');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.keyboard.press('Escape');
    await editDialog.waitFor({ state: 'hidden' });

    // a company with its custom number, edited
    await page.goto(`${cloud.url}/companies/new`);
    await page.getByLabel('Name').fill('Initech');
    await page.getByLabel('Employees').fill('120');
    await page.getByRole('button', { name: 'Create company' }).click();
    await visible(heading(page, 'Initech'));
    await visible(page.getByText('120', { exact: true }));
    await page.getByRole('link', { name: 'Edit' }).click();
    // the country is picked by name: "Germany" typed finds Germany (not GE, Georgia), chosen from the keyboard
    const country = page.getByRole('combobox', { name: 'Country' });
    await dismissToasts(page);
    await country.fill('Germany');
    await visible(page.getByRole('option', { name: 'Germany' }));
    expect(await page.getByRole('option').allTextContents()).toEqual(['Germany']);
    for (const [width, name] of [
      [1366, 'desktop-14-country-picker'],
      [375, 'phone-09-country-picker'],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      await screenshot(page, name);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await country.press('ArrowDown');
    await country.press('Enter');
    expect(await country.inputValue()).toBe('Germany');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('Germany', { exact: true }));
    expect(await page.getByText('DE', { exact: true }).count()).toBe(0);
    await screenshot(page, 'desktop-09-company-detail');

    // a contact added from the company's empty list: linked already, and the renamed required field is asked for
    const companyContacts = page.getByRole('region', { name: 'Contacts' });
    await visible(companyContacts.getByText('No contacts at Initech yet'));
    await companyContacts.getByRole('link', { name: 'Add a contact at Initech' }).click();
    await visible(heading(page, 'New contact'));
    await page.getByLabel('First name').fill('Peter');
    await page.getByLabel('Job title').fill('Programmer');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await visible(page.getByText('Company size is required.'));
    await page.getByRole('combobox', { name: 'Company size' }).click();
    await page.getByRole('option', { name: 'Large' }).click();
    await page.getByRole('button', { name: 'Create contact' }).click();
    await visible(heading(page, 'Peter'));
    await visible(page.getByText('Large', { exact: true }));
    const contactUrl = page.url();

    // the yes/no field left alone stays unset; yes is saved, and "Not set" removes it again
    const storedCustomFields = () =>
      page.evaluate(
        async (path) => {
          const { token } = JSON.parse(localStorage.getItem('seed-crm.session') ?? '{}');
          const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
          return ((await response.json()) as { customFields: unknown }).customFields;
        },
        new URL(contactUrl).pathname.replace('/contacts/', '/api/contacts/'),
      );
    expect(await storedCustomFields()).toEqual({ size: 'Large' });
    await page.getByRole('link', { name: 'Edit' }).click();
    const newsletter = await visible(page.getByRole('radiogroup', { name: 'Newsletter' }));
    expect(await newsletter.getByRole('radio', { name: 'Not set' }).isChecked()).toBe(true);
    await newsletter.getByRole('radio', { name: 'Yes' }).check();
    await dismissToasts(page);
    for (const [width, name] of [
      [1366, 'desktop-17-yes-no-field'],
      [375, 'phone-12-yes-no-field'],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      await screenshot(page, name);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(heading(page, 'Peter'));
    await expect.poll(storedCustomFields).toEqual({ size: 'Large', newsletter: true });
    await page.getByRole('link', { name: 'Edit' }).click();
    await newsletter.getByRole('radio', { name: 'Not set' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(heading(page, 'Peter'));
    await expect.poll(storedCustomFields).toEqual({ size: 'Large' });

    // the company lists its contact, and the row leads back to it
    await page.getByRole('link', { name: 'Initech' }).first().click();
    await visible(heading(page, 'Initech'));
    const peterRow = await visible(companyContacts.getByRole('row', { name: /Peter/ }));
    await visible(peterRow.getByText('Programmer'));
    await screenshot(page, 'desktop-12-company-contacts');
    await page.setViewportSize({ width: 375, height: 812 });
    await visible(companyContacts.getByRole('list', { name: 'Contacts at Initech' }));
    // the layout settles a frame or two after the resize
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(375);
    await screenshot(page, 'phone-06-company-contacts');
    await page.setViewportSize({ width: 1280, height: 800 });
    await peterRow.getByRole('link', { name: 'Peter' }).click();
    await visible(heading(page, 'Peter'));
    expect(page.url()).toBe(contactUrl);

    // support may read companies but not change them
    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await signIn(page, { workspaceId: 'fields', email: 'sam@example.com', role: 'Support' });
    await page.goto(`${cloud.url}/companies`);
    await visible(page.getByRole('row', { name: /Initech/ }).getByText('Germany'));
    await page.setViewportSize({ width: 1366, height: 800 });
    await screenshot(page, 'desktop-15-companies-country');
    await page.setViewportSize({ width: 375, height: 812 });
    await visible(page.getByRole('list', { name: 'Companies' }).getByText(/Germany/));
    await screenshot(page, 'phone-10-companies-country');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.getByRole('link', { name: 'New company' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Initech' }).click();
    await visible(heading(page, 'Initech'));
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    // an admin deletes the company; its contact stays, unlinked
    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await signIn(page, { workspaceId: 'fields', email: 'ada@example.com' });
    await page.goto(`${cloud.url}/companies`);
    await page.getByRole('link', { name: 'Initech' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete company' }).click();
    await visible(page.getByText('No companies yet'));
    await page.goto(contactUrl);
    await visible(heading(page, 'Peter'));
    expect(await page.getByRole('link', { name: 'Initech' }).count()).toBe(0);
    await page.goto(`${cloud.url}/contacts`);
    await visible(page.getByRole('row', { name: /Peter/ }));
    expect(await page.getByRole('row', { name: /Peter/ }).getByRole('cell').nth(2).textContent()).toBe('');

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("pages through a long list, filters it by tag and pages through a company's contacts", async () => {
    // 30 contacts through the API itself, every third tagged "fizz"
    const { token } = (await (
      await fetch(`${cloud.url}/api/local/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ workspaceId: 'pager', email: 'pat@example.com', roles: ['admin'] }),
      })
    ).json()) as { token: string };
    // the first 12 work at Umbrella
    const umbrella = await fetch(`${cloud.url}/api/companies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'Umbrella' }),
    });
    expect(umbrella.status).toBe(201);
    const { id: companyId } = (await umbrella.json()) as { id: string };
    for (let n = 1; n <= 30; n++) {
      const created = await fetch(`${cloud.url}/api/contacts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({
          firstName: `Person${n}`,
          tags: [n % 3 === 0 ? 'fizz' : 'other'],
          ...(n <= 12 ? { companyId } : {}),
        }),
      });
      expect(created.status).toBe(201);
    }

    const page = await openPage({ width: 1280, height: 800 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/contacts`);
    await signIn(page, { workspaceId: 'pager', email: 'pat@example.com' });
    const pager = await visible(page.getByRole('navigation', { name: 'Contacts pages' }));
    await visible(pager.getByText('Page 1'));
    expect(await page.getByRole('row').count()).toBe(1 + 25);
    expect(await pager.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);

    await pager.getByRole('button', { name: 'Next' }).click();
    await visible(pager.getByText('Page 2'));
    await visible(page.getByRole('link', { name: 'Person1', exact: true }));
    expect(await page.getByRole('row').count()).toBe(1 + 5);
    expect(await pager.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await screenshot(page, 'desktop-10-page-2');

    // leaving for a contact and coming back keeps the page
    await page.getByRole('link', { name: 'Person1', exact: true }).click();
    await visible(heading(page, 'Person1'));
    await page.goBack();
    await visible(pager.getByText('Page 2'));
    await pager.getByRole('button', { name: 'Previous' }).click();
    await visible(pager.getByText('Page 1'));
    await visible(page.getByRole('link', { name: 'Person30', exact: true }));

    // a tag badge filters the list; the filter box shows it and clears it
    await page.getByRole('button', { name: 'Show only tag fizz' }).first().click();
    await page.waitForURL(/\/contacts\?tag=fizz$/);
    await visible(page.getByRole('link', { name: 'Person3', exact: true }));
    expect(await page.getByRole('row').count()).toBe(1 + 10);
    expect(await page.getByRole('textbox', { name: 'Filter by tag' }).inputValue()).toBe('fizz');
    await page.getByRole('button', { name: 'Clear tag filter' }).click();
    await page.waitForURL(/\/contacts$/);
    await visible(pager.getByText('Page 1'));

    // a tag the API would refuse is explained at the filter box, and never sent
    const taggedRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/') && url.searchParams.has('tag')) taggedRequests.push(url.search);
    });
    const tagBox = page.getByRole('textbox', { name: 'Filter by tag' });
    await tagBox.fill('#fizz');
    await tagBox.press('Enter');
    await visible(page.getByText('Tags cannot contain # or commas.'));
    await visible(page.getByText('No contacts match'));
    expect(await tagBox.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Some fields are not valid.').count()).toBe(0);
    await screenshot(page, 'desktop-13-tag-filter-error');
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'phone-08-tag-filter-error');
    await page.setViewportSize({ width: 1280, height: 800 });
    // a shared link with such a tag says the same
    await page.goto(`${cloud.url}/companies?tag=a%2Cb`);
    await visible(page.getByText('Tags cannot contain # or commas.'));
    await visible(page.getByText('No companies match'));
    expect(taggedRequests).toEqual([]);

    // the company's page lists its twelve contacts ten at a time, newest first
    await page.goto(`${cloud.url}/companies/${companyId}`);
    const companyContacts = await visible(page.getByRole('region', { name: 'Contacts' }));
    const companyPager = companyContacts.getByRole('navigation', { name: 'Contacts pages' });
    await visible(companyPager.getByText('Page 1'));
    await visible(companyContacts.getByRole('link', { name: 'Person12', exact: true }));
    expect(await companyContacts.getByRole('row').count()).toBe(1 + 10);
    await companyPager.getByRole('button', { name: 'Next' }).click();
    await visible(companyPager.getByText('Page 2'));
    await visible(companyContacts.getByRole('link', { name: 'Person1', exact: true }));
    expect(await companyContacts.getByRole('row').count()).toBe(1 + 2);
    expect(await companyPager.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await companyContacts.getByRole('link', { name: 'Person1', exact: true }).click();
    await visible(heading(page, 'Person1'));

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
