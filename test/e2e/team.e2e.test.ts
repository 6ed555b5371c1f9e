import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, signIn, visible } from './support/crm-pages';

/**
 * The team in a real browser against the whole local cloud: an admin invites a member and changes its roles, that member signs
 * in and owns a contact, the admin files a contact under themself and filters "Mine", then deactivates the
 * member, handing its contact over: the member's sign-in is refused and the contact shows up as the admin's.
 */
describe.runIf(runE2e)('the team in the web app', () => {
  let e2e: BrowserAndCloud;
  let cloud: BrowserAndCloud['cloud'];
  const openPage = (viewport: { width: number; height: number }) => e2e.openPage(viewport);
  const workspaceId = 'team-e2e';

  beforeAll(async () => {
    e2e = await startBrowserAndCloud({ tableName: 'seed-crm-team-e2e' });
    cloud = e2e.cloud;
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  const tokenOf = (email: string) => e2e.requestToken({ workspaceId, email, roles: ['sales'] });

  async function as<T>(email: string, method: string, path: string, body?: unknown): Promise<T> {
    return (await e2e.apiAs({ workspaceId, email, roles: ['sales'] }))<T>(method, path, body);
  }

  it('invites a member, files contacts under owners, filters "Mine", and deactivates the member', async () => {
    const page = await openPage({ width: 1366, height: 850 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/settings/team`);
    await signIn(page, { workspaceId, email: 'ada@example.com', role: 'Admin' });
    await visible(heading(page, 'Team'));
    const team = page.getByRole('table', { name: 'Team' });
    await visible(team.getByText('ada@example.com (you)'));

    // the invitation: an email is required, the member is listed as invited with its role
    await page.getByRole('button', { name: 'Invite member' }).click();
    const invite = page.getByRole('dialog', { name: 'Invite a member' });
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await visible(invite.getByText('Enter a valid email address.'));
    await invite.getByLabel('Email').fill('sam@example.com');
    await invite.getByLabel('Name', { exact: true }).fill('Sam Seller');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await visible(page.getByText('Sam Seller invited'));
    const samRow = team.getByRole('row', { name: /Sam Seller/ });
    await visible(samRow.getByText('Invited'));
    await visible(samRow.getByText('Sales'));
    await screenshot(page, 'team-01-invited-desktop');

    // roles change over the version the admin saw
    await page.getByRole('button', { name: 'Edit Sam Seller' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Sam Seller' });
    await edit.getByLabel('Support').check();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('Sam Seller saved'));
    await visible(samRow.getByText('Support'));
    await page.setViewportSize({ width: 375, height: 800 });
    await visible(page.getByRole('list', { name: 'Team' }).getByText('Sam Seller'));
    await screenshot(page, 'team-02-invited-phone');
    await page.setViewportSize({ width: 1366, height: 850 });

    // Sam signs in (the invited roles apply) and owns a contact
    const sam = (
      await as<{ items: Array<{ id: string; email: string; roles: string[]; status: string }> }>(
        'sam@example.com',
        'GET',
        '/api/settings/members',
      )
    ).items.find((member) => member.email === 'sam@example.com');
    expect(sam).toMatchObject({ status: 'active', roles: ['sales', 'support'] });
    const samsContact = await as<{ id: string }>('sam@example.com', 'POST', '/api/contacts', {
      firstName: 'Pat',
      lastName: 'Sam-owned',
      ownerId: sam?.id,
    });

    // a contact created in the app is the creator's: "Mine" lists it, not Sam's
    await page.goto(`${cloud.url}/contacts/new`);
    await page.getByLabel('First name').fill('Mina');
    await page.getByLabel('Last name').fill('Mine');
    await expect
      .poll(() =>
        page
          .getByRole('textbox', { name: 'Owner', exact: true })
          .or(page.getByRole('combobox', { name: 'Owner', exact: true }))
          .first()
          .inputValue(),
      )
      .toBe('ada@example.com (me)');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await visible(heading(page, 'Mina Mine'));
    await visible(page.locator('#main').getByText('ada@example.com', { exact: true }));
    await page.goto(`${cloud.url}/contacts`);
    await visible(page.getByRole('link', { name: 'Pat Sam-owned' }));
    await page.getByText('Mine', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('owner') === 'me');
    await visible(page.getByRole('link', { name: 'Mina Mine' }));
    await expect.poll(() => page.getByRole('link', { name: 'Pat Sam-owned' }).count()).toBe(0);
    await screenshot(page, 'team-03-my-contacts-desktop');
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, 'team-04-my-contacts-phone');
    await page.setViewportSize({ width: 1366, height: 850 });

    // deactivation asks who takes over, then confirms
    await page.goto(`${cloud.url}/settings/team`);
    await page.getByRole('button', { name: 'Deactivate Sam Seller' }).click();
    const confirm = page.getByRole('dialog', { name: 'Deactivate Sam Seller?' });
    await expect
      .poll(() => confirm.getByRole('button', { name: 'Deactivate', exact: true }).isDisabled())
      .toBe(true);
    await confirm
      .getByRole('textbox', { name: 'Who takes over their work' })
      .or(confirm.getByRole('combobox', { name: 'Who takes over their work' }))
      .first()
      .click();
    await page.getByRole('option', { name: 'ada@example.com (me)' }).click();
    await screenshot(page, 'team-05-deactivate-dialog');
    await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await visible(page.getByText('Sam Seller deactivated'));
    await visible(team.getByRole('row', { name: /Sam Seller/ }).getByText('Deactivated'));
    await expect.poll(() => team.getByRole('button', { name: 'Deactivate Sam Seller' }).count()).toBe(0);
    await screenshot(page, 'team-06-deactivated-desktop');
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, 'team-07-deactivated-phone');
    await page.setViewportSize({ width: 1366, height: 850 });

    // Sam may not sign in again, and his contact is now Ada's
    expect((await tokenOf('sam@example.com')).status).toBe(403);
    await expect
      .poll(
        async () => {
          await page.goto(`${cloud.url}/contacts?owner=me`);
          await visible(page.getByRole('link', { name: 'Mina Mine' }));
          return page.getByRole('link', { name: 'Pat Sam-owned' }).count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    await page.goto(`${cloud.url}/contacts/${samsContact.id}`);
    await visible(page.locator('#main').getByText('ada@example.com', { exact: true }));
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
