import type { BucketTotals, Forecast } from '../../../shared/forecast/forecast';

/**
 * How the forecast page shows its figures (pure: unit-tested). Amounts stay decimal strings: Intl formats
 * the string itself, exactly; only the chart turns them into numbers, to draw bars.
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: string, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format.format(amount as Intl.StringNumericLiteral);
}

const dayMs = 86_400_000;

/** An average duration in days with one decimal; "—" when undefined (nothing to average). */
export function formatDays(ms: number | null): string {
  if (ms === null) return '—';
  const days = ms / dayMs;
  return `${days.toFixed(1)} ${days === 1 ? 'day' : 'days'}`;
}

export function formatPercent(percent: string | null): string {
  return percent === null ? '—' : `${percent} %`;
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-12` → "Dec 2026". */
export function monthLabel(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

/** The currencies the weighted pipeline holds, in the API's (alphabetical) order. */
export function currenciesOf(forecast: Pick<Forecast, 'weighted'>): string[] {
  const found = new Set<string>();
  for (const bucket of [forecast.weighted.total, forecast.weighted.undated])
    for (const total of bucket.totals) found.add(total.currency);
  return [...found].sort();
}

/** The bars of the chart for one currency: overdue, then each month; 0 where a bucket has none of it. */
export function chartSeries(forecast: Pick<Forecast, 'weighted' | 'months'>, currency: string) {
  const buckets = [forecast.weighted.overdue, ...forecast.weighted.byMonth];
  const of = (bucket: BucketTotals, field: 'amount' | 'weighted') =>
    Number(bucket.totals.find((total) => total.currency === currency)?.[field] ?? '0');
  return {
    labels: ['Overdue', ...forecast.months.map(monthLabel)],
    weighted: buckets.map((bucket) => of(bucket, 'weighted')),
    amount: buckets.map((bucket) => of(bucket, 'amount')),
  };
}

/** The periods offered, in days ending today. */
export const periodChoices = [
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '180', label: 'Last 180 days' },
  { value: '365', label: 'Last 365 days' },
] as const;

const pad = (value: number) => String(value).padStart(2, '0');
const localDate = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The period of `days` days ending today, in the browser's own days (the zone the API is sent). */
export function periodEndingToday(days: number, now: Date): { from: string; to: string } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { from: localDate(from), to: localDate(now) };
}
