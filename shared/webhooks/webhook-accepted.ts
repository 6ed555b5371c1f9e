import * as z from 'zod/mini';

/** The answer to a webhook: 202 `accepted` (queued), 200 `duplicate` (seen before) or `ignored`. */
export const WebhookAccepted = z.object({
  status: z.enum(['accepted', 'duplicate', 'ignored']),
  /** The delivery in the inbox (GET /api/webhooks/inbox). */
  inboxId: z.optional(z.string()),
});
