import * as z from 'zod/mini';
import { singleLine } from '../platform/single-line-text';

/**
 * Shop connection schemas: the settings API, the OpenAPI document and the web settings page use these.
 * No server code here: the web app may import this module.
 */
export const shopProviders = ['shopify', 'woocommerce', 'shop'] as const;
export const ShopProvider = z.enum(shopProviders);
export type ShopProvider = z.output<typeof ShopProvider>;

export const defaultAbandonAfterHours = 4;

/** The public address the shop posts to (the API's origin goes in front). */
export function webhookPathOf(provider: ShopProvider, connectionId: string): string {
  return `/api/webhooks/${provider}/${connectionId}`;
}

export const ShopSecret = z
  .string()
  .check(
    z.trim(),
    z.minLength(16, 'A secret has at least 16 characters.'),
    z.maxLength(256, 'A secret has at most 256 characters.'),
    z.regex(/^[\x21-\x7e]{16,256}$/, 'Use printable characters without spaces.'),
  );

const AbandonAfterHours = z
  .number()
  .check(
    z.int('Give a whole number of hours.'),
    z.gte(1, 'At least 1 hour.'),
    z.lte(168, 'At most 168 hours (a week).'),
  );

const ConnectionName = z
  .string()
  .check(z.trim(), z.minLength(1, 'Give the connection a name.'), z.maxLength(100), singleLine());

export const ShopConnectionInput = z
  .strictObject({
    provider: ShopProvider,
    name: ConnectionName,
    /** Shopify: the app's client secret (required). Others: generated when left out. */
    secret: z.optional(ShopSecret),
    /** A checkout not completed this many hours after its last change raises cart.abandoned. */
    abandonAfterHours: z.optional(AbandonAfterHours),
  })
  .check(
    z.refine((input) => input.provider !== 'shopify' || input.secret !== undefined, {
      message: 'Enter the client secret of your Shopify app: Shopify signs its webhooks with it.',
      path: ['secret'],
    }),
  );
export type ShopConnectionInput = z.output<typeof ShopConnectionInput>;

export const ShopConnectionPatch = z
  .strictObject({
    name: z.optional(ConnectionName),
    /** A new secret (Shopify: after rotating the app's secret); the previous one works for 24 hours. */
    secret: z.optional(ShopSecret),
    abandonAfterHours: z.optional(AbandonAfterHours),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type ShopConnectionPatch = z.output<typeof ShopConnectionPatch>;

export const ShopConnection = z.object({
  /** `<workspaceId>.<ulid>`: part of the webhook address. */
  id: z.string(),
  provider: ShopProvider,
  name: z.string(),
  abandonAfterHours: z.int(),
  webhookPath: z.string(),
  /** Only shown to admins. */
  secret: z.optional(z.string()),
  secretUpdatedAt: z.string(),
  /** Until then the secret before the last change is accepted too. */
  previousSecretValidUntil: z.optional(z.string()),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ShopConnection = z.output<typeof ShopConnection>;

export const ShopConnectionPath = z.object({ connectionId: z.string() });
export const ShopConnectionList = z.object({ items: z.array(ShopConnection) });
/** Rotating takes no options; the empty object keeps the body strict. */
export const RotateSecretRequest = z.strictObject({});
