import * as z from 'zod/mini';

/** Field types Shopify and WooCommerce payloads share (their REST resources are alike in these). */

/** Ids are JSON integers (or strings in some payloads): kept as strings. */
export const ShopId = z.pipe(
  z.union([z.int().check(z.nonnegative()), z.string().check(z.trim(), z.minLength(1), z.maxLength(100))]),
  z.transform(String),
);

/** Money is a decimal string ("24.90"); a number is tolerated. */
export const ShopMoney = z.union([
  z.string().check(z.trim(), z.regex(/^-?\d{1,15}(?:\.\d{1,12})?$/)),
  z.number(),
]);

/** A text field the shop may leave out or send as null. */
export const ShopText = z.nullish(z.string());
