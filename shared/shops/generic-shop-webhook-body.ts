import * as z from 'zod/mini';
import { Amount, CurrencyCode, maxLineItems } from '../orders/order';

/** The body of the generic signed shop format (docs/webhooks.md); its own module, so the route contract needs no signing code. */

const Timestamp = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 timestamp with an offset.' });

export const GenericCustomer = z.object({
  email: z.string().check(z.trim(), z.maxLength(254)),
  firstName: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  lastName: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  phone: z.optional(z.string().check(z.trim(), z.maxLength(40))),
});

export const GenericLineItem = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  sku: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  productId: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  quantity: z.int().check(z.gte(0), z.lte(1_000_000)),
  unitPrice: z.optional(Amount),
  total: Amount,
});

export const GenericOrder = z.object({
  id: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  number: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  placedAt: Timestamp,
  currency: CurrencyCode,
  total: Amount,
  subtotal: z.optional(Amount),
  tax: z.optional(Amount),
  shipping: z.optional(Amount),
  discount: z.optional(Amount),
  status: z.optional(z.string().check(z.trim(), z.maxLength(50))),
  /** The checkout (cart) this order completes, as sent in `checkout.id`. */
  checkoutId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  lineItems: z.array(GenericLineItem).check(z.maxLength(maxLineItems)),
});

export const GenericCheckout = z.object({
  id: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  updatedAt: Timestamp,
  completedAt: z.optional(Timestamp),
  currency: CurrencyCode,
  total: Amount,
  recoveryUrl: z.optional(z.url().check(z.maxLength(2048))),
  lineItems: z.array(GenericLineItem).check(z.maxLength(maxLineItems)),
});

/**
 * The body of a generic shop webhook. `X-Seed-Topic` says which parts must be there: `order.created`
 * an `order`, `customer.created` a `customer`, `checkout.updated` a `checkout`; `customer` (with its email)
 * files the order or checkout under a contact. Unknown fields are ignored.
 */
export const GenericShopWebhook = z.object({
  customer: z.optional(GenericCustomer),
  order: z.optional(GenericOrder),
  checkout: z.optional(GenericCheckout),
});
export type GenericShopWebhook = z.output<typeof GenericShopWebhook>;
