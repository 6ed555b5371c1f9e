import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCloudClient } from '../support/local-cloud-client';
import { seedMember } from '../support/team-members';
import { type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, signIn, visible } from './support/crm-pages';

/**
 * Tasks in a real browser against the whole local cloud: a member creates a task about a contact, completes
 * it from the list (and sees a refused completion roll back), reassigns another to a colleague, and finds
 * the open one on the contact's page. Usable at 375 px.
 */
describe.runIf(runE2e)('tasks in the web app', () => {
  let e2e: BrowserAndCloud;
  let cloud: BrowserAndCloud['cloud'];
  const openPage = (viewport: { width: number; height: number }) => e2e.openPage(viewport);
  const workspaceId = 'tasks-e2e';
  const email = 'mia@example.com';
  let contactId: string;

  beforeAll(async () => {
    e2e = await startBrowserAndCloud({ tableName: 'seed-crm-tasks-e2e' });
    cloud = e2e.cloud;
    const client = localCloudClient(cloud);
    const table = { client: client.documents, tableName: cloud.tableName };
    await seedMember(workspaceId, { email, name: 'Mia', table });
    await seedMember(workspaceId, {
      email: 'grace@example.com',
      name: 'Grace Hopper',
      roles: ['sales'],
      table,
    });
    const asAdmin = await e2e.apiAs({ workspaceId });
    const created = await asAdmin<{ id: string }>('POST', '/api/contacts', {
      firstName: 'Linh',
      lastName: 'Tran',
      email: 'linh@example.com',
    });
    contactId = created.id;
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  /** `datetime-local` text for a time `hours` from now, in the browser's (and this process's) zone. */
  const localInput = (hours: number) => {
    const date = new Date(Date.now() + hours * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  };

  /** At 375 px, once the phone layout has settled (the navigation behind its burger), nothing scrolls sideways. */
  async function fitsPhone(page: Page) {
    await visible(page.getByRole('button', { name: 'Open navigation' }));
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5000 })
      .toBeLessThanOrEqual(375);
  }

  async function newTask(
    page: Page,
    values: { title: string; due?: string; priority?: string; contact?: string },
  ) {
    await page.getByRole('button', { name: 'New task' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByLabel('Title').fill(values.title);
    if (values.due) await dialog.getByLabel('Due').fill(values.due);
    if (values.priority) {
      await dialog.getByRole('combobox', { name: 'Priority' }).click();
      await page.getByRole('option', { name: values.priority, exact: true }).click();
    }
    if (values.contact) {
      await dialog.getByText('Contact', { exact: true }).click();
      await dialog.getByRole('combobox', { name: 'Related contact' }).fill(values.contact);
      await page.getByRole('option', { name: values.contact }).click();
    }
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await visible(page.getByText(`${values.title} created`));
    await dialog.waitFor({ state: 'hidden' });
  }

  it('creates a task, completes it inline (rolled back when refused), reassigns another, at 1366 and 375 px', async () => {
    const page = await openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/tasks`);
    await signIn(page, { workspaceId, email });
    await visible(heading(page, 'Tasks'));
    await visible(page.getByText('No tasks here'));

    // a title is required, and the refusal is said on the input
    await page.getByRole('button', { name: 'New task' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await visible(dialog.getByText('Give the task a title.'));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await newTask(page, {
      title: 'Call Linh about the renewal',
      due: localInput(-2),
      priority: 'Urgent',
      contact: 'Linh Tran',
    });
    await newTask(page, { title: 'Send the contract', due: localInput(24) });
    await newTask(page, { title: 'Plan the workshop' });
    const mine = page.getByRole('list', { name: 'Tasks: mine' });
    const overdueRow = mine.locator('li', { hasText: 'Call Linh about the renewal' });
    await visible(overdueRow.getByText('overdue'));
    await visible(overdueRow.getByText('Urgent'));
    await visible(overdueRow.getByRole('link', { name: 'Linh Tran' }));
    await screenshot(page, 'tasks-01-mine-desktop');
    await page.setViewportSize({ width: 375, height: 800 });
    await visible(heading(page, 'Tasks'));
    await fitsPhone(page);
    await screenshot(page, 'tasks-02-mine-phone');
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.getByRole('tab', { name: 'Overdue' }).click();
    await visible(
      page.getByRole('list', { name: 'Tasks: overdue' }).getByText('Call Linh about the renewal'),
    );
    await expect(
      page.getByRole('list', { name: 'Tasks: overdue' }).getByText('Send the contract').count(),
    ).resolves.toBe(0);
    await page.getByRole('tab', { name: 'Mine' }).click();

    // a completion the API refuses goes back as it was
    await page.route('**/api/tasks/*', (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 409,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'task.version_conflict', message: 'conflict' } }),
          })
        : route.fallback(),
    );
    const planBox = page.getByRole('checkbox', { name: 'Complete Plan the workshop' });
    await planBox.click();
    await visible(page.getByText('Someone else changed this task. Reload it and try again.'));
    await expect(planBox.isChecked()).resolves.toBe(false);
    await page.unroute('**/api/tasks/*');

    // completed inline: gone from my open tasks, listed as done
    await page.getByRole('checkbox', { name: 'Complete Call Linh about the renewal' }).click();
    await visible(page.getByText('Call Linh about the renewal done'));
    await mine.getByText('Call Linh about the renewal').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Done' }).click();
    await visible(page.getByRole('checkbox', { name: 'Reopen Call Linh about the renewal' }));
    await page.getByRole('tab', { name: 'Mine' }).click();

    // reassigned to Grace: off my list, on the team's with her name
    await mine
      .locator('li', { hasText: 'Send the contract' })
      .getByRole('button', { name: 'Edit Send the contract' })
      .click();
    const edit = page.getByRole('dialog', { name: 'Edit task' });
    await edit.getByRole('combobox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: 'Grace Hopper (grace@example.com)' }).click();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('Send the contract saved'));
    await mine.getByText('Send the contract').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'All' }).click();
    const all = page.getByRole('list', { name: 'Tasks: all' });
    await visible(all.locator('li', { hasText: 'Send the contract' }).getByText('Grace Hopper'));
    await screenshot(page, 'tasks-03-all-desktop');
    await page.setViewportSize({ width: 375, height: 800 });
    await fitsPhone(page);
    await screenshot(page, 'tasks-04-all-phone');

    // deleted from its edit dialog, at 375 px
    await all
      .locator('li', { hasText: 'Plan the workshop' })
      .getByRole('button', { name: 'Edit Plan the workshop' })
      .click();
    await page.getByRole('dialog', { name: 'Edit task' }).getByRole('button', { name: 'Delete' }).click();
    await visible(page.getByText('Plan the workshop deleted'));
    await all.getByText('Plan the workshop').waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("lists a contact's open tasks on its page, with a New task about it", async () => {
    const page = await openPage({ width: 375, height: 800 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/contacts/${contactId}`);
    await signIn(page, { workspaceId, email });
    await visible(heading(page, 'Linh Tran'));
    const tasks = page.getByRole('region', { name: 'Tasks' });
    await visible(tasks.getByText('No open tasks.'));
    await tasks.getByRole('button', { name: 'New task' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await visible(dialog.getByRole('combobox', { name: 'Related contact' }));
    await dialog.getByLabel('Title').fill('Follow up with Linh');
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await visible(tasks.getByText('Follow up with Linh'));
    await fitsPhone(page);
    await tasks.scrollIntoViewIfNeeded();
    await screenshot(page, 'tasks-05-contact-phone');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
