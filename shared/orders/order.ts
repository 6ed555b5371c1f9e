import * as z from 'zod/mini';
import { listQueryShape } from '../records/record-fields';

/**
 * Orders and checkouts as the CRM keeps them, whatever shop they came from: the providers' parsers
 * (shared/shops/) map their payloads onto these. Amounts are decimal strings in the order's currency.
 * No server code here: the web app may import this module.
 */
export const CurrencyCode = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{3}$/, 'Use an ISO 4217 currency code such as EUR.'));

export const Amount = z
  .string()
  .check(
    z.trim(),
    z.regex(/^-?\d{1,15}(?:\.\d{1,12})?$/, 'Write amounts as decimal strings, such as "24.90".'),
  );

export const LineItem = z.object({
  name: z.string(),
  sku: z.optional(z.string()),
  productId: z.optional(z.string()),
  quantity: z.int(),
  /** Price of one unit, as the shop shows it. */
  unitPrice: z.optional(Amount),
  /** What the line costs in all (after line discounts, where the shop says). */
  total: Amount,
});
export type LineItem = z.output<typeof LineItem>;

/** The most line items kept on an order or checkout (an item stays well under DynamoDB's 400 KB). */
export const maxLineItems = 250;

/** An order as a shop reports it, mapped to the CRM's fields. */
export const OrderData = z.object({
  /** The shop's id of the order: with the connection, what makes a redelivered order the same order. */
  externalId: z.string().check(z.minLength(1), z.maxLength(100)),
  /** What the shop shows its customer (`#1042`). */
  number: z.optional(z.string().check(z.maxLength(100))),
  /** When it was placed, in UTC. */
  placedAt: z.string(),
  currency: CurrencyCode,
  total: Amount,
  subtotal: z.optional(Amount),
  tax: z.optional(Amount),
  shipping: z.optional(Amount),
  discount: z.optional(Amount),
  status: z.optional(z.string().check(z.maxLength(50))),
  /** The checkout this order completed, if the shop says. */
  checkoutToken: z.optional(z.string().check(z.maxLength(200))),
  lineItems: z.array(LineItem),
  /** How many line items the shop sent (more than `lineItems` when it was over the limit). */
  lineItemCount: z.int(),
});
export type OrderData = z.output<typeof OrderData>;

export const Order = z.extend(OrderData, {
  id: z.string(),
  connectionId: z.string(),
  source: z.string(),
  contactId: z.optional(z.string()),
  email: z.optional(z.string()),
  createdAt: z.string(),
});
export type Order = z.output<typeof Order>;

/** What a contact bought, kept up to date with each new order (server-owned, never in a request body). */
export const PurchaseStats = z.object({
  count: z.int(),
  /** The currency of the contact's first recorded order, and the total of its orders in it. */
  currency: z.string(),
  total: Amount,
  /** Totals of orders in other currencies, when there are any. */
  otherTotals: z.optional(z.record(z.string(), Amount)),
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
  purchases: z.nullable(PurchaseStats),
  items: z.array(Order),
  nextCursor: z.optional(z.string()),
});
export type ContactOrdersPage = z.output<typeof ContactOrdersPage>;

/** A cart a shop reports, mapped to the CRM's fields. */
export const CheckoutData = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Its last change at the shop, in UTC: the abandonment clock starts here. */
  updatedAt: z.string(),
  /** Set when the shop says the checkout became an order. */
  completedAt: z.optional(z.string()),
  currency: CurrencyCode,
  total: Amount,
  /** Where the customer can pick the cart up again. */
  recoveryUrl: z.optional(z.string().check(z.maxLength(2048))),
  lineItems: z.array(LineItem),
  lineItemCount: z.int(),
});
export type CheckoutData = z.output<typeof CheckoutData>;

export const Checkout = z.extend(CheckoutData, {
  connectionId: z.string(),
  source: z.string(),
  email: z.optional(z.string()),
  contactId: z.optional(z.string()),
  abandonAfter: z.string(),
  abandonedAt: z.optional(z.string()),
});
export type Checkout = z.output<typeof Checkout>;

/** A cart the contact has not bought yet: open, or past its connection's threshold (abandoned). */
export const CartStatus = z.enum(['open', 'abandoned']);
export type CartStatus = z.output<typeof CartStatus>;

/** A checkout on the contact's page: completed ones are its orders and are not listed. */
export const ContactCheckout = z.extend(Checkout, {
  status: CartStatus,
  createdAt: z.optional(z.string()),
});
export type ContactCheckout = z.output<typeof ContactCheckout>;

export const ContactCheckoutsQuery = ContactOrdersQuery;
export type ContactCheckoutsQuery = z.output<typeof ContactCheckoutsQuery>;

export const ContactCheckoutsPage = z.object({
  items: z.array(ContactCheckout),
  nextCursor: z.optional(z.string()),
});
export type ContactCheckoutsPage = z.output<typeof ContactCheckoutsPage>;
