import * as z from 'zod/mini';
import { listQueryShape } from '../records/record-fields';

/** Where a delivery is: queued for processing, done, or failed (with its last error, until replayed). */
export const InboxDeliveryStatus = z.enum(['received', 'processed', 'failed']);
export type InboxDeliveryStatus = z.output<typeof InboxDeliveryStatus>;

/** One entry of the delivery log (the inbox): what arrived, when, and what became of it. */
export const InboxDelivery = z.object({
  inboxId: z.string(),
  source: z.string(),
  connectionId: z.string(),
  deliveryId: z.string(),
  topic: z.string(),
  archiveKey: z.string(),
  status: InboxDeliveryStatus,
  /** Processing attempts so far (each retry and replay counts). */
  attempts: z.int(),
  lastError: z.optional(z.string()),
  replays: z.int(),
  receivedAt: z.string(),
  processedAt: z.optional(z.string()),
});
export type InboxDelivery = z.output<typeof InboxDelivery>;

export const InboxDeliveryQuery = z.strictObject({
  limit: listQueryShape.limit,
  cursor: listQueryShape.cursor,
  status: z.optional(InboxDeliveryStatus),
});
export type InboxDeliveryQuery = z.output<typeof InboxDeliveryQuery>;

export const InboxDeliveryPage = z.object({
  items: z.array(InboxDelivery),
  nextCursor: z.optional(z.string()),
});

export const InboxDeliveryPath = z.object({ inboxId: z.string() });

/** A replay takes no options; the empty object keeps the body strict. */
export const ReplayDeliveryRequest = z.strictObject({});
