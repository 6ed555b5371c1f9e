import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../shared/deals/deal';
import type { Pipeline } from '../../shared/deals/pipeline';
import { etagOf } from '../../shared/platform/versioning';
import { type ApiCaller, type BrowserAndCloud, startBrowserAndCloud } from './support/browser-and-cloud';
import { runE2e } from './support/chromium';
import { collectPageErrors, heading, screenshot, signIn, visible } from './support/crm-pages';

/**
 * The sales pipeline in a real browser against the whole local cloud: a deal dragged to another stage is
 * there after a reload; a move the API refuses (the deal changed meanwhile, its target stage removed) goes
 * back with its reason; a drag among 200 cards renders only the cards it changes; a card pressed right
 * after a drop is dragged, not covered by the dropped card's flying copy; stages are reordered
 * by dragging in the pipeline settings; on a phone the board is one stage at a time, moved by a menu.
 */
describe.runIf(runE2e)('deals in the web app', () => {
  let e2e: BrowserAndCloud;
  let cloud: BrowserAndCloud['cloud'];
  let api: ApiCaller;
  const workspaceId = 'deals-e2e';
  const email = 'mia@example.com';
  let pipeline: Pipeline;
  let contactId: string;
  const stage = (name: string) => {
    const found = pipeline.stages.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no stage ${name}`);
    return found;
  };

  beforeAll(async () => {
    e2e = await startBrowserAndCloud({ tableName: 'seed-crm-deals-e2e' });
    cloud = e2e.cloud;
    api = await e2e.apiAs({ workspaceId });
    const pipelines = await api<{ items: Pipeline[] }>('GET', '/api/pipelines');
    pipeline = pipelines.items.find((candidate) => candidate.isDefault) as Pipeline;
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  /** A change through the API as the set-up admin, based on `version` (If-Match). */
  async function patchAt<T>(path: string, version: number, body: unknown): Promise<T> {
    const { token } = (await (await e2e.requestToken({ workspaceId })).json()) as { token: string };
    const reply = await fetch(`${cloud.url}${path}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'if-match': etagOf(version),
      },
      body: JSON.stringify(body),
    });
    if (!reply.ok) throw new Error(`PATCH ${path}: ${reply.status} ${await reply.text()}`);
    return (await reply.json()) as T;
  }

  const newDeal = (
    name: string,
    stageName: string,
    amount = '1000.00',
    extra: Record<string, unknown> = {},
  ) =>
    api<Deal>('POST', '/api/deals', {
      name,
      amount,
      currency: 'EUR',
      pipelineId: pipeline.id,
      stageId: stage(stageName).id,
      ...extra,
    });

  const column = (page: Page, stageName: string) => page.getByRole('list', { name: `Deals in ${stageName}` });
  const card = (page: Page, stageName: string, dealName: string) =>
    column(page, stageName).locator('[data-deal-card]', { hasText: dealName });

  /** A real mouse drag: press, move past dnd-kit's activation distance, then to the target in steps. */
  async function drag(page: Page, from: Locator, to: Locator, offsetY = 0) {
    await from.scrollIntoViewIfNeeded();
    const source = await from.boundingBox();
    if (!source) throw new Error('nothing to drag');
    await dragFrom(page, { x: source.x + source.width / 2, y: source.y + source.height * 0.7 }, to, offsetY);
  }

  /** The same drag, pressed at a point of the page. */
  async function dragFrom(page: Page, start: { x: number; y: number }, to: Locator, offsetY = 0) {
    const target = await to.boundingBox();
    if (!target) throw new Error('nowhere to drop');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 12, start.y + 12, { steps: 4 });
    const endX = target.x + target.width / 2;
    const endY = target.y + target.height / 2 + offsetY;
    await page.mouse.move(endX, endY, { steps: 20 });
    await page.mouse.move(endX, endY + 2, { steps: 2 });
    await page.mouse.up();
  }

  const patched = (page: Page, what: 'deals' | 'pipelines' = 'deals') =>
    page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && response.url().includes(`/api/${what}/`),
    );

  async function fitsPhone(page: Page) {
    await visible(page.getByRole('button', { name: 'Open navigation' }));
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5000 })
      .toBeLessThanOrEqual(375);
  }

  it('drags a deal to another stage and finds it there after a reload; refused moves roll back with their reason', async () => {
    const contact = await api<{ id: string }>('POST', '/api/contacts', {
      firstName: 'Linh',
      lastName: 'Tran',
      email: 'linh@example.com',
    });
    contactId = contact.id;
    await newDeal('Acme renewal', 'Qualified', '12000.50', {
      primaryContactId: contact.id,
      expectedCloseDate: '2027-01-31',
    });
    const globex = await newDeal('Globex pilot', 'Qualified', '800');
    await newDeal('Initech upgrade', 'Meeting booked', '0.10');
    const page = await e2e.openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/deals`);
    await signIn(page, { workspaceId, email });
    await visible(heading(page, 'Deals'));
    await visible(card(page, 'Qualified', 'Acme renewal').getByText('Linh Tran'));
    await screenshot(page, 'deals-01-board-desktop');

    // dragged to the next stage: there at once, with the column's count and sum, and after a reload
    const moved = patched(page);
    await drag(
      page,
      card(page, 'Qualified', 'Acme renewal'),
      card(page, 'Meeting booked', 'Initech upgrade'),
    );
    await visible(card(page, 'Meeting booked', 'Acme renewal'));
    expect((await moved).status()).toBe(200);
    const meeting = page.getByRole('region', { name: 'Stage Meeting booked' });
    await visible(meeting.getByLabel('2 deals'));
    await visible(meeting.getByText('€12,000.60'));
    await page.reload();
    await visible(card(page, 'Meeting booked', 'Acme renewal'));
    await expect(card(page, 'Qualified', 'Acme renewal').count()).resolves.toBe(0);

    // with the keyboard: Space picks the focused card up, an arrow moves it to the next stage, Space drops it
    const live = (text: string) =>
      page.locator('[id^="DndLiveRegion"]', { hasText: text }).waitFor({ state: 'attached' });
    await page.getByRole('button', { name: /^Initech upgrade, / }).focus();
    const byKeyboard = patched(page);
    await page.keyboard.press('Space');
    await live('Initech upgrade is over Meeting booked');
    await page.keyboard.press('ArrowRight');
    await live('Initech upgrade is over Proposal sent');
    await page.keyboard.press('Space');
    expect((await byKeyboard).status()).toBe(200);
    await visible(card(page, 'Proposal sent', 'Initech upgrade'));

    // the deal changed meanwhile (a colleague renamed it): the move is refused and rolled back
    await patchAt(`/api/deals/${globex.id}`, globex.version, { name: 'Globex pilot (EU)' });
    const refused = patched(page);
    await drag(page, card(page, 'Qualified', 'Globex pilot'), column(page, 'Proposal sent'));
    expect((await refused).status()).toBe(409);
    await visible(
      page.getByRole('alert').getByText(/Globex pilot was not moved: Someone changed this deal meanwhile/),
    );
    await visible(card(page, 'Qualified', 'Globex pilot'));
    await expect(card(page, 'Proposal sent', 'Globex pilot').count()).resolves.toBe(0);
    await screenshot(page, 'deals-02-refused-move-desktop');

    // its target stage was removed meanwhile (an admin elsewhere): refused, rolled back, the board read again
    const current = await api<Pipeline>('GET', `/api/pipelines/${pipeline.id}`);
    pipeline = await patchAt<Pipeline>(`/api/pipelines/${pipeline.id}`, current.version, {
      stages: current.stages.filter((candidate) => candidate.name !== 'Contract sent'),
    });
    const gone = patched(page);
    await page.getByRole('button', { name: /^Actions for Globex pilot/ }).click();
    await page.getByRole('menuitem', { name: 'Contract sent' }).click();
    expect((await gone).status()).toBeGreaterThanOrEqual(400);
    await visible(page.getByRole('alert').getByText(/Globex pilot \(EU\) was not moved/));
    await visible(card(page, 'Qualified', 'Globex pilot'));
    await page.getByRole('list', { name: 'Deals in Contract sent' }).waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("reads the cards' primary contacts in one request per board load, none per card", async () => {
    const names = await api<Pipeline>('POST', '/api/pipelines', {
      name: 'Names',
      stages: [
        { name: 'Met', probability: 20 },
        { name: 'Proposed', probability: 60 },
      ],
    });
    const people = [];
    for (const [firstName, lastName] of [
      ['Ines', 'Ortega'],
      ['Kofi', 'Mensah'],
      ['Yuki', 'Sato'],
    ])
      people.push(await api<{ id: string }>('POST', '/api/contacts', { firstName, lastName }));
    // five cards in two columns, two of them with the same contact
    for (const [at, person] of [people[0], people[1], people[2], people[0], people[1]].entries())
      await api('POST', '/api/deals', {
        name: `Names deal ${at}`,
        amount: '100',
        currency: 'EUR',
        pipelineId: names.id,
        stageId: names.stages[at % 2]?.id,
        primaryContactId: person?.id,
      });
    const page = await e2e.openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    const contactReads: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/contacts')) contactReads.push(`${url.pathname}${url.search}`);
    });
    await page.goto(`${cloud.url}/deals?pipeline=${names.id}`);
    await signIn(page, { workspaceId, email });
    await visible(heading(page, 'Deals'));
    for (const name of ['Ines Ortega', 'Kofi Mensah', 'Yuki Sato'])
      await visible(page.locator('[data-deal-card]', { hasText: name }).first());
    await expect.poll(() => page.locator('[data-deal-card]').count()).toBe(5);
    expect(contactReads.filter((read) => /^\/api\/contacts\/[^/?]+/.test(read))).toEqual([]);
    const batched = contactReads.filter((read) => new URLSearchParams(read.split('?')[1]).has('ids'));
    expect(batched).toHaveLength(1);
    expect(new URLSearchParams(batched[0]?.split('?')[1]).get('ids')?.split(',').sort()).toEqual(
      people.map((person) => person.id).sort(),
    );
    expect(contactReads).toEqual(batched);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('a drag among 200 cards of one column renders only the card it moves', async () => {
    const many = await api<Pipeline>('POST', '/api/pipelines', {
      name: 'Volume',
      stages: [
        { name: 'Inbound', probability: 10 },
        { name: 'Won soon', probability: 90 },
      ],
    });
    const inbound = many.stages[0]?.id as string;
    for (let batch = 0; batch < 20; batch++)
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          api('POST', '/api/deals', {
            name: `Lead ${String(batch * 10 + i).padStart(3, '0')}`,
            amount: '10',
            currency: 'EUR',
            pipelineId: many.id,
            stageId: inbound,
          }),
        ),
      );
    const page = await e2e.openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/deals?pipeline=${many.id}`);
    await signIn(page, { workspaceId, email });
    const cards = column(page, 'Inbound').locator('[data-deal-card]');
    await visible(cards.first());
    while ((await cards.count()) < 200) {
      const shown = await cards.count();
      await page
        .getByRole('region', { name: 'Stage Inbound' })
        .getByRole('button', { name: 'Load more' })
        .click();
      await expect.poll(() => cards.count()).toBeGreaterThan(shown);
    }
    await visible(page.getByRole('region', { name: 'Stage Inbound' }).getByLabel('200 deals'));
    const renders = () =>
      cards.evaluateAll((elements) =>
        Object.fromEntries(
          elements.map((element) => [
            element.getAttribute('data-deal-card'),
            Number(element.getAttribute('data-renders')),
          ]),
        ),
      );
    const before = await renders();
    const movedId = await cards.nth(0).getAttribute('data-deal-card');
    const moved = patched(page);
    await drag(page, cards.nth(0), cards.nth(2), 8);
    expect((await moved).status()).toBe(200);
    await expect.poll(() => cards.nth(0).getAttribute('data-deal-card')).not.toBe(movedId);
    const after = await renders();
    expect(Object.keys(after)).toHaveLength(200);
    // only the moved card rendered again (the optimistic move, then the API's answer); none of the 199 others
    expect(Object.keys(after).filter((id) => after[id] !== before[id])).toEqual([movedId]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('a card pressed while the one dropped before still flies to its place is dragged too; both moves survive a reload', async () => {
    const quick = await api<Pipeline>('POST', '/api/pipelines', {
      name: 'Quick',
      stages: [
        { name: 'Open', probability: 10 },
        { name: 'Offer', probability: 50 },
      ],
    });
    for (const name of ['Quick one', 'Quick two', 'Quick three'])
      await api('POST', '/api/deals', {
        name,
        amount: '10',
        currency: 'EUR',
        pipelineId: quick.id,
        stageId: quick.stages[0]?.id,
      });
    const page = await e2e.openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/deals?pipeline=${quick.id}`);
    await signIn(page, { workspaceId, email });
    const open = column(page, 'Open').locator('[data-deal-card]');
    await expect.poll(() => open.count()).toBe(3);
    const [first, second] = await open.evaluateAll((cards) => cards.map((card) => card.ariaLabel));
    if (!first || !second) throw new Error('no cards');
    // dnd-kit's drop animation (250 ms) at a tenth of its speed: a press lands while the dropped card's copy
    // flies back over the column it left, as a quick user's does
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Animation.enable');
    await devtools.send('Animation.setPlaybackRate', { playbackRate: 0.1 });
    const moves: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'PATCH' && response.url().includes('/api/deals/'))
        moves.push(response.status());
    });

    await drag(page, card(page, 'Open', first), column(page, 'Offer'));
    // the next card slides up into the place the first left while the first's copy flies back over it; the
    // press lands the moment the copy covers it, where a quick user's lands
    const press = await page.waitForFunction(
      ({ left, name }) => {
        const inOpen = (deal: string) =>
          document.querySelector(`[aria-label="Deals in Open"] [aria-label="${deal}"]`);
        const next = inOpen(name);
        if (inOpen(left)) return false;
        const copy = [...document.querySelectorAll('[data-deal-card]')].find(
          (element) => !element.closest('[role="list"]'),
        );
        if (!next || !copy) return false;
        const card = next.getBoundingClientRect();
        const flying = copy.getBoundingClientRect();
        const x = card.left + card.width / 2;
        const y = card.top + card.height * 0.7;
        return flying.left <= x && x <= flying.right && flying.top <= y && y <= flying.bottom && { x, y };
      },
      { left: first, name: second },
      { polling: 'raf' },
    );
    await dragFrom(page, (await press.jsonValue()) as { x: number; y: number }, column(page, 'Offer'));
    await visible(card(page, 'Offer', first));
    await visible(card(page, 'Offer', second));
    // the press dragged the card: it selected no text on its way across the board
    expect(await page.evaluate(() => String(getSelection()))).toBe('');
    await expect.poll(() => moves).toEqual([200, 200]);
    await page.reload();
    await visible(card(page, 'Offer', first));
    await visible(card(page, 'Offer', second));
    await expect(open.count()).resolves.toBe(1);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('reorders stages by dragging in the pipeline settings, and asks where the deals of a removed stage go', async () => {
    const page = await e2e.openPage({ width: 1366, height: 900 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/settings/pipelines`);
    await signIn(page, { workspaceId, email });
    await visible(heading(page, 'Pipelines'));
    const stages = page.getByRole('list', { name: 'Stages' });
    await visible(stages.getByRole('listitem', { name: 'Negotiation' }));
    const names = () =>
      stages
        .getByRole('textbox', { name: /^Name of stage/ })
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(await names()).toEqual(['Qualified', 'Meeting booked', 'Proposal sent', 'Negotiation']);
    // Negotiation dragged by its handle above Meeting booked
    await drag(
      page,
      page.getByRole('button', { name: 'Reorder Negotiation' }),
      page.getByRole('button', { name: 'Reorder Meeting booked' }),
      -6,
    );
    await expect.poll(names).toEqual(['Qualified', 'Negotiation', 'Meeting booked', 'Proposal sent']);
    // and with the keyboard: Proposal sent one place up
    await page.getByRole('button', { name: 'Reorder Proposal sent' }).focus();
    // each key waits for its announcement: the sensor measures the list between them
    const announced = (text: string) =>
      page.locator('[id^="DndLiveRegion"]', { hasText: text }).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await announced('Proposal sent is at place 4');
    await page.keyboard.press('ArrowUp');
    await announced('Proposal sent is at place 3');
    await page.keyboard.press('Space');
    await announced('Proposal sent dropped at place 3');
    await expect.poll(names).toEqual(['Qualified', 'Negotiation', 'Proposal sent', 'Meeting booked']);
    const saved = patched(page, 'pipelines');
    await page.getByRole('button', { name: 'Save pipeline' }).click();
    expect((await saved).status()).toBe(200);
    await visible(page.getByRole('status').getByText(/ saved$/));
    await page.reload();
    await visible(stages.getByRole('listitem', { name: 'Negotiation' }));
    expect(await names()).toEqual(['Qualified', 'Negotiation', 'Proposal sent', 'Meeting booked']);
    await screenshot(page, 'deals-03-pipeline-settings-desktop');

    // Meeting booked holds deals: removing it asks where they go
    await page.getByRole('button', { name: 'Remove Meeting booked' }).click();
    await page.getByRole('button', { name: 'Save pipeline' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move the deals of removed stages' });
    await visible(dialog);
    await dialog.getByRole('combobox', { name: 'Deals in Meeting booked move to' }).click();
    await page.getByRole('option', { name: 'Proposal sent' }).click();
    await dialog.getByRole('button', { name: 'Move deals and save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(names).toEqual(['Qualified', 'Negotiation', 'Proposal sent']);
    const board = await api<{ columns: { name: string; cards: Deal[] }[] }>(
      'GET',
      `/api/pipelines/${pipeline.id}/board`,
    );
    expect(
      board.columns.find((candidate) => candidate.name === 'Proposal sent')?.cards.map((deal) => deal.name),
    ).toContain('Acme renewal');

    await page.setViewportSize({ width: 375, height: 800 });
    await fitsPhone(page);
    await screenshot(page, 'deals-04-pipeline-settings-phone');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('on a phone shows one stage at a time and moves a card with its menu; the deal page at both widths', async () => {
    const page = await e2e.openPage({ width: 375, height: 800 });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${cloud.url}/deals?pipeline=${pipeline.id}`);
    await signIn(page, { workspaceId, email });
    await visible(heading(page, 'Deals'));
    await visible(card(page, 'Qualified', 'Globex pilot'));
    await expect(page.getByRole('list', { name: /^Deals in / }).count()).resolves.toBe(1);
    await fitsPhone(page);
    await screenshot(page, 'deals-05-board-phone');
    const moved = patched(page);
    await page.getByRole('button', { name: /^Actions for Globex pilot/ }).click();
    await page.getByRole('menuitem', { name: 'Negotiation' }).click();
    expect((await moved).status()).toBe(200);
    await card(page, 'Qualified', 'Globex pilot').waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Stage' }).click();
    await page.getByRole('option', { name: /^Negotiation/ }).click();
    await visible(card(page, 'Negotiation', 'Globex pilot'));

    await card(page, 'Negotiation', 'Globex pilot')
      .getByRole('link', { name: /Globex pilot/ })
      .click();
    await visible(heading(page, 'Globex pilot (EU)'));
    await visible(page.getByRole('table', { name: 'Time in each stage' }).getByText('Negotiation'));
    await visible(page.getByText('Moved from Qualified to Negotiation'));
    await fitsPhone(page);
    await screenshot(page, 'deals-06-deal-phone');
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'deals-07-deal-desktop');

    // a task about the deal, from its page
    const tasks = page.getByRole('region', { name: 'Tasks' });
    await tasks.getByRole('button', { name: 'New task' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await visible(dialog.getByRole('combobox', { name: 'Related deal' }));
    await dialog.getByLabel('Title').fill('Send Globex the proposal');
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await visible(tasks.getByText('Send Globex the proposal'));

    // won, then reopened, then lost with a reason from the list
    await page.getByRole('button', { name: 'Won', exact: true }).click();
    await visible(page.getByText('Deal won'));
    await page.getByRole('button', { name: 'Reopen' }).click();
    await visible(page.getByText('Deal reopened'));
    await page.getByRole('button', { name: 'Lost', exact: true }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Why was it lost?' }).click();
    await page.getByRole('option', { name: 'No budget' }).click();
    await page.getByRole('button', { name: 'Mark lost' }).click();
    await visible(page.getByText('Deal lost'));
    await visible(page.getByText('Lost (from Negotiation): No budget'));

    // the contact's page: its deals, its open deals in the overview, the deal's entries on its timeline
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${cloud.url}/contacts/${contactId}`);
    await visible(heading(page, 'Linh Tran'));
    const deals = page.getByRole('region', { name: 'Deals' });
    await visible(deals.getByRole('link', { name: 'Acme renewal' }));
    await visible(page.getByRole('list', { name: 'Open deals' }).getByRole('link', { name: 'Acme renewal' }));
    await visible(
      page.locator('[data-entry-type="deal.created"]').getByRole('link', { name: 'Acme renewal' }),
    );
    await fitsPhone(page);
    await deals.scrollIntoViewIfNeeded();
    await screenshot(page, 'deals-08-contact-phone');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
