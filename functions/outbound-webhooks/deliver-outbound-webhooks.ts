import { anyDomainEvent } from '../../shared/events/domain-event';
import { deliverEvent, subscriptionsTaking } from '../../shared/outbound-webhooks/outbound-deliveries';
import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';

/** A CRM event from the bus. A failed attempt is recorded, not thrown; only a store failure makes Lambda retry. */
export const handler = eventHandler({
  contract: anyDomainEvent,
  name: 'DeliverOutboundWebhooks',
  deps: outboundWebhookDepsFromEnv(),
  // most workspaces subscribe to few event types: an event nobody takes costs one read, no write, and
  // an event somebody takes is delivered to the subscriptions that read found
  concerns: async (detail, { deps, detailType }) => {
    const taking = await subscriptionsTaking(deps, detail.workspaceId, detailType);
    return taking.length > 0 ? taking : false;
  },
  handle: (detail, { deps, detailType, work }) => deliverEvent(deps, { detailType, detail }, work),
});
