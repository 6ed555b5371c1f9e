import * as z from 'zod/mini';
import { CalendarDate } from '../deals/deal';
import { RecordId } from '../records/record-fields';
import { TimeZone } from '../tasks/task';
import { memberIdPattern } from '../team/active-member-check';
import { daysBetween, maxPeriodDays } from './forecast-calendar';

/**
 * The forecast (docs/metrics.md defines every figure): the weighted pipeline of open deals by expected
 * close month (overdue, the six months of the horizon, undated beside), per owner and per pipeline; and,
 * over a period, the win rate, the sales-cycle length and the time in each stage, per pipeline. Amounts are
 * decimal strings per currency, never floats and never converted.
 */
export const ForecastQuery = z
  .strictObject({
    pipelineId: z.optional(RecordId),
    ownerId: z.optional(z.string().check(z.regex(memberIdPattern, 'This is not a member id.'))),
    /** The caller's time zone: months, "overdue" and the period's days are its (UTC when left out). */
    timeZone: z.optional(TimeZone),
    /** The period of win rate, cycle length and time in stage: local dates, both included (last 90 days). */
    from: z.optional(CalendarDate),
    to: z.optional(CalendarDate),
  })
  .check(
    z.refine((query) => !query.from || !query.to || query.from <= query.to, {
      message: 'The period must not end before it starts.',
      path: ['to'],
    }),
    z.refine((query) => !query.from || !query.to || daysBetween(query.from, query.to) < maxPeriodDays, {
      message: `A period is at most ${maxPeriodDays} days.`,
      path: ['from'],
    }),
  );
export type ForecastQuery = z.output<typeof ForecastQuery>;

/** Open deals of one currency: their sum and their probability-weighted sum, at the currency's decimals. */
export const CurrencyTotal = z.object({ currency: z.string(), amount: z.string(), weighted: z.string() });
export type CurrencyTotal = z.output<typeof CurrencyTotal>;

/** A number of open deals and their totals, one per currency (alphabetical). */
export const BucketTotals = z.object({ count: z.int(), totals: z.array(CurrencyTotal) });
export type BucketTotals = z.output<typeof BucketTotals>;

/** Overdue, each month of the horizon (in `months` order), their sum (`total`), and the undated beside. */
const bucketsShape = {
  overdue: BucketTotals,
  byMonth: z.array(BucketTotals),
  total: BucketTotals,
  undated: BucketTotals,
};
export const WeightedBuckets = z.object(bucketsShape);
export type WeightedBuckets = z.output<typeof WeightedBuckets>;

export const WeightedPipeline = z.object({
  ...bucketsShape,
  byOwner: z.array(z.object({ ownerId: z.string(), ...bucketsShape })),
  byPipeline: z.array(z.object({ pipelineId: z.string(), name: z.nullable(z.string()), ...bucketsShape })),
});
export type WeightedPipeline = z.output<typeof WeightedPipeline>;

/** Won ÷ (won + lost) as a percent with one decimal; null when nothing closed (undefined, not 0). */
export const WinRate = z.object({ won: z.int(), lost: z.int(), percent: z.nullable(z.string()) });
export type WinRate = z.output<typeof WinRate>;

/** The mean of created → won, in whole milliseconds; null when no deal was won. */
export const SalesCycle = z.object({ won: z.int(), averageMs: z.nullable(z.int()) });
export type SalesCycle = z.output<typeof SalesCycle>;

export const StageTime = z.object({
  stageId: z.string(),
  /** null for a stage removed from the pipeline since (its exits still count). */
  name: z.nullable(z.string()),
  removed: z.boolean(),
  exits: z.int(),
  averageMs: z.nullable(z.int()),
});
export type StageTime = z.output<typeof StageTime>;

export const PipelineFigures = z.object({
  pipelineId: z.string(),
  name: z.nullable(z.string()),
  winRate: WinRate,
  salesCycle: SalesCycle,
  stages: z.array(StageTime),
});
export type PipelineFigures = z.output<typeof PipelineFigures>;

export const Forecast = z.object({
  timeZone: z.string(),
  /** Today in the time zone: deals expected to close before it are overdue. */
  today: z.string(),
  /** The six months of the horizon, `YYYY-MM`. */
  months: z.array(z.string()),
  period: z.object({ from: z.string(), to: z.string() }),
  weighted: WeightedPipeline,
  /** Every pipeline (the filter) but one when `pipelineId` is given, then the pipelines' sum. */
  history: z.object({
    overall: z.object({ winRate: WinRate, salesCycle: SalesCycle }),
    byPipeline: z.array(PipelineFigures),
  }),
  /** The workspace's pipelines, for the filter. */
  pipelines: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Forecast = z.output<typeof Forecast>;
