import * as z from 'zod/mini';
import { singleLine } from '../platform/single-line-text';
import { allEventTypes, webhookEventTypes } from './webhook-event-types';
import { maxWebhookUrlLength, webhookUrlProblem } from './webhook-url-policy';

/** At most this many subscriptions per workspace: every CRM event reads them all in one Query. */
export const maxSubscriptionsPerWorkspace = 20;

/**
 * A webhook URL as a form checks it: https, or http to loopback (allowed only where the server's policy
 * says so, see webhook-url-policy.ts), stored in its normalised form (`HTTPS://Ex.com` → `https://ex.com/`).
 * The server checks again with its own policy when it stores and when it sends.
 */
export const WebhookUrlText = z.string().check(
  z.maxLength(maxWebhookUrlLength),
  z.superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value.trim(), { allowLoopback: true });
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

export const WebhookUrl = z.pipe(
  // webhookUrlProblem parses with the WHATWG URL parser itself, so z.url (and its bytes) would only repeat it
  WebhookUrlText,
  z.transform((value) => new URL(value.trim()).href),
);

export const WebhookEventTypeName = z.enum([...webhookEventTypes, allEventTypes], {
  error: `Choose ${allEventTypes} or CRM event types such as ${webhookEventTypes[0]}.`,
});

/** Known event types or `*` (which stands alone: `['*', 'contact.created']` is stored as `['*']`). */
export const WebhookEventTypes = z.pipe(
  z
    .array(WebhookEventTypeName)
    .check(
      z.minLength(1, 'Choose at least one event type, or * for all.'),
      z.maxLength(webhookEventTypes.length + 1),
    ),
  z.transform((types) => (types.includes(allEventTypes) ? [allEventTypes] : [...new Set(types)])),
);

/** The subscription's name in settings: one line. */
const description = z
  .string()
  .check(z.trim(), z.maxLength(200, 'Keep the description to 200 characters.'), singleLine());

export const WebhookSubscriptionInput = z.strictObject({
  url: WebhookUrl,
  eventTypes: WebhookEventTypes,
  active: z._default(z.boolean(), true),
  description: z.optional(description),
});
export type WebhookSubscriptionInput = z.output<typeof WebhookSubscriptionInput>;

/** A change; `description: null` clears it. */
export const WebhookSubscriptionPatch = z
  .strictObject({
    url: z.optional(WebhookUrl),
    eventTypes: z.optional(WebhookEventTypes),
    active: z.optional(z.boolean()),
    description: z.optional(z.nullable(description)),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type WebhookSubscriptionPatch = z.output<typeof WebhookSubscriptionPatch>;

export const SubscriptionPath = z.object({ subscriptionId: z.string() });

/** The list and record routes take no options; unknown parameters are refused like everywhere else. */
export const WebhookSubscriptionQuery = z.strictObject({});

/** POST bodies of the action routes (rotate-secret, test, redeliver): nothing to say, `{}` or no body. */
export const EmptyActionBody = z._default(z.strictObject({}), {});

export const WebhookSubscription = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  description: z.optional(z.string()),
  /** `whsec_...`: in the answer to create and rotate-secret, and to admins reading one subscription. */
  secret: z.optional(z.string()),
  /** After a rotation, deliveries are signed with the previous secret too until then. */
  previousSecretExpiresAt: z.optional(z.string()),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookSubscription = z.output<typeof WebhookSubscription>;

export const WebhookSubscriptionList = z.object({ items: z.array(WebhookSubscription) });
