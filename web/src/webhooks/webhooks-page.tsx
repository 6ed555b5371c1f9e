import { Text } from '@mantine/core';
import { IconWebhook } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { outboundWebhooksRoutes } from '../../../shared/outbound-webhooks/outbound-webhooks-routes';
import type { WebhookSubscription } from '../../../shared/outbound-webhooks/webhook-subscription';
import { useCan } from '../auth/permissions';
import { type SettingsColumn, SettingsListPage } from '../records/settings-list';
import { formatDate } from '../ui/format';
import { ActiveBadge, EventTypeBadges, webhookTitle } from './webhook-subscription-parts';
import { webhookPage, webhookSubscriptions } from './webhook-subscription-queries';

const columns: SettingsColumn<WebhookSubscription>[] = [
  { header: 'Events', cell: (subscription) => <EventTypeBadges eventTypes={subscription.eventTypes} /> },
  { header: 'Status', cell: (subscription) => <ActiveBadge active={subscription.active} /> },
  {
    header: 'Created',
    cell: (subscription) => (
      <Text size="sm" c="dimmed">
        {formatDate(subscription.createdAt)}
      </Text>
    ),
  },
];

export function WebhooksPage() {
  const canCreate = useCan(outboundWebhooksRoutes.CreateWebhookSubscription);
  return (
    <SettingsListPage
      title="Webhooks"
      description="Send CRM events to your own systems as they happen, signed and retried."
      query={useQuery(webhookSubscriptions.listQuery())}
      create={canCreate ? { label: 'New webhook', to: '/settings/webhooks/new' } : undefined}
      empty={{
        icon: <IconWebhook />,
        title: 'No webhooks yet',
        description: 'Subscribe a URL to events such as contact.created.',
        readOnlyDescription: 'An admin of your workspace can add them.',
      }}
      label="Webhooks"
      keyOf={(subscription) => subscription.id}
      titleOf={webhookTitle}
      linkOf={(subscription) => webhookPage(subscription.id)}
      subtitleOf={(subscription) => subscription.description}
      columns={columns}
      minWidth={720}
    />
  );
}
