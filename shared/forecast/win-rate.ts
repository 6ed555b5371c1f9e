import { divideRounded } from './decimal';
import type { WinRate } from './forecast';
import type { ForecastPeriod } from './forecast-calendar';
import type { ClosedDealFacts } from './forecast-facts';

/** Closed in the period: from its first instant, before the instant after its last day. */
export const closedIn = (
  deal: Pick<ClosedDealFacts, 'closedAt'>,
  period: Pick<ForecastPeriod, 'start' | 'end'>,
) => deal.closedAt !== undefined && deal.closedAt >= period.start && deal.closedAt < period.end;

/**
 * The win rate (docs/metrics.md): won ÷ (won + lost) of the deals closed in the period, as a percent
 * rounded half up to one decimal. A deal counts once, by its current outcome and last close time (a
 * reopened deal is open, not closed). Nothing closed: `percent` is null, the rate is undefined. Pure.
 */
export function winRateOf(
  deals: readonly ClosedDealFacts[],
  period: Pick<ForecastPeriod, 'start' | 'end'>,
): WinRate {
  const closed = deals.filter((deal) => closedIn(deal, period));
  const won = closed.filter((deal) => deal.status === 'won').length;
  const lost = closed.filter((deal) => deal.status === 'lost').length;
  const decided = won + lost;
  if (decided === 0) return { won, lost, percent: null };
  const tenths = divideRounded(BigInt(won) * 1000n, BigInt(decided));
  return { won, lost, percent: `${tenths / 10n}.${tenths % 10n}` };
}
