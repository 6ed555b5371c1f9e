import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../shared/deals/deal';
import {
  aDeal,
  aPipeline,
  aStageExit,
  dealItem,
  historyItem,
  pipelineItem,
  putItems,
} from '../support/deal-seeds';
import { localCloudClient } from '../support/local-cloud-client';
import { seedMember } from '../support/team-members';
import { type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, signIn, visible } from './support/crm-pages';

/**
 * The forecast page in a real browser against the local cloud, on deals written into its table as the deals
 * capability writes them (deal-seeds.ts): the figures, the chart (its library loaded on this page only),
 * the pipeline filter, at 1366 and 375 px. The expected figures are worked out by hand in the comments.
 */
describe.runIf(runE2e)('the forecast in the web app', () => {
  let e2e: BrowserAndCloud;
  let cloud: BrowserAndCloud['cloud'];
  const workspaceId = 'forecast-e2e';
  const email = 'mia@example.com';
  const day = 86_400_000;
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * day).toISOString();
  // local dates, in the zone the browser (this process) uses: the page sends it as timeZone
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const today = new Date(now);
  const daysFromToday = (days: number) =>
    local(new Date(today.getFullYear(), today.getMonth(), today.getDate() + days));
  const firstOfMonth = (ahead: number) => local(new Date(today.getFullYear(), today.getMonth() + ahead, 1));

  beforeAll(async () => {
    e2e = await startBrowserAndCloud({ tableName: 'seed-crm-forecast-e2e' });
    cloud = e2e.cloud;
    const client = localCloudClient(cloud);
    const table = { client: client.documents, tableName: cloud.tableName };
    const mia = await seedMember(workspaceId, { email, name: 'Mia', table });
    const grace = await seedMember(workspaceId, {
      email: 'grace@example.com',
      name: 'Grace Hopper',
      roles: ['sales'],
      table,
    });
    const sales = aPipeline('Sales', [
      { name: 'Talking', probability: 20 },
      { name: 'Proposal', probability: 60 },
    ]);
    const renewals = aPipeline('Renewals', [{ name: 'Due', probability: 90 }]);
    const [talking, proposal] = sales.stages.map((stage) => stage.id) as [string, string];
    const inSales = (stageId: string) => ({ pipelineId: sales.id, stageId });
    const open: Deal[] = [
      // overdue: 1000.00 × 20 % = 200.00
      aDeal({
        amount: '1000.00',
        currency: 'EUR',
        ownerId: mia,
        ...inSales(talking),
        expectedCloseDate: daysFromToday(-10),
      }),
      // this month: 2500.55 × 60 % = 1500.33
      aDeal({
        amount: '2500.55',
        currency: 'EUR',
        ownerId: mia,
        ...inSales(proposal),
        expectedCloseDate: daysFromToday(0),
      }),
      // in two months: 99.99 × 20 % = 19.998
      aDeal({
        amount: '99.99',
        currency: 'EUR',
        ownerId: grace,
        ...inSales(talking),
        expectedCloseDate: firstOfMonth(2),
      }),
      // next month: 400.00 USD × 60 % = 240.00
      aDeal({
        amount: '400.00',
        currency: 'USD',
        ownerId: grace,
        ...inSales(proposal),
        expectedCloseDate: firstOfMonth(1),
      }),
    ];
    const closed = (status: 'won' | 'lost', createdDaysAgo: number, closedDaysAgo: number) =>
      aDeal({
        amount: '1.00',
        currency: 'EUR',
        ownerId: mia,
        ...inSales(proposal),
        status,
        createdAt: ago(createdDaysAgo),
        closedAt: ago(closedDaysAgo),
        ...(status === 'lost' ? { lostReason: 'Price' } : {}),
      });
    const won1 = closed('won', 30, 10); // 20 days
    const won2 = closed('won', 15, 5); // 10 days
    const lost = closed('lost', 9, 3);
    await putItems(table, [
      pipelineItem(workspaceId, sales),
      pipelineItem(workspaceId, renewals),
      ...[...open, won1, won2, lost].map((deal) => dealItem(workspaceId, deal)),
      // Talking: (2 + 4) / 2 = 3.0 days; Proposal: 5.0 days
      historyItem(workspaceId, aStageExit(won1, talking, proposal, ago(15), 2 * day)),
      historyItem(workspaceId, aStageExit(won2, talking, proposal, ago(8), 4 * day)),
      historyItem(workspaceId, aStageExit(won1, proposal, undefined, ago(10), 5 * day, 'won')),
    ]);
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  async function fitsPhone(page: Page) {
    await visible(page.getByRole('button', { name: 'Open navigation' }));
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5000 })
      .toBeLessThanOrEqual(375);
  }

  it('shows the weighted pipeline as a chart and tables, win rate, cycle and time in stage, at 1366 and 375 px', async () => {
    const page = await e2e.openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${cloud.url}/contacts`);
    await signIn(page, { workspaceId, email });
    await visible(heading(page, 'Contacts'));
    // the chart library is no part of the first load
    expect(scripts.filter((url) => /chart/i.test(url))).toEqual([]);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click();
    await visible(heading(page, 'Forecast'));
    // EUR: 200.00 + 1500.33 + 19.998 = 1720.328 → 1,720.33; USD 240.00
    const weighted = page.getByTestId('figure-weighted');
    await visible(weighted.getByText('€1,720.33'));
    await visible(weighted.getByText('$240.00'));
    // 2 won, 1 lost: 66.7 %; cycle (20 + 10) / 2 = 15.0 days
    await visible(page.getByTestId('figure-win-rate').getByText('66.7 %'));
    await visible(page.getByTestId('figure-win-rate').getByText('2 won, 1 lost'));
    await visible(page.getByTestId('figure-cycle').getByText('15.0 days'));

    const byMonth = page.getByRole('table', { name: 'Weighted pipeline by expected close month' });
    await visible(byMonth.getByRole('row', { name: /Overdue 1 €1,000\.00 €200\.00/ }));
    await visible(byMonth.getByRole('row', { name: /Total 4/ }));
    const byOwner = page.getByRole('table', { name: 'Weighted pipeline by owner' });
    // the signed-in member is "Me": 1000.00 + 2500.55 = 3,500.55, 200 + 1500.33 = 1,700.33
    await visible(byOwner.getByRole('row', { name: /Me 2 €3,500\.55 €1,700\.33 €200\.00/ }));
    await visible(byOwner.getByRole('row', { name: /Grace Hopper 2/ }));
    const history = page.getByRole('table', { name: 'Win rate and sales cycle by pipeline' });
    await visible(history.getByRole('row', { name: 'Sales 66.7 % 2 / 1 15.0 days' }));
    await visible(history.getByRole('row', { name: 'Renewals — 0 / 0 —' }));
    const stages = page.getByRole('table', { name: 'Average time in each stage of Sales' });
    await visible(stages.getByRole('row', { name: 'Talking 2 3.0 days' }));
    await visible(stages.getByRole('row', { name: 'Proposal 1 5.0 days' }));

    // the chart draws, with the library loaded now
    await visible(page.locator('canvas[data-testid="forecast-chart"][data-ready="true"]'));
    expect(scripts.some((url) => /chart/i.test(url))).toBe(true);
    const chartOf = (currency: string) =>
      page.locator(`canvas[data-ready="true"][aria-label^="Weighted pipeline in ${currency} "]`);
    await visible(chartOf('EUR'));
    await page
      .getByRole('radiogroup', { name: 'Currency of the chart' })
      .getByText('USD', { exact: true })
      .click();
    await visible(chartOf('USD'));
    await page
      .getByRole('radiogroup', { name: 'Currency of the chart' })
      .getByText('EUR', { exact: true })
      .click();
    await visible(chartOf('EUR'));
    await screenshot(page, 'forecast-01-desktop');

    // one pipeline: Renewals has no open deal and closed nothing
    await page.getByRole('combobox', { name: 'Pipeline' }).click();
    await page.getByRole('option', { name: 'Renewals' }).click();
    await page.waitForURL((url) => url.searchParams.has('pipelineId'));
    await visible(page.getByTestId('figure-weighted').getByText('—'));
    await visible(page.getByTestId('figure-win-rate').getByText('0 won, 0 lost'));
    await visible(page.getByText('No open deal is expected to close in the next six months.').first());
    await page.goBack();

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${cloud.url}/forecast`);
    await visible(heading(page, 'Forecast'));
    await visible(page.getByTestId('figure-weighted').getByText('€1,720.33'));
    await visible(page.locator('canvas[data-testid="forecast-chart"][data-ready="true"]'));
    await fitsPhone(page);
    await screenshot(page, 'forecast-02-phone');
    expect(pageErrors).toEqual([]);
  });
});
