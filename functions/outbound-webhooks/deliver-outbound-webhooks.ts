import { anyDomainEvent } from '../../shared/events/domain-event';
import { deliverEvent, hasSubscriptionTo } from '../../shared/outbound-webhooks/outbound-deliveries';
import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';

/** A CRM event from the bus. A failed attempt is recorded, not thrown; only a store failure makes Lambda retry. */
export const handler = eventHandler({
  contract: anyDomainEvent,
  name: 'DeliverOutboundWebhooks',
  deps: outboundWebhookDepsFromEnv(),
  // most workspaces subscribe to few event types: an event nobody takes costs one read, no write
  concerns: (detail, { deps, detailType }) => hasSubscriptionTo(deps, detail.workspaceId, detailType),
  handle: (detail, { deps, detailType }) => deliverEvent(deps, { detailType, detail }),
});
