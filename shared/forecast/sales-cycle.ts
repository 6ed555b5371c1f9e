import { divideRounded } from './decimal';
import type { SalesCycle } from './forecast';
import type { ForecastPeriod } from './forecast-calendar';
import type { ClosedDealFacts } from './forecast-facts';
import { closedIn } from './win-rate';

/**
 * The average sales cycle (docs/metrics.md): for the deals won in the period, the mean of closedAt −
 * createdAt, in whole milliseconds rounded half up. Lost deals do not count; a deal reopened and won again
 * counts once, from its creation to its last win. Nothing won: `averageMs` is null. Pure.
 */
export function salesCycleOf(
  deals: readonly ClosedDealFacts[],
  period: Pick<ForecastPeriod, 'start' | 'end'>,
): SalesCycle {
  const won = deals.filter((deal) => deal.status === 'won' && closedIn(deal, period));
  if (won.length === 0) return { won: 0, averageMs: null };
  const totalMs = won.reduce(
    (sum, deal) => sum + BigInt(Date.parse(deal.closedAt as string) - Date.parse(deal.createdAt)),
    0n,
  );
  return { won: won.length, averageMs: Number(divideRounded(totalMs, BigInt(won.length))) };
}
