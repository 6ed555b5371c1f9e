import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCloudClient } from '../support/local-cloud-client';
import { seedMember } from '../support/team-members';
import { type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, signIn, visible } from './support/crm-pages';

/**
 * Support tickets in a real browser against the whole local cloud: a support agent opens a ticket for a
 * contact from the Tickets page, sees it in the queue with its SLA, answers it (pending) and resolves it;
 * the month's figures count the resolution. Then the queue and the ticket on a phone.
 */
describe.runIf(runE2e)('tickets in the web app', () => {
  let e2e: BrowserAndCloud;
  let cloud: BrowserAndCloud['cloud'];
  const openPage = (viewport: { width: number; height: number }) => e2e.openPage(viewport);
  const workspaceId = 'tickets-e2e';
  const agent = 'rosa@example.com';

  beforeAll(async () => {
    e2e = await startBrowserAndCloud({ tableName: 'seed-crm-tickets-e2e' });
    cloud = e2e.cloud;
    const asAdmin = await e2e.apiAs({ workspaceId });
    await asAdmin('POST', '/api/contacts', {
      firstName: 'Linh',
      lastName: 'Tran',
      email: 'linh@example.com',
    });
    // the agent is an active member of the team (the team's own routes are not needed for that)
    await seedMember(workspaceId, {
      email: agent,
      name: 'Rosa',
      roles: ['support'],
      table: { client: localCloudClient(cloud).documents, tableName: cloud.tableName },
    });
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  it('opens a ticket for a contact, answers it and resolves it', async () => {
    const page = await openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/tickets`);
    await signIn(page, { workspaceId, email: agent, role: 'Support' });
    await visible(heading(page, 'Tickets'));
    await visible(page.getByText('No open tickets'));

    await page.getByRole('button', { name: 'New ticket' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New ticket' });
    await dialog.getByRole('combobox', { name: 'Contact' }).fill('Linh');
    await page.getByRole('option', { name: 'Linh Tran' }).click();
    // a subject is required, and the refusal is said on the input
    await dialog.getByRole('button', { name: 'Open ticket' }).click();
    await visible(dialog.getByText('Give the ticket a subject.'));
    await dialog.getByLabel('Subject').fill('Espresso machine leaks');
    await dialog.getByLabel('Description').fill('Water under the machine after every cup since Tuesday.');
    await dialog.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: 'High' }).click();
    await dialog.getByRole('combobox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: 'Me' }).click();
    await dialog.getByRole('button', { name: 'Open ticket' }).click();

    await visible(heading(page, 'Espresso machine leaks'));
    // a high ticket is due in a day: "1 d left" within the second it opened, "23 h 59 min left" just after
    await visible(page.getByText(/^(1 d|23 h( \d+ min)?) left$/));
    await visible(page.getByRole('link', { name: 'Linh Tran' }));
    await screenshot(page, 'tickets-01-opened');

    // the queue: the ticket with its SLA, priority, contact and assignee; mine holds it too
    await page.getByRole('link', { name: 'Tickets', exact: true }).first().click();
    const queue = page.getByRole('list', { name: 'Ticket queue' });
    await visible(queue.getByRole('link', { name: 'Espresso machine leaks' }));
    await visible(queue.getByText('High'));
    await visible(queue.getByText('Me'));
    await page.getByText('Mine', { exact: true }).click();
    await visible(queue.getByRole('link', { name: 'Espresso machine leaks' }));
    await screenshot(page, 'tickets-02-queue-desktop');

    await queue.getByRole('link', { name: 'Espresso machine leaks' }).click();
    await page.getByRole('button', { name: 'Mark pending' }).click();
    await visible(page.getByRole('button', { name: 'Resolve' }));
    await visible(page.getByText(/^after \d+ s$/));
    await page.getByRole('button', { name: 'Resolve' }).click();
    await visible(page.getByRole('button', { name: 'Reopen' }));
    await visible(page.getByText('Resolved in time'));
    await screenshot(page, 'tickets-03-resolved');

    // off the queue, and counted in this month's figures
    await page.goto(`${cloud.url}/tickets`);
    await visible(page.getByText('No open tickets'));
    await visible(page.getByText('1 resolved this month'));
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows the queue and a ticket on a phone', async () => {
    const page = await openPage({ width: 375, height: 740 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/tickets`);
    await signIn(page, { workspaceId, email: agent, role: 'Support' });
    await visible(heading(page, 'Tickets'));
    // a second ticket, opened on the phone
    await page.getByRole('button', { name: 'New ticket' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New ticket' });
    await dialog.getByRole('combobox', { name: 'Contact' }).fill('linh@example.com');
    await page.getByRole('option', { name: 'Linh Tran' }).click();
    await dialog.getByLabel('Subject').fill('Descaling tablets missing from the box');
    await dialog.getByRole('button', { name: 'Open ticket' }).click();
    await visible(heading(page, 'Descaling tablets missing from the box'));
    await screenshot(page, 'tickets-04-ticket-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await page.goto(`${cloud.url}/tickets`);
    await visible(page.getByRole('list', { name: 'Ticket queue' }).getByRole('link', { name: /Descaling/ }));
    await screenshot(page, 'tickets-05-queue-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.goto(`${cloud.url}/settings/ticket-sla`);
    await visible(heading(page, 'Ticket SLA'));
    await visible(page.getByText('Only an admin can change the targets.'));
    await screenshot(page, 'tickets-06-sla-phone');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
