import * as z from 'zod/mini';

/**
 * What an order leaves on its contact's timeline (written with the order, in its transaction): enough to
 * show it in a line; the order itself is read from the contact's orders.
 */
export const OrderTimelineEntry = z.object({
  id: z.string(),
  type: z.literal('order.placed'),
  contactId: z.string(),
  companyId: z.optional(z.string()),
  /** When the shop says it was placed. */
  occurredAt: z.string(),
  recordedAt: z.string(),
  orderId: z.string(),
  /** What the shop shows its customer (`#1042`). */
  number: z.optional(z.string()),
  total: z.string(),
  currency: z.string(),
  /** The shop connection and its provider (`shopify`, `woocommerce`, ...). */
  connectionId: z.string(),
  source: z.string(),
});
export type OrderTimelineEntry = z.output<typeof OrderTimelineEntry>;
