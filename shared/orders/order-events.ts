import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';
import { Checkout, Order } from './order';

/** Events of the orders capability: what automations may react to. */
export const OrderPlaced = defineEvent('order.placed', 1, {
  order: Order,
  /** The contact the order was filed under (absent for an order without an email). */
  contactId: z.optional(z.string()),
});

/** A checkout stayed open past its connection's threshold; raised once per checkout. */
export const CartAbandoned = defineEvent('cart.abandoned', 1, {
  checkout: Checkout,
  contactId: z.optional(z.string()),
});
