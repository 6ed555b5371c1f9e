/** The error codes of outbound-webhooks and what a user is told. */
export const outboundWebhooksErrors = {
  'subscription.not_found': 'This webhook subscription does not exist.',
  'subscription.version_conflict': 'Someone else changed this webhook subscription. Reload it and try again.',
  'subscription.limit_reached': 'A workspace can have at most 20 webhook subscriptions. Delete one first.',
  'delivery.not_found': 'This webhook delivery does not exist.',
  'delivery.in_progress': 'This delivery is being sent right now. Try again in a minute.',
} as const satisfies Record<string, string>;
