import { currencyDecimals } from '../deals/money';
import { formatMicros, toMicros, weightedMicros } from './decimal';
import type { BucketTotals, WeightedBuckets, WeightedPipeline } from './forecast';
import { bucketOf, type ForecastHorizon } from './forecast-calendar';
import type { OpenDealFacts, PipelineFacts } from './forecast-facts';

/**
 * The weighted pipeline (docs/metrics.md): open deals by where their expected close date falls (overdue,
 * a month of the horizon, undated), for the whole workspace, per owner and per pipeline, per currency.
 * A deal counts its amount and amount × its stage's probability / 100, the probability its stage has now;
 * sums are exact (BigInt millionths) and rounded once, half up, to the currency's decimals. A deal expected
 * after the horizon is not counted; an undated one is shown beside the total, not in it. Pure.
 */
export function weightedPipelineOf(
  deals: readonly OpenDealFacts[],
  pipelines: readonly PipelineFacts[],
  horizon: ForecastHorizon,
): WeightedPipeline {
  const probabilities = new Map(
    pipelines.map((pipeline) => [
      pipeline.id,
      new Map(pipeline.stages.map((stage) => [stage.id, stage.probability])),
    ]),
  );
  const all = new BucketSums(horizon);
  const byOwner = new Map<string, BucketSums>();
  const byPipeline = new Map<string, BucketSums>(
    pipelines.map((pipeline) => [pipeline.id, new BucketSums(horizon)]),
  );
  for (const deal of deals) {
    const bucket = bucketOf(deal.expectedCloseDate, horizon);
    if (bucket === 'later') continue;
    // a stage missing from its pipeline (removed while the deal was read) weighs nothing
    const probability = probabilities.get(deal.pipelineId)?.get(deal.stageId) ?? 0;
    const sums = [all, sumsOf(byOwner, deal.ownerId, horizon), sumsOf(byPipeline, deal.pipelineId, horizon)];
    for (const target of sums) target.add(bucket, deal.currency, deal.amount, probability);
  }
  const names = new Map(pipelines.map((pipeline) => [pipeline.id, pipeline.name]));
  return {
    ...all.buckets(),
    byOwner: [...byOwner.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ownerId, sums]) => ({ ownerId, ...sums.buckets() })),
    byPipeline: [...byPipeline.entries()].map(([pipelineId, sums]) => ({
      pipelineId,
      name: names.get(pipelineId) ?? null,
      ...sums.buckets(),
    })),
  };
}

function sumsOf(rows: Map<string, BucketSums>, key: string, horizon: ForecastHorizon): BucketSums {
  let sums = rows.get(key);
  if (!sums) {
    sums = new BucketSums(horizon);
    rows.set(key, sums);
  }
  return sums;
}

interface CurrencySum {
  amount: bigint;
  weighted: bigint;
}

/** Counts and exact sums per bucket and currency. */
class BucketSums {
  private readonly counts = new Map<string, number>();
  private readonly sums = new Map<string, Map<string, CurrencySum>>();

  constructor(private readonly horizon: ForecastHorizon) {}

  add(bucket: string, currency: string, amount: string, probability: number) {
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1);
    let byCurrency = this.sums.get(bucket);
    if (!byCurrency) {
      byCurrency = new Map();
      this.sums.set(bucket, byCurrency);
    }
    const sum = byCurrency.get(currency) ?? { amount: 0n, weighted: 0n };
    byCurrency.set(currency, {
      amount: sum.amount + toMicros(amount),
      weighted: sum.weighted + weightedMicros(amount, probability),
    });
  }

  buckets(): WeightedBuckets {
    const inTotal = ['overdue', ...this.horizon.months];
    return {
      overdue: this.totalsOf(['overdue']),
      byMonth: this.horizon.months.map((month) => this.totalsOf([month])),
      total: this.totalsOf(inTotal),
      undated: this.totalsOf(['undated']),
    };
  }

  private totalsOf(buckets: readonly string[]): BucketTotals {
    const merged = new Map<string, CurrencySum>();
    let count = 0;
    for (const bucket of buckets) {
      count += this.counts.get(bucket) ?? 0;
      for (const [currency, sum] of this.sums.get(bucket) ?? []) {
        const before = merged.get(currency) ?? { amount: 0n, weighted: 0n };
        merged.set(currency, {
          amount: before.amount + sum.amount,
          weighted: before.weighted + sum.weighted,
        });
      }
    }
    return {
      count,
      totals: [...merged.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([currency, sum]) => {
          const decimals = currencyDecimals(currency);
          return {
            currency,
            amount: formatMicros(sum.amount, decimals),
            weighted: formatMicros(sum.weighted, decimals),
          };
        }),
    };
  }
}
