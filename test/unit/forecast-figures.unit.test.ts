import { describe, expect, it } from 'vitest';
import { formatMicros, toMicros, weightedMicros } from '../../shared/forecast/decimal';
import { ForecastQuery } from '../../shared/forecast/forecast';
import { bucketOf, horizonOf, periodOf, periodProblem } from '../../shared/forecast/forecast-calendar';
import type {
  ClosedDealFacts,
  OpenDealFacts,
  PipelineFacts,
  StageExitFacts,
} from '../../shared/forecast/forecast-facts';
import { historyOf } from '../../shared/forecast/pipeline-figures';
import { salesCycleOf } from '../../shared/forecast/sales-cycle';
import { timeInStagesOf } from '../../shared/forecast/time-in-stage';
import { weightedPipelineOf } from '../../shared/forecast/weighted-pipeline';
import { winRateOf } from '../../shared/forecast/win-rate';

/**
 * Every figure of the forecast on a fixture whose expected numbers were worked out by hand (the arithmetic
 * is in the comments); docs/metrics.md defines each figure.
 */
const sales: PipelineFacts = {
  id: 'P1',
  name: 'Sales',
  stages: [
    { id: 's1', name: 'Qualified', probability: 10 },
    { id: 's2', name: 'Proposal', probability: 50 },
    { id: 's3', name: 'Negotiation', probability: 75 },
  ],
};
const renewals: PipelineFacts = {
  id: 'P2',
  name: 'Renewals',
  stages: [{ id: 'r1', name: 'Due', probability: 90 }],
};
const empty: PipelineFacts = {
  id: 'P3',
  name: 'Empty',
  stages: [{ id: 'e1', name: 'Only', probability: 20 }],
};

const open = (
  id: string,
  amount: string,
  currency: string,
  expectedCloseDate: string | undefined,
  ownerId: string,
  pipelineId: string,
  stageId: string,
): OpenDealFacts => ({
  id,
  amount,
  currency,
  ownerId,
  pipelineId,
  stageId,
  ...(expectedCloseDate ? { expectedCloseDate } : {}),
});

describe('the calendar of a forecast', () => {
  it('takes today, the six months and overdue in the caller time zone', () => {
    const now = new Date('2026-12-31T12:00:00.000Z');
    // 12:00 UTC on 31 December is 01:00 on 1 January in Auckland (UTC+13 in summer)
    expect(horizonOf('Pacific/Auckland', now)).toEqual({
      today: '2027-01-01',
      months: ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'],
      end: '2027-07-01',
    });
    expect(horizonOf('UTC', now)).toEqual({
      today: '2026-12-31',
      months: ['2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05'],
      end: '2027-06-01',
    });
    const utc = horizonOf('UTC', now);
    expect(bucketOf('2026-12-30', utc)).toBe('overdue');
    expect(bucketOf('2026-12-31', utc)).toBe('2026-12'); // due today is not overdue
    expect(bucketOf('2027-05-31', utc)).toBe('2027-05');
    expect(bucketOf('2027-06-01', utc)).toBe('later');
    expect(bucketOf(undefined, utc)).toBe('undated');
  });

  it('defaults the period to the 90 days ending today, bounded by local midnights', () => {
    // 6 December − 89 days = 8 September (Sep 8 → Oct 8: 30, → Nov 8: 61, → Dec 6: 89)
    // Berlin is UTC+2 on 8 September (summer time) and UTC+1 on 7 December
    expect(periodOf('Europe/Berlin', new Date('2026-12-06T16:00:00.000Z'))).toEqual({
      from: '2026-09-08',
      to: '2026-12-06',
      start: '2026-09-07T22:00:00.000Z',
      end: '2026-12-06T23:00:00.000Z',
    });
    expect(
      periodOf('UTC', new Date('2026-12-06T16:00:00.000Z'), { from: '2026-01-01', to: '2026-01-31' }),
    ).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      start: '2026-01-01T00:00:00.000Z',
      end: '2026-02-01T00:00:00.000Z',
    });
  });

  it('refuses a period that ends before it starts or is longer than two years', () => {
    expect(ForecastQuery.safeParse({ from: '2026-02-01', to: '2026-01-31' }).success).toBe(false);
    expect(ForecastQuery.safeParse({ from: '2024-01-01', to: '2026-01-01' }).success).toBe(false); // 731 days apart
    expect(ForecastQuery.safeParse({ from: '2024-01-02', to: '2026-01-01' }).success).toBe(true);
    expect(ForecastQuery.safeParse({ timeZone: 'Mars/Base' }).success).toBe(false);
    // `from` alone: `to` is today, which the schema cannot know, so the period is checked once filled in
    const now = new Date('2026-12-06T16:00:00.000Z');
    expect(periodProblem(periodOf('UTC', now, { from: '2026-12-07' }))?.field).toBe('from');
    // 2024-12-05 → 2026-12-06: 365 + 365 + 1 = 731 days apart, 732 days with both ends: too long;
    // a day later: 731 days, the longest period
    expect(periodProblem(periodOf('UTC', now, { from: '2024-12-05' }))?.field).toBe('from');
    expect(periodProblem(periodOf('UTC', now, { from: '2024-12-06' }))).toBeUndefined();
    expect(periodProblem(periodOf('UTC', now, { to: '2020-02-01' }))).toBeUndefined(); // 90 days ending then
  });
});

describe('exact decimal arithmetic', () => {
  it('sums and weights amounts beyond float precision exactly, rounding half up once', () => {
    // 999999999999999.99 × 2 = 1999999999999999.98 (a float has ~16 significant digits: it would lose the cents)
    expect(formatMicros(toMicros('999999999999999.99') * 2n, 2)).toBe('1999999999999999.98');
    // 999999999999999.99 × 75 / 100 = 749999999999999.9925; twice = 1499999999999999.985 → half up .99
    expect(formatMicros(weightedMicros('999999999999999.99', 75) * 2n, 2)).toBe('1499999999999999.99');
    // JPY has no decimals: 333 × 50 % = 166.5 → 167
    expect(formatMicros(weightedMicros('333', 50), 0)).toBe('167');
    // 0.1 + 0.2 is 0.3, not 0.30000000000000004
    expect(formatMicros(toMicros('0.1') + toMicros('0.2'), 4)).toBe('0.3000');
  });
});

describe('the weighted pipeline', () => {
  // now 6 December 2026, UTC: today 2026-12-06; months 2026-12 … 2027-05; not read from 2027-06-01
  const horizon = horizonOf('UTC', new Date('2026-12-06T16:00:00.000Z'));
  const deals = [
    open('d1', '1000.00', 'EUR', '2026-12-01', 'ann', 'P1', 's2'), // overdue; 1000.00 × 50 % = 500.00
    open('d2', '1250.50', 'EUR', '2026-12-06', 'ann', 'P1', 's3'), // today: December; × 75 % = 937.875
    open('d3', '100.10', 'EUR', '2026-12-31', 'bob', 'P1', 's1'), // December; × 10 % = 10.010
    open('d4', '100000', 'JPY', '2027-02-15', 'bob', 'P1', 's2'), // February; × 50 % = 50000
    open('d5', '333.33', 'USD', '2027-05-31', 'ann', 'P2', 'r1'), // May, the 6th month; × 90 % = 299.997
    open('d6', '500.00', 'EUR', '2027-06-01', 'ann', 'P1', 's3'), // after the horizon: not counted
    open('d7', '200.00', 'EUR', undefined, 'bob', 'P1', 's2'), // undated: beside; × 50 % = 100.00
    open('d8', '10.05', 'EUR', '2027-01-10', 'bob', 'P1', 'gone'), // January; stage removed: × 0 % = 0
  ];
  const none = { count: 0, totals: [] };
  const forecast = weightedPipelineOf(deals, [sales, renewals], horizon);

  it('puts each deal in overdue, its month or undated, summed per currency', () => {
    expect(forecast.overdue).toEqual({
      count: 1,
      totals: [{ currency: 'EUR', amount: '1000.00', weighted: '500.00' }],
    });
    expect(forecast.byMonth).toEqual([
      // d2 + d3: 1250.50 + 100.10 = 1350.60; 937.875 + 10.010 = 947.885 → half up 947.89
      { count: 2, totals: [{ currency: 'EUR', amount: '1350.60', weighted: '947.89' }] },
      { count: 1, totals: [{ currency: 'EUR', amount: '10.05', weighted: '0.00' }] },
      { count: 1, totals: [{ currency: 'JPY', amount: '100000', weighted: '50000' }] },
      none,
      none,
      // 299.997 → 300.00
      { count: 1, totals: [{ currency: 'USD', amount: '333.33', weighted: '300.00' }] },
    ]);
    // overdue + months: d1 d2 d3 d8 d4 d5 = 6 deals; EUR 1000.00 + 1350.60 + 10.05 = 2360.65,
    // weighted 500 + 947.885 + 0 = 1447.885 → 1447.89 (rounded once, not the sum of rounded months)
    expect(forecast.total).toEqual({
      count: 6,
      totals: [
        { currency: 'EUR', amount: '2360.65', weighted: '1447.89' },
        { currency: 'JPY', amount: '100000', weighted: '50000' },
        { currency: 'USD', amount: '333.33', weighted: '300.00' },
      ],
    });
    expect(forecast.undated).toEqual({
      count: 1,
      totals: [{ currency: 'EUR', amount: '200.00', weighted: '100.00' }],
    });
  });

  it('splits the same sums per owner', () => {
    const [ann, bob] = forecast.byOwner;
    expect(forecast.byOwner.map((row) => row.ownerId)).toEqual(['ann', 'bob']);
    // ann: d1 (overdue), d2 (December), d5 (May); d6 is after the horizon
    // EUR 1000.00 + 1250.50 = 2250.50; weighted 500 + 937.875 = 1437.875 → 1437.88
    expect(ann?.total).toEqual({
      count: 3,
      totals: [
        { currency: 'EUR', amount: '2250.50', weighted: '1437.88' },
        { currency: 'USD', amount: '333.33', weighted: '300.00' },
      ],
    });
    expect(ann?.byMonth[0]).toEqual({
      count: 1,
      totals: [{ currency: 'EUR', amount: '1250.50', weighted: '937.88' }],
    });
    expect(ann?.undated).toEqual(none);
    // bob: d3 (December), d8 (January), d4 (February); d7 undated
    // EUR 100.10 + 10.05 = 110.15; weighted 10.01 + 0 = 10.01
    expect(bob?.total).toEqual({
      count: 3,
      totals: [
        { currency: 'EUR', amount: '110.15', weighted: '10.01' },
        { currency: 'JPY', amount: '100000', weighted: '50000' },
      ],
    });
    expect(bob?.overdue).toEqual(none);
    expect(bob?.undated).toEqual({
      count: 1,
      totals: [{ currency: 'EUR', amount: '200.00', weighted: '100.00' }],
    });
  });

  it('splits the same sums per pipeline, listing a pipeline without deals too', () => {
    const withEmpty = weightedPipelineOf(deals, [sales, renewals, empty], horizon);
    expect(withEmpty.byPipeline.map((row) => [row.pipelineId, row.name, row.total.count])).toEqual([
      ['P1', 'Sales', 5], // d1 d2 d3 d4 d8
      ['P2', 'Renewals', 1], // d5
      ['P3', 'Empty', 0],
    ]);
    // P1: EUR as the workspace's (all EUR deals are in P1), JPY 100000
    expect(withEmpty.byPipeline[0]?.total.totals).toEqual([
      { currency: 'EUR', amount: '2360.65', weighted: '1447.89' },
      { currency: 'JPY', amount: '100000', weighted: '50000' },
    ]);
    expect(withEmpty.byPipeline[1]?.byMonth[5]).toEqual({
      count: 1,
      totals: [{ currency: 'USD', amount: '333.33', weighted: '300.00' }],
    });
  });

  it('is empty, not zero-filled per currency, with no open deals', () => {
    const nothing = weightedPipelineOf([], [sales], horizon);
    expect(nothing.total).toEqual(none);
    expect(nothing.byMonth).toEqual([none, none, none, none, none, none]);
    expect(nothing.byOwner).toEqual([]);
  });
});

describe('the historical figures', () => {
  // the 90 days ending 6 December 2026, UTC: [2026-09-08T00:00Z, 2026-12-07T00:00Z)
  const period = periodOf('UTC', new Date('2026-12-06T16:00:00.000Z'));
  const closed = (
    id: string,
    pipelineId: string,
    status: 'won' | 'lost',
    createdAt: string,
    closedAt: string,
  ): ClosedDealFacts => ({ id, pipelineId, ownerId: 'ann', status, createdAt, closedAt });
  const deals = [
    closed('c1', 'P1', 'won', '2026-10-01T00:00:00.000Z', '2026-10-11T00:00:00.000Z'), // 10 d = 864 000 000 ms
    closed('c2', 'P1', 'won', '2026-11-01T00:00:00.000Z', '2026-11-04T12:00:00.000Z'), // 3.5 d = 302 400 000 ms
    closed('c3', 'P1', 'lost', '2026-11-01T00:00:00.000Z', '2026-11-20T00:00:00.000Z'),
    closed('c4', 'P1', 'won', '2026-09-01T00:00:00.000Z', '2026-09-07T23:59:59.999Z'), // before the period
    closed('c5', 'P1', 'lost', '2026-11-01T00:00:00.000Z', '2026-12-07T00:00:00.000Z'), // at its end: outside
    // closed at the period's first instant: inside; 7 d − 1 ms = 604 799 999 ms
    closed('c6', 'P1', 'won', '2026-09-01T00:00:00.001Z', '2026-09-08T00:00:00.000Z'),
    closed('c7', 'P2', 'won', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z'), // 1 d = 86 400 000 ms
    closed('c8', 'P2', 'lost', '2026-11-30T00:00:00.000Z', '2026-12-02T00:00:00.000Z'),
    closed('c9', 'P2', 'lost', '2026-11-30T00:00:00.000Z', '2026-12-03T00:00:00.000Z'),
  ];

  it('win rate: won ÷ (won + lost) closed in the period, one decimal; undefined with nothing closed', () => {
    // P1: won c1 c2 c6, lost c3 → 3 / 4 = 75.0 %
    expect(
      winRateOf(
        deals.filter((deal) => deal.pipelineId === 'P1'),
        period,
      ),
    ).toEqual({
      won: 3,
      lost: 1,
      percent: '75.0',
    });
    // P2: 1 / 3 = 33.33… → 33.3
    expect(
      winRateOf(
        deals.filter((deal) => deal.pipelineId === 'P2'),
        period,
      ),
    ).toEqual({
      won: 1,
      lost: 2,
      percent: '33.3',
    });
    // 2 / 3 = 66.66… → 66.7 (half up)
    expect(winRateOf([deals[0], deals[1], deals[2]] as ClosedDealFacts[], period).percent).toBe('66.7');
    expect(winRateOf([], period)).toEqual({ won: 0, lost: 0, percent: null });
    // only lost deals: a rate of 0, which is defined
    expect(winRateOf([deals[2]] as ClosedDealFacts[], period)).toEqual({ won: 0, lost: 1, percent: '0.0' });
  });

  it('sales cycle: the mean of created → won in the period, whole ms half up', () => {
    // P1 won in the period: c1, c2, c6: (864 000 000 + 302 400 000 + 604 799 999) / 3 = 1 771 199 999 / 3
    // = 590 399 999.67 → 590 400 000
    expect(
      salesCycleOf(
        deals.filter((deal) => deal.pipelineId === 'P1'),
        period,
      ),
    ).toEqual({
      won: 3,
      averageMs: 590_400_000,
    });
    // lost deals do not count; nothing won → null
    expect(salesCycleOf([deals[2]] as ClosedDealFacts[], period)).toEqual({ won: 0, averageMs: null });
  });

  it('time in each stage: mean over the exits of the period, removed stages after the current ones', () => {
    const exit = (
      dealId: string,
      pipelineId: string,
      fromStageId: string,
      at: string,
      timeInStageMs: number,
    ) => ({ dealId, pipelineId, fromStageId, at, timeInStageMs }) satisfies StageExitFacts;
    const exits = [
      exit('a', 'P1', 's1', '2026-10-05T00:00:00.000Z', 172_800_000), // 2 d
      exit('b', 'P1', 's1', '2026-10-06T00:00:00.000Z', 259_200_000), // 3 d → s1: 5 d / 2 = 216 000 000
      exit('a', 'P1', 's2', '2026-11-01T00:00:00.000Z', 1),
      exit('b', 'P1', 's2', '2026-11-02T00:00:00.000Z', 2), // s2: 3 / 2 = 1.5 → 2
      exit('c', 'P1', 'gone', '2026-10-01T00:00:00.000Z', 86_400_000), // a stage removed since
      exit('d', 'P1', 's3', '2026-09-01T00:00:00.000Z', 5_000), // before the period: s3 has no exit
      exit('e', 'P2', 's1', '2026-10-07T00:00:00.000Z', 9_999_999_999), // another pipeline's
    ];
    expect(timeInStagesOf(sales, exits, period)).toEqual([
      { stageId: 's1', name: 'Qualified', removed: false, exits: 2, averageMs: 216_000_000 },
      { stageId: 's2', name: 'Proposal', removed: false, exits: 2, averageMs: 2 },
      { stageId: 's3', name: 'Negotiation', removed: false, exits: 0, averageMs: null },
      { stageId: 'gone', name: null, removed: true, exits: 1, averageMs: 86_400_000 },
    ]);
  });

  it('per pipeline and overall', () => {
    const history = historyOf([sales, renewals, empty], deals, [], period);
    // overall: won c1 c2 c6 c7 = 4, lost c3 c8 c9 = 3 → 4 / 7 = 57.142… → 57.1
    // cycle: (1 771 199 999 + 86 400 000) / 4 = 1 857 599 999 / 4 = 464 399 999.75 → 464 400 000
    expect(history.overall).toEqual({
      winRate: { won: 4, lost: 3, percent: '57.1' },
      salesCycle: { won: 4, averageMs: 464_400_000 },
    });
    expect(
      history.byPipeline.map((row) => [row.pipelineId, row.winRate.percent, row.salesCycle.averageMs]),
    ).toEqual([
      ['P1', '75.0', 590_400_000],
      ['P2', '33.3', 86_400_000],
      ['P3', null, null], // nothing closed: undefined, not 0
    ]);
    // one pipeline: the overall figures are its own
    expect(historyOf([renewals], deals, [], period).overall.winRate).toEqual({
      won: 1,
      lost: 2,
      percent: '33.3',
    });
  });
});
