import { depsFromEnv } from '../../shared/platform/deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';
import { processShopDelivery } from '../../shared/shops/process-shop-delivery';
import { archiveFromEnv } from '../../shared/webhooks/archive';
import { WebhookReceived } from '../../shared/webhooks/webhook-events';

/** webhook.received of a shop source (its capability's rule): a throw makes Lambda retry, then dead-letter. */
export const handler = eventHandler({
  contract: WebhookReceived,
  name: 'ProcessShopWebhook',
  deps: { ...depsFromEnv(), archive: archiveFromEnv() },
  handle: (detail, { deps }) => processShopDelivery(deps, detail),
});
