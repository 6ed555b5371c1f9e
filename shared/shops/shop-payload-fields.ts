import { z } from 'zod';

/** Field types Shopify and WooCommerce payloads share (their REST resources are alike in these). */

/** Ids are JSON integers (or strings in some payloads): kept as strings. */
export const ShopId = z
  .union([z.number().int().nonnegative(), z.string().trim().min(1).max(100)])
  .transform(String);

/** Money is a decimal string ("24.90"); a number is tolerated. */
export const ShopMoney = z.union([
  z
    .string()
    .trim()
    .regex(/^-?\d{1,15}(?:\.\d{1,12})?$/),
  z.number().finite(),
]);

/** A text field the shop may leave out or send as null. */
export const ShopText = z.string().nullish();
