import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../shared/forecast/forecast';
import {
  chartSeries,
  currenciesOf,
  formatDays,
  formatMoney,
  formatPercent,
  periodEndingToday,
} from '../../web/src/forecast/forecast-format';

describe('the forecast page formats', () => {
  it('shows amounts exactly from their decimal strings, in their currency', () => {
    const euros = formatMoney('1999999999999999.98', 'EUR');
    // a float would print …999.98 as 2,000,000,000,000,000.00
    expect(euros.replace(/[^\d.,]/g, '')).toMatch(/1.999.999.999.999.999.98$/);
    expect(formatMoney('63000', 'JPY')).toMatch(/63,000|63\.000|63 000/);
  });

  it('shows averages in days with one decimal, and undefined as a dash', () => {
    expect(formatDays(5.5 * 86_400_000)).toBe('5.5 days');
    expect(formatDays(86_400_000)).toBe('1.0 day');
    expect(formatDays(null)).toBe('—');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent('66.7')).toBe('66.7 %');
  });

  it('draws one currency: overdue then each month, 0 where a bucket has none of it', () => {
    const none = { count: 0, totals: [] };
    const eur = (amount: string, weighted: string) => ({
      count: 1,
      totals: [{ currency: 'EUR', amount, weighted }],
    });
    const forecast = {
      months: ['2026-12', '2027-01'],
      weighted: {
        overdue: eur('1000.00', '500.00'),
        byMonth: [none, { count: 1, totals: [{ currency: 'USD', amount: '5.00', weighted: '1.00' }] }],
        total: {
          count: 2,
          totals: [
            { currency: 'EUR', amount: '1000.00', weighted: '500.00' },
            { currency: 'USD', amount: '5.00', weighted: '1.00' },
          ],
        },
        undated: { count: 1, totals: [{ currency: 'CHF', amount: '1.00', weighted: '1.00' }] },
        byOwner: [],
        byPipeline: [],
      },
    } satisfies Pick<Forecast, 'months' | 'weighted'>;
    expect(currenciesOf(forecast)).toEqual(['CHF', 'EUR', 'USD']);
    const series = chartSeries(forecast, 'EUR');
    expect(series.labels).toHaveLength(3);
    expect(series.labels[0]).toBe('Overdue');
    expect(series.weighted).toEqual([500, 0, 0]);
    expect(series.amount).toEqual([1000, 0, 0]);
    expect(chartSeries(forecast, 'USD').weighted).toEqual([0, 0, 1]);
  });

  it('counts the period in the browser own days, today included', () => {
    // 90 days ending 6 December: from 8 September
    expect(periodEndingToday(90, new Date(2026, 11, 6, 23, 30))).toEqual({
      from: '2026-09-08',
      to: '2026-12-06',
    });
    expect(periodEndingToday(30, new Date(2026, 2, 1, 0, 5))).toEqual({
      from: '2026-01-31',
      to: '2026-03-01',
    });
  });
});
