import { businessEventTypes } from '../events/business-event-types';
import type { EventPattern } from '../events/event-pattern';

/**
 * The CRM events a subscription may name: every business event of the catalog, by name. `*` subscribes
 * to every CRM event, including types added later.
 */
export const webhookEventTypes = businessEventTypes;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export const allEventTypes = '*';

/**
 * Plumbing, not business events: inbound webhooks (`webhook.received`) and our own test pings. They are
 * never forwarded, so a receiver cannot be fed its own deliveries back.
 */
export const internalEventTypePrefix = 'webhook.';

/** The detail-type of the event `POST /api/settings/webhooks/{id}/test` sends. */
export const testEventType = 'webhook.test';

/** The delivery function's rule: every CRM event except the plumbing above. */
export const deliverableEventPattern = {
  source: ['crm'],
  'detail-type': [{ 'anything-but': { prefix: internalEventTypePrefix } }],
} as const satisfies EventPattern;

export function isInternalEventType(type: string): boolean {
  return type.startsWith(internalEventTypePrefix);
}

/** Whether a subscription's event types take an event of `type`. */
export function subscribesTo(eventTypes: readonly string[], type: string): boolean {
  if (isInternalEventType(type)) return false;
  return eventTypes.includes(allEventTypes) || eventTypes.includes(type);
}
