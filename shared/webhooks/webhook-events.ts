import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';

/**
 * A delivery passed intake (archived, verified, well formed, not seen before). The processor of its
 * `source` loads the archived body by `archiveKey`; the payload itself never travels on the bus.
 */
export const WebhookReceived = defineEvent('webhook.received', 1, {
  inboxId: z.string(),
  /** `shopify`, `woocommerce`, `shop` (and the sources of other intakes, such as forms). */
  source: z.string(),
  /** The id in the webhook URL: a shop connection id (`<workspaceId>.<ulid>`). */
  connectionId: z.string(),
  /** The provider's id of the delivery (what makes a redelivery a duplicate). */
  deliveryId: z.string(),
  topic: z.string(),
  archiveKey: z.string(),
});
export type WebhookReceivedDetail = z.output<typeof WebhookReceived.detail>;
