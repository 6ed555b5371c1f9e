import { ulid } from 'ulid';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Deal } from '../../shared/deals/deal';
import type { Forecast } from '../../shared/forecast/forecast';
import { readForecast } from '../../shared/forecast/read-forecast';
import { etagOf } from '../../shared/platform/versioning';
import { type Api, apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { countingStore } from '../support/counting-store';
import {
  aDeal,
  aPipeline,
  aStageExit,
  dealItem,
  historyItem,
  pipelineItem,
  putItems,
} from '../support/deal-seeds';
import { seedMember } from '../support/team-members';

/**
 * The forecast through the API against DynamoDB Local: deals, pipelines and stage history seeded as the
 * deals capability writes them (deal-seeds.ts), the figures worked out by hand in the comments. Dates are
 * relative to now (UTC), so the buckets and the period are the same whenever the test runs.
 */
const table = testTable();
const day = 86_400_000;

describe('the forecast', () => {
  const workspaceId = newWorkspaceId('forecast');
  let api: Api;
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * day).toISOString();
  const today = new Date(now).toISOString().slice(0, 10);
  const firstOfMonth = (ahead: number) => {
    const date = new Date(now);
    return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + ahead, 1))
      .toISOString()
      .slice(0, 10);
  };
  const threeDaysAgo = new Date(now - 3 * day).toISOString().slice(0, 10);

  const sales = aPipeline('Sales', [
    { name: 'Talking', probability: 20 },
    { name: 'Proposal', probability: 60 },
  ]);
  const renewals = aPipeline('Renewals', [{ name: 'Due', probability: 90 }]);
  const [talking, proposal] = sales.stages.map((stage) => stage.id) as [string, string];
  const due = renewals.stages[0]?.id as string;
  const removedStage = ulid();
  const inSales = (stageId: string) => ({ pipelineId: sales.id, stageId });
  const inRenewals = { pipelineId: renewals.id, stageId: due };

  const open: Deal[] = [
    // overdue: 1000.00 × 20 % = 200.00
    aDeal({
      amount: '1000.00',
      currency: 'EUR',
      ownerId: 'ann',
      ...inSales(talking),
      expectedCloseDate: threeDaysAgo,
    }),
    // this month: 2500.55 × 60 % = 1500.33
    aDeal({
      amount: '2500.55',
      currency: 'EUR',
      ownerId: 'ann',
      ...inSales(proposal),
      expectedCloseDate: today,
    }),
    // in two months: 99.99 × 20 % = 19.998; 70000 JPY × 90 % = 63000
    aDeal({
      amount: '99.99',
      currency: 'EUR',
      ownerId: 'bob',
      ...inSales(talking),
      expectedCloseDate: firstOfMonth(2),
    }),
    aDeal({
      amount: '70000',
      currency: 'JPY',
      ownerId: 'bob',
      ...inRenewals,
      expectedCloseDate: firstOfMonth(2),
    }),
    // after the six months: not read
    aDeal({
      amount: '123.45',
      currency: 'EUR',
      ownerId: 'ann',
      ...inSales(talking),
      expectedCloseDate: firstOfMonth(6),
    }),
    // undated: beside the total; 50.00 × 60 % = 30.00
    aDeal({ amount: '50.00', currency: 'EUR', ownerId: 'bob', ...inSales(proposal) }),
  ];
  // lost 6 days ago after 2 days in Due, then reopened: open this month, 10.00 USD × 90 % = 9.00
  const reopened = aDeal({
    amount: '10.00',
    currency: 'USD',
    ownerId: 'ann',
    ...inRenewals,
    expectedCloseDate: today,
  });
  const closed = (
    status: 'won' | 'lost',
    pipeline: { pipelineId: string; stageId: string },
    created: number,
    closedDaysAgo: number,
  ) =>
    aDeal({
      amount: '1.00',
      currency: 'EUR',
      ownerId: 'ann',
      ...pipeline,
      status,
      createdAt: ago(created),
      closedAt: ago(closedDaysAgo),
      ...(status === 'lost' ? { lostReason: 'Price' } : {}),
    });
  const won1 = closed('won', inSales(proposal), 30, 10); // 20 days
  const won2 = closed('won', inSales(proposal), 12, 2); // 10 days
  const lost1 = closed('lost', inSales(talking), 9, 5);
  const lostLongAgo = closed('lost', inSales(talking), 130, 100); // before the period
  const won3 = closed('won', inRenewals, 4, 1); // 3 days

  const exits = [
    aStageExit(won1, talking, proposal, ago(15), 2 * day),
    aStageExit(won1, proposal, undefined, ago(10), 5 * day, 'won'),
    aStageExit(won2, talking, proposal, ago(8), 1 * day),
    aStageExit(won2, proposal, undefined, ago(2), 6 * day, 'won'),
    aStageExit(lost1, talking, undefined, ago(5), 3 * day, 'lost'),
    aStageExit(lostLongAgo, talking, undefined, ago(120), 100 * day, 'lost'), // before the period
    aStageExit(lost1, removedStage, talking, ago(20), 4 * day), // from a stage removed since
    aStageExit(reopened, due, undefined, ago(6), 2 * day, 'lost'),
    aStageExit(won3, due, undefined, ago(1), 3 * day, 'won'),
  ];

  beforeAll(async () => {
    api = await apiAs(workspaceId, ['sales']);
    await putItems(table, [
      pipelineItem(workspaceId, sales),
      pipelineItem(workspaceId, renewals),
      ...[...open, reopened, won1, won2, lost1, lostLongAgo, won3].map((deal) => dealItem(workspaceId, deal)),
      ...exits.map((entry) => historyItem(workspaceId, entry)),
      historyItem(workspaceId, {
        id: ulid(),
        dealId: won1.id,
        kind: 'created',
        at: ago(30),
        by: 'ann',
        pipelineId: sales.id,
        toStageId: talking,
      }),
      historyItem(workspaceId, {
        id: ulid(),
        dealId: reopened.id,
        kind: 'reopened',
        at: ago(4),
        by: 'ann',
        pipelineId: renewals.id,
        toStageId: due,
      }),
    ]);
  });

  const forecastOf = async (query = '') => {
    const reply = await api<Forecast>('GET', `/api/forecast${query}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };

  it('sums the weighted pipeline by month, owner and pipeline', async () => {
    const forecast = await forecastOf('?timeZone=UTC');
    expect(forecast.today).toBe(today);
    expect(forecast.months[0]).toBe(today.slice(0, 7));
    expect(forecast.weighted.overdue).toEqual({
      count: 1,
      totals: [{ currency: 'EUR', amount: '1000.00', weighted: '200.00' }],
    });
    expect(forecast.weighted.byMonth[0]).toEqual({
      count: 2,
      totals: [
        { currency: 'EUR', amount: '2500.55', weighted: '1500.33' },
        { currency: 'USD', amount: '10.00', weighted: '9.00' },
      ],
    });
    expect(forecast.weighted.byMonth[1]).toEqual({ count: 0, totals: [] });
    // 19.998 → 20.00
    expect(forecast.weighted.byMonth[2]).toEqual({
      count: 2,
      totals: [
        { currency: 'EUR', amount: '99.99', weighted: '20.00' },
        { currency: 'JPY', amount: '70000', weighted: '63000' },
      ],
    });
    // EUR 1000.00 + 2500.55 + 99.99 = 3600.54; 200 + 1500.33 + 19.998 = 1720.328 → 1720.33
    expect(forecast.weighted.total).toEqual({
      count: 5,
      totals: [
        { currency: 'EUR', amount: '3600.54', weighted: '1720.33' },
        { currency: 'JPY', amount: '70000', weighted: '63000' },
        { currency: 'USD', amount: '10.00', weighted: '9.00' },
      ],
    });
    expect(forecast.weighted.undated).toEqual({
      count: 1,
      totals: [{ currency: 'EUR', amount: '50.00', weighted: '30.00' }],
    });
    // ann: 1000.00 + 2500.55 = 3500.55, 200 + 1500.33 = 1700.33; and the reopened USD deal
    expect(forecast.weighted.byOwner.map((row) => [row.ownerId, row.total])).toEqual([
      [
        'ann',
        {
          count: 3,
          totals: [
            { currency: 'EUR', amount: '3500.55', weighted: '1700.33' },
            { currency: 'USD', amount: '10.00', weighted: '9.00' },
          ],
        },
      ],
      [
        'bob',
        {
          count: 2,
          totals: [
            { currency: 'EUR', amount: '99.99', weighted: '20.00' },
            { currency: 'JPY', amount: '70000', weighted: '63000' },
          ],
        },
      ],
    ]);
    expect(forecast.weighted.byPipeline.map((row) => [row.name, row.total.count, row.undated.count])).toEqual(
      [
        ['Sales', 3, 1],
        ['Renewals', 2, 0],
      ],
    );
    expect(forecast.pipelines.map((pipeline) => pipeline.name)).toEqual(['Sales', 'Renewals']);
  });

  it('figures win rate, sales cycle and time in stage over the last 90 days', async () => {
    const { history, period } = await forecastOf();
    expect(period.to).toBe(today);
    // won won3 … : won1, won2, won3 = 3; lost1 = 1 (lostLongAgo is before the period) → 75.0 %
    // cycle: (20 + 10 + 3) / 3 = 11 days = 950 400 000 ms
    expect(history.overall).toEqual({
      winRate: { won: 3, lost: 1, percent: '75.0' },
      salesCycle: { won: 3, averageMs: 11 * day },
    });
    const [salesFigures, renewalFigures] = history.byPipeline;
    // Sales: 2 / 3 = 66.7 %; (20 + 10) / 2 = 15 days
    expect(salesFigures?.winRate).toEqual({ won: 2, lost: 1, percent: '66.7' });
    expect(salesFigures?.salesCycle).toEqual({ won: 2, averageMs: 15 * day });
    // Talking: (2 + 1 + 3) / 3 = 2 days; Proposal: (5 + 6) / 2 = 5.5 days; the removed stage: 4 days
    expect(salesFigures?.stages).toEqual([
      { stageId: talking, name: 'Talking', removed: false, exits: 3, averageMs: 2 * day },
      { stageId: proposal, name: 'Proposal', removed: false, exits: 2, averageMs: 5.5 * day },
      { stageId: removedStage, name: null, removed: true, exits: 1, averageMs: 4 * day },
    ]);
    // Renewals: the reopened deal is open, not lost: 1 / 1 = 100.0 %; its stage exit still counts:
    // Due (2 + 3) / 2 = 2.5 days
    expect(renewalFigures?.winRate).toEqual({ won: 1, lost: 0, percent: '100.0' });
    expect(renewalFigures?.stages).toEqual([
      { stageId: due, name: 'Due', removed: false, exits: 2, averageMs: 2.5 * day },
    ]);
  });

  it('narrows to a pipeline and to an owner', async () => {
    const renewalsOnly = await forecastOf(`?pipelineId=${renewals.id}`);
    // JPY 70000 and the reopened USD deal
    expect(renewalsOnly.weighted.total.count).toBe(2);
    expect(renewalsOnly.history.byPipeline.map((row) => row.name)).toEqual(['Renewals']);
    expect(renewalsOnly.history.overall.winRate).toEqual({ won: 1, lost: 0, percent: '100.0' });
    expect(renewalsOnly.pipelines).toHaveLength(2);

    const bobs = await forecastOf('?ownerId=bob');
    expect(bobs.weighted.byOwner.map((row) => row.ownerId)).toEqual(['bob']);
    expect(bobs.weighted.total.count).toBe(2);
    // bob closed nothing: the rate is undefined, not 0
    expect(bobs.history.overall.winRate).toEqual({ won: 0, lost: 0, percent: null });
  });

  it('counts a period given in a time zone', async () => {
    // the period of the last 3 days: won2 (2 days ago), won3 (1 day ago); lost1 was 5 days ago
    const from = new Date(now - 2 * day).toISOString().slice(0, 10);
    const { history, period } = await forecastOf(`?timeZone=UTC&from=${from}&to=${today}`);
    expect(period).toEqual({ from, to: today });
    expect(history.overall.winRate).toEqual({ won: 2, lost: 0, percent: '100.0' });
  });

  it('answers 404 for an unknown pipeline and 400 for a period that ends before it starts', async () => {
    const unknown = await api<{ error: { code: string } }>('GET', `/api/forecast?pipelineId=${ulid()}`);
    expect(`${unknown.status} ${unknown.body.error.code}`).toBe('404 forecast.pipeline_not_found');
    const backwards = await api<{ error: { code: string } }>(
      'GET',
      '/api/forecast?from=2026-03-02&to=2026-03-01',
    );
    expect(backwards.status).toBe(400);
    // `from` alone after today: `to` defaults to today, before it
    const future = await api<{ error: { fields: Record<string, string> } }>(
      'GET',
      '/api/forecast?from=2999-01-01',
    );
    expect(future.status).toBe(400);
    expect(Object.keys(future.body.error.fields)).toEqual(['from']);
  });

  it('reads with one Query of pipelines, open (dated and undated), won and lost deals, and exits per pipeline', async () => {
    const { store, sent } = countingStore(inject('dynamoDbEndpoint'), inject('tableName'));
    const deps = { store, clock: () => new Date() };
    await readForecast(deps, workspaceId, {});
    // pipelines, open before the horizon's end, undated, won, lost; and Sales' and Renewals' stage exits
    expect(sent).toEqual(Array(7).fill('QueryCommand'));
    sent.length = 0;
    await readForecast(deps, workspaceId, { pipelineId: renewals.id });
    expect(sent).toHaveLength(6);
  });

  it('shows another workspace nothing of these deals', async () => {
    const other = await apiAs(newWorkspaceId('forecast-other'));
    const reply = await other<Forecast>('GET', '/api/forecast');
    expect(reply.status).toBe(200);
    expect(reply.body.weighted.total).toEqual({ count: 0, totals: [] });
    expect(reply.body.history.byPipeline).toEqual([]);
    expect(reply.body.pipelines).toEqual([]);
    const aPipelineOfMine = await other('GET', `/api/forecast?pipelineId=${sales.id}`);
    expect(aPipelineOfMine.status).toBe(404);
  });
});

/**
 * End to end with the real writes: deals created, moved, won, lost and reopened through the deals API;
 * the forecast reads what those writes left. The time-dependent figures are checked against what the
 * deals API itself reports (the deals' close times, their history's times in stage).
 */
describe('the forecast of deals written through the deals API', () => {
  const workspaceId = newWorkspaceId('forecast-real');
  let api: Api;
  const today = new Date().toISOString().slice(0, 10);

  type Written = { id: string; version: number; createdAt: string; closedAt?: string };
  type History = { items: { kind: string; fromStageId?: string; timeInStageMs?: number }[] };
  const change = async (deal: Written, patch: Record<string, unknown>) => {
    const reply = await api<Written>('PATCH', `/api/deals/${deal.id}`, patch, {
      'if-match': etagOf(deal.version),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };

  it('sums, rates and times what the deals API wrote', async () => {
    await seedMember(workspaceId);
    api = await apiAs(workspaceId);
    const created = await api<{ id: string; stages: { id: string }[] }>('POST', '/api/pipelines', {
      name: 'Forecast check',
      stages: [
        { name: 'Talk', probability: 25 },
        { name: 'Offer', probability: 75 },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const pipelineId = created.body.id;
    const [talk, offer] = created.body.stages.map((stage) => stage.id) as [string, string];
    const newDeal = async (values: Record<string, unknown>) => {
      const reply = await api<Written>('POST', '/api/deals', {
        name: 'Früh GmbH',
        pipelineId,
        stageId: talk,
        ...values,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body;
    };
    const moved = await newDeal({ amount: '1000.00', currency: 'EUR', expectedCloseDate: today });
    await newDeal({ amount: '333.33', currency: 'EUR', expectedCloseDate: today });
    await newDeal({ amount: '500', currency: 'JPY', stageId: offer });
    let won = await newDeal({ amount: '200.00', currency: 'EUR' });
    const lost = await newDeal({ amount: '100.00', currency: 'EUR' });
    const reopened = await newDeal({ amount: '50.00', currency: 'EUR', expectedCloseDate: today });

    await change(moved, { stageId: offer });
    won = await change(won, { status: 'won' });
    await change(lost, { status: 'lost', lostReason: 'Price' });
    await change(await change(reopened, { status: 'lost', lostReason: 'Price' }), { status: 'open' });

    const reply = await api<Forecast>('GET', `/api/forecast?pipelineId=${pipelineId}&timeZone=UTC`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const { weighted, history } = reply.body;
    // this month: 1000.00 × 75 % = 750 (moved to Offer); 333.33 × 25 % = 83.3325; 50.00 × 25 % = 12.50
    // (reopened into Talk): 1383.33, 845.8325 → 845.83
    expect(weighted.byMonth[0]).toEqual({
      count: 3,
      totals: [{ currency: 'EUR', amount: '1383.33', weighted: '845.83' }],
    });
    // undated: 500 JPY × 75 % = 375
    expect(weighted.undated).toEqual({
      count: 1,
      totals: [{ currency: 'JPY', amount: '500', weighted: '375' }],
    });
    // won 1, lost 1 (the reopened deal is open again): 50.0 %
    expect(history.overall.winRate).toEqual({ won: 1, lost: 1, percent: '50.0' });
    expect(history.overall.salesCycle).toEqual({
      won: 1,
      averageMs: Date.parse(won.closedAt as string) - Date.parse(won.createdAt),
    });
    // Talk was left four times (moved, won, lost, lost before the reopening), Offer never
    const spent: number[] = [];
    for (const deal of [moved, won, lost, reopened]) {
      const entries = (await api<History>('GET', `/api/deals/${deal.id}/history`)).body.items;
      for (const entry of entries)
        if (entry.fromStageId === talk && entry.timeInStageMs !== undefined) spent.push(entry.timeInStageMs);
    }
    expect(spent).toHaveLength(4);
    const [talkTime, offerTime] = history.byPipeline[0]?.stages ?? [];
    expect(talkTime).toEqual({
      stageId: talk,
      name: 'Talk',
      removed: false,
      exits: 4,
      averageMs: Math.round(spent.reduce((sum, ms) => sum + ms, 0) / 4),
    });
    expect(offerTime).toMatchObject({ stageId: offer, exits: 0, averageMs: null });
  });
});
