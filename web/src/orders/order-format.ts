import type { LineItem } from '../../../shared/orders/order';

const formats = new Map<string, Intl.NumberFormat | null>();

function currencyFormat(currency: string, locale: string | undefined): Intl.NumberFormat | null {
  const key = `${locale ?? ''}|${currency}`;
  let format = formats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      format = null;
    }
    formats.set(key, format);
  }
  return format;
}

/**
 * A decimal amount as the API keeps it ("89.70") in its currency's notation: "€89.70", "¥1,200".
 * An amount or currency Intl cannot read is shown as it came, with its code.
 */
export function formatMoney(amount: string, currency: string, locale?: string): string {
  const value = Number(amount);
  const format = currencyFormat(currency, locale);
  if (!format || !Number.isFinite(value)) return `${amount} ${currency}`;
  return format.format(value);
}

/** "2 × Espresso" lines, and how many the shop sent beyond those kept. */
export function lineItemSummary(
  items: readonly Pick<LineItem, 'name' | 'quantity'>[],
  count: number,
): { lines: string[]; more: number } {
  return {
    lines: items.map((item) => `${item.quantity} × ${item.name}`),
    more: Math.max(0, count - items.length),
  };
}

/**
 * A link a shop sent (a cart's recovery URL) when it is a web address, else undefined: shops' payloads are
 * not ours, and a `javascript:` URL must never become a link.
 */
export function webLinkOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
