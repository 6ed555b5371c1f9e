import { formatMinorUnits, toMinorUnits } from './money';
import type { Order, PurchaseStats } from './order';

/**
 * The stored statistics: totals per currency in minor units, and a version for optimistic writes. A type, not
 * an interface, so that an item read from the store (attribute → unknown) may be taken for one.
 */
export type StoredPurchaseStats = {
  count: number;
  currency: string;
  totals: Record<string, number>;
  firstOrderAt: string;
  lastOrderAt: string;
  lastOrderId: string;
  version: number;
};

/** The statistics after one more order (orders may arrive out of order: first/last are min/max). */
export function addOrder(current: StoredPurchaseStats | undefined, order: Order): StoredPurchaseStats {
  const amount = toMinorUnits(order.total, order.currency);
  if (!current) {
    return {
      count: 1,
      currency: order.currency,
      totals: { [order.currency]: amount },
      firstOrderAt: order.placedAt,
      lastOrderAt: order.placedAt,
      lastOrderId: order.id,
      version: 1,
    };
  }
  const isLast = order.placedAt >= current.lastOrderAt;
  return {
    count: current.count + 1,
    currency: current.currency,
    totals: { ...current.totals, [order.currency]: (current.totals[order.currency] ?? 0) + amount },
    firstOrderAt: order.placedAt < current.firstOrderAt ? order.placedAt : current.firstOrderAt,
    lastOrderAt: isLast ? order.placedAt : current.lastOrderAt,
    lastOrderId: isLast ? order.id : current.lastOrderId,
    version: current.version + 1,
  };
}

export function presentStats(stored: StoredPurchaseStats): PurchaseStats {
  const others = Object.entries(stored.totals).filter(([currency]) => currency !== stored.currency);
  return {
    count: stored.count,
    currency: stored.currency,
    total: formatMinorUnits(stored.totals[stored.currency] ?? 0, stored.currency),
    ...(others.length
      ? {
          otherTotals: Object.fromEntries(
            others.map(([currency, minor]) => [currency, formatMinorUnits(minor, currency)]),
          ),
        }
      : {}),
    firstOrderAt: stored.firstOrderAt,
    lastOrderAt: stored.lastOrderAt,
    lastOrderId: stored.lastOrderId,
  };
}
