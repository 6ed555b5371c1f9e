import { anyDomainEvent } from '../../shared/events/domain-event';
import { deliverEvent } from '../../shared/outbound-webhooks/outbound-deliveries';
import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';

/** A CRM event from the bus. A failed attempt is recorded, not thrown; only a store failure makes Lambda retry. */
export const handler = eventHandler({
  contract: anyDomainEvent,
  name: 'DeliverOutboundWebhooks',
  deps: outboundWebhookDepsFromEnv(),
  handle: (detail, { deps, detailType }) => deliverEvent(deps, { detailType, detail }),
});
