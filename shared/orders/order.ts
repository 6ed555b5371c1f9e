import { z } from 'zod';
import { listQueryShape } from '../records/record-fields';

/**
 * Orders and checkouts as the CRM keeps them, whatever shop they came from: the providers' parsers
 * (shared/shops/) map their payloads onto these. Amounts are decimal strings in the order's currency.
 * No server code here: the web app may import this module.
 */
export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use an ISO 4217 currency code such as EUR.');

export const Amount = z
  .string()
  .trim()
  .regex(/^-?\d{1,15}(?:\.\d{1,12})?$/, 'Write amounts as decimal strings, such as "24.90".');

export const LineItem = z.object({
  name: z.string(),
  sku: z.string().optional(),
  productId: z.string().optional(),
  quantity: z.number().int(),
  /** Price of one unit, as the shop shows it. */
  unitPrice: Amount.optional(),
  /** What the line costs in all (after line discounts, where the shop says). */
  total: Amount,
});
export type LineItem = z.output<typeof LineItem>;

/** The most line items kept on an order or checkout (an item stays well under DynamoDB's 400 KB). */
export const maxLineItems = 250;

/** An order as a shop reports it, mapped to the CRM's fields. */
export const OrderData = z.object({
  /** The shop's id of the order: with the connection, what makes a redelivered order the same order. */
  externalId: z.string().min(1).max(100),
  /** What the shop shows its customer (`#1042`). */
  number: z.string().max(100).optional(),
  /** When it was placed, in UTC. */
  placedAt: z.string(),
  currency: CurrencyCode,
  total: Amount,
  subtotal: Amount.optional(),
  tax: Amount.optional(),
  shipping: Amount.optional(),
  discount: Amount.optional(),
  status: z.string().max(50).optional(),
  /** The checkout this order completed, if the shop says. */
  checkoutToken: z.string().max(200).optional(),
  lineItems: z.array(LineItem),
  /** How many line items the shop sent (more than `lineItems` when it was over the limit). */
  lineItemCount: z.number().int(),
});
export type OrderData = z.output<typeof OrderData>;

export const Order = OrderData.extend({
  id: z.string(),
  connectionId: z.string(),
  source: z.string(),
  contactId: z.string().optional(),
  email: z.string().optional(),
  createdAt: z.string(),
});
export type Order = z.output<typeof Order>;

/** What a contact bought, kept up to date with each new order (server-owned, never in a request body). */
export const PurchaseStats = z.object({
  count: z.number().int(),
  /** The currency of the contact's first recorded order, and the total of its orders in it. */
  currency: z.string(),
  total: Amount,
  /** Totals of orders in other currencies, when there are any. */
  otherTotals: z.record(z.string(), Amount).optional(),
  firstOrderAt: z.string(),
  lastOrderAt: z.string(),
  lastOrderId: z.string(),
});
export type PurchaseStats = z.output<typeof PurchaseStats>;

export const ContactOrdersQuery = z.strictObject({
  limit: listQueryShape.limit,
  cursor: listQueryShape.cursor,
});
export type ContactOrdersQuery = z.output<typeof ContactOrdersQuery>;

export const ContactOrdersPage = z.object({
  /** Null until the contact's first order. */
  purchases: PurchaseStats.nullable(),
  items: z.array(Order),
  nextCursor: z.string().optional(),
});
export type ContactOrdersPage = z.output<typeof ContactOrdersPage>;

/** A cart a shop reports, mapped to the CRM's fields. */
export const CheckoutData = z.object({
  token: z.string().min(1).max(200),
  /** Its last change at the shop, in UTC: the abandonment clock starts here. */
  updatedAt: z.string(),
  /** Set when the shop says the checkout became an order. */
  completedAt: z.string().optional(),
  currency: CurrencyCode,
  total: Amount,
  /** Where the customer can pick the cart up again. */
  recoveryUrl: z.string().max(2048).optional(),
  lineItems: z.array(LineItem),
  lineItemCount: z.number().int(),
});
export type CheckoutData = z.output<typeof CheckoutData>;

export const Checkout = CheckoutData.extend({
  connectionId: z.string(),
  source: z.string(),
  email: z.string().optional(),
  contactId: z.string().optional(),
  abandonAfter: z.string(),
  abandonedAt: z.string().optional(),
});
export type Checkout = z.output<typeof Checkout>;
