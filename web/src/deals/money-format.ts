import type { MoneyTotal } from '../../../shared/deals/money';

const formats = new Map<string, Intl.NumberFormat>();

function formatFor(currency: string): Intl.NumberFormat {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    formats.set(currency, format);
  }
  return format;
}

/**
 * An amount in its currency ("€1,250.50"). Intl formats the decimal string itself, so the digits shown are
 * the stored ones, never a float's approximation; a weighted sum with more decimals is rounded for display.
 */
export function formatMoney(amount: string, currency: string): string {
  try {
    return formatFor(currency).format(amount as Intl.StringNumericLiteral);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Totals in several currencies, one after the other ("€1,200.00 · $300.00"); none is "—". */
export function formatTotals(totals: readonly MoneyTotal[]): string {
  return totals.length === 0
    ? '—'
    : totals.map((total) => formatMoney(total.amount, total.currency)).join(' · ');
}
