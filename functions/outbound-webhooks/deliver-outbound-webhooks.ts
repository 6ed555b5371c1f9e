import type { EventBridgeEvent } from 'aws-lambda';
import { deliverEvent } from '../../shared/outbound-webhooks/outbound-deliveries';
import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';

const deps = outboundWebhookDepsFromEnv();

/** A CRM event from the bus. A failed attempt is recorded, not thrown; only a store failure makes Lambda retry. */
export const handler = async (event: EventBridgeEvent<string, unknown>) =>
  deliverEvent(deps, { detailType: event['detail-type'], detail: event.detail });
