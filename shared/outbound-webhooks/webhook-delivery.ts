import * as z from 'zod/mini';
import { coercedNumber } from '../platform/coerced-number';

/**
 * One event sent to one subscription, with every attempt. `pending`: waiting for its first attempt or a
 * retry (`nextAttemptAt`); `delivered`: a 2xx came back; `failed`: no 2xx after the last attempt;
 * `cancelled`: its subscription was disabled or deleted before it could be delivered.
 */
export const deliveryStatuses = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** What started an attempt: the event itself, the retry schedule, or an admin (redeliver, test). */
export const attemptTriggers = ['event', 'retry', 'manual'] as const;
export type AttemptTrigger = (typeof attemptTriggers)[number];

export const DeliveryAttempt = z.object({
  at: z.string(),
  trigger: z.enum(attemptTriggers),
  /** The receiver's HTTP status; absent when no response came (timeout, refused connection). */
  statusCode: z.optional(z.int()),
  durationMs: z.int(),
  error: z.optional(z.string()),
});
export type DeliveryAttempt = z.output<typeof DeliveryAttempt>;

/** What is POSTed: the same bytes on every attempt. `data` is the event's detail without the envelope fields. */
export const WebhookPayload = z.object({
  id: z.string(),
  type: z.string(),
  version: z.int(),
  occurredAt: z.string(),
  workspaceId: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookPayload = z.output<typeof WebhookPayload>;

export const WebhookDelivery = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(deliveryStatuses),
  /** All attempts made; `attempts` keeps the most recent ones (oldest first). */
  attemptCount: z.int(),
  attempts: z.array(DeliveryAttempt),
  nextAttemptAt: z.optional(z.string()),
  deliveredAt: z.optional(z.string()),
  payload: WebhookPayload,
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookDelivery = z.output<typeof WebhookDelivery>;

export const WebhookDeliveryPage = z.object({
  items: z.array(WebhookDelivery),
  nextCursor: z.optional(z.string()),
});

export const DeliveryListQuery = z.strictObject({
  status: z.optional(z.enum(deliveryStatuses)),
  limit: z._default(coercedNumber().check(z.int(), z.gte(1), z.lte(50)), 20),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});
export type DeliveryListQuery = z.output<typeof DeliveryListQuery>;

export const DeliveryPath = z.object({ deliveryId: z.string() });
