import type { OrderData } from '../../shared/orders/order';

/** A shop's order of one espresso (24.90 EUR), as a webhook parser hands it to `recordOrder`. */
export const espressoOrder = (externalId: string, placedAt: string): OrderData => ({
  externalId,
  number: `#${externalId}`,
  placedAt,
  currency: 'EUR',
  total: '24.90',
  lineItems: [{ name: 'Espresso', quantity: 1, total: '24.90' }],
  lineItemCount: 1,
});
