import { describe, expect, it } from 'vitest';
import { formatMinorUnits, normalizeAmount, toMinorUnits } from '../../shared/orders/money';
import type { Order } from '../../shared/orders/order';
import { addOrder, presentStats } from '../../shared/orders/purchase-stats';
import { abandonAfterOf } from '../../shared/orders/record-checkout';

const order = (id: string, placedAt: string, total: string, currency = 'EUR'): Order => ({
  id,
  externalId: id,
  connectionId: 'acme.01J9ZK3T5Q8W6N4M2P0R7S9V1X',
  source: 'shopify',
  placedAt,
  currency,
  total,
  lineItems: [],
  lineItemCount: 0,
  createdAt: placedAt,
});

describe('money', () => {
  it.each([
    ['89.70', 'EUR', 8970],
    ['0.1', 'EUR', 10],
    ['20.925', 'EUR', 2093],
    ['1200', 'JPY', 1200],
    ['1.2345', 'KWD', 1235],
    ['-4.005', 'USD', -401],
  ])('%s %s is %i minor units', (amount, currency, minor) => {
    expect(toMinorUnits(amount, currency)).toBe(minor);
  });

  it('writes amounts in the currency’s own decimals', () => {
    expect(formatMinorUnits(5, 'EUR')).toBe('0.05');
    expect(formatMinorUnits(1200, 'JPY')).toBe('1200');
    expect(normalizeAmount(20.925, 'EUR')).toBe('20.93');
    expect(normalizeAmount(0.1 + 0.2, 'USD')).toBe('0.30');
  });
});

describe('purchase statistics', () => {
  it('count, add up exactly and keep the first and last order, whatever order they arrive in', () => {
    let stats = addOrder(undefined, order('b', '2025-05-02T00:00:00.000Z', '0.10'));
    stats = addOrder(stats, order('c', '2025-05-03T00:00:00.000Z', '0.20'));
    stats = addOrder(stats, order('a', '2025-05-01T00:00:00.000Z', '89.70'));
    expect(presentStats(stats)).toEqual({
      count: 3,
      currency: 'EUR',
      total: '90.00',
      firstOrderAt: '2025-05-01T00:00:00.000Z',
      lastOrderAt: '2025-05-03T00:00:00.000Z',
      lastOrderId: 'c',
    });
    expect(stats.version).toBe(3);
  });

  it('keep orders in other currencies apart', () => {
    const stats = addOrder(
      addOrder(undefined, order('a', '2025-05-01T00:00:00.000Z', '10.00')),
      order('b', '2025-05-02T00:00:00.000Z', '500', 'JPY'),
    );
    expect(presentStats(stats)).toMatchObject({
      count: 2,
      currency: 'EUR',
      total: '10.00',
      otherTotals: { JPY: '500' },
    });
  });
});

describe('abandoned checkouts', () => {
  it('are due the connection’s hours after their last change', () => {
    expect(abandonAfterOf('2025-05-14T09:05:49.000Z', 4)).toBe('2025-05-14T13:05:49.000Z');
  });
});
