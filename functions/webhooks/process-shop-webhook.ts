import type { EventBridgeEvent } from 'aws-lambda';
import { depsFromEnv } from '../../shared/platform/deps';
import { processShopDelivery } from '../../shared/shops/process-shop-delivery';
import { archiveFromEnv } from '../../shared/webhooks/archive';
import { WebhookReceived } from '../../shared/webhooks/webhook-events';

const deps = { ...depsFromEnv(), archive: archiveFromEnv() };

/** webhook.received of a shop source (its capability's rule): a throw makes Lambda retry, then dead-letter. */
export const handler = async (event: EventBridgeEvent<string, unknown>): Promise<void> => {
  await processShopDelivery(deps, WebhookReceived.detail.parse(event.detail));
};
