import { Badge } from '@mantine/core';
import { allEventTypes } from '../../../shared/outbound-webhooks/webhook-event-types';
import type { WebhookSubscription } from '../../../shared/outbound-webhooks/webhook-subscription';
import { TagBadges } from '../records/tag-badges';

/** The host and path a subscription posts to: what tells two subscriptions apart at a glance. */
export function webhookTitle(subscription: WebhookSubscription): string {
  try {
    const url = new URL(subscription.url);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return subscription.url;
  }
}

export function ActiveBadge({ active }: { active: boolean }) {
  return (
    <Badge variant="light" color={active ? 'teal' : 'gray'}>
      {active ? 'Active' : 'Inactive'}
    </Badge>
  );
}

export function EventTypeBadges({ eventTypes, max = 3 }: { eventTypes: readonly string[]; max?: number }) {
  if (eventTypes.includes(allEventTypes)) {
    return (
      <Badge variant="outline" tt="none">
        All events
      </Badge>
    );
  }
  return <TagBadges tags={[...eventTypes]} max={max} />;
}
