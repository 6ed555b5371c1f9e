import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconInbox, IconRefresh, IconRepeat } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { InboxDelivery, InboxDeliveryStatus } from '../../../shared/webhooks/inbox-delivery';
import { messageOf } from '../api/api-error';
import { formPage, forms } from '../forms/form-queries';
import { ListEmpty } from '../records/list-states';
import { PagedListStates } from '../records/paged-list-states';
import classes from '../records/record-list.module.css';
import { StatusFilter, useStatusFilter } from '../records/status-filter';
import { useCursorPages } from '../records/use-cursor-pages';
import { shopConnectionPage, shopConnections } from '../shops/shop-connection-queries';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { inboxListQuery, useReplayDelivery } from './inbox-queries';

const statusLabels: Record<InboxDeliveryStatus, string> = {
  received: 'Received',
  processed: 'Processed',
  failed: 'Failed',
};
const statusColors: Record<InboxDeliveryStatus, string> = {
  received: 'yellow',
  processed: 'teal',
  failed: 'red',
};
const statuses = Object.keys(statusLabels) as InboxDeliveryStatus[];

const sourceLabels: Record<string, string> = {
  shopify: 'Shopify',
  woocommerce: 'WooCommerce',
  shop: 'Shop',
  form: 'Form',
};

/** The form or shop a delivery came to, by name when it still exists. */
function useSenderNames(): Map<string, { name: string; to: string }> {
  const formList = useQuery(forms.listQuery());
  const shopList = useQuery(shopConnections.listQuery());
  const names = new Map<string, { name: string; to: string }>();
  for (const form of formList.data ?? []) names.set(form.id, { name: form.name, to: formPage(form.id) });
  for (const shop of shopList.data ?? []) {
    names.set(shop.id, { name: shop.name, to: shopConnectionPage(shop.id) });
  }
  return names;
}

function ReplayButton({ delivery }: { delivery: InboxDelivery }) {
  const toast = useToast();
  const replay = useReplayDelivery();
  return (
    <Stack gap={4} align="flex-start">
      <Button
        size="xs"
        variant="light"
        leftSection={<IconRepeat size={14} />}
        loading={replay.isPending}
        onClick={() => replay.mutate(delivery.inboxId, { onSuccess: () => toast('Delivery queued again') })}
      >
        Replay
      </Button>
      {replay.isError && (
        <Text size="xs" c="red" role="alert">
          {messageOf(replay.error)}
        </Text>
      )}
    </Stack>
  );
}

function InboxItem({
  delivery,
  sender,
}: {
  delivery: InboxDelivery;
  sender: { name: string; to: string } | undefined;
}) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap" miw={0}>
            <Badge variant="light" color={statusColors[delivery.status]}>
              {statusLabels[delivery.status]}
            </Badge>
            <Text size="sm" fw={600}>
              {sourceLabels[delivery.source] ?? delivery.source}
              {sender && (
                <>
                  {' · '}
                  <Anchor component={Link} to={sender.to} size="sm" fw={600}>
                    {sender.name}
                  </Anchor>
                </>
              )}
            </Text>
            <Text size="sm" ff="monospace" c="dimmed">
              {delivery.topic}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            <time dateTime={delivery.receivedAt}>{formatDateTime(delivery.receivedAt)}</time>
          </Text>
        </Group>
        {delivery.lastError && (
          <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
            {delivery.lastError}
          </Text>
        )}
        <Group justify="space-between" gap="xs" align="flex-end">
          <Text size="xs" c="dimmed">
            {delivery.attempts} {delivery.attempts === 1 ? 'attempt' : 'attempts'}
            {delivery.replays > 0 && ` · replayed ${delivery.replays}×`}
            {delivery.processedAt && ` · processed ${formatDateTime(delivery.processedAt)}`}
          </Text>
          {delivery.status === 'failed' && <ReplayButton delivery={delivery} />}
        </Group>
      </Stack>
    </Paper>
  );
}

/** Deliveries from shops and forms as they arrive and are processed; failed ones can be replayed. */
export function InboxPage() {
  const pages = useCursorPages();
  const [status, setStatus] = useStatusFilter(statuses);
  const senders = useSenderNames();
  const list = useQuery({
    ...inboxListQuery({ status, cursor: pages.cursor }),
    // processing takes a moment: while something is still queued, look again
    refetchInterval: (query) =>
      query.state.data?.items.some((delivery) => delivery.status === 'received') ? 2000 : false,
  });

  return (
    <Stack gap="lg" maw={1080}>
      <PageHeader
        title="Incoming webhooks"
        description="What your shops and forms sent, and what became of it."
        actions={
          <Tooltip label="Refresh" withArrow>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Refresh the list"
              loading={list.isFetching}
              onClick={() => list.refetch()}
            >
              <IconRefresh size={18} />
            </ActionIcon>
          </Tooltip>
        }
      />
      <StatusFilter label="Status" labels={statusLabels} value={status} onChange={setStatus} />
      <PagedListStates
        query={list}
        pages={pages}
        label="Incoming deliveries"
        skeletonRows={6}
        empty={
          <ListEmpty
            icon={<IconInbox />}
            title={status ? `No ${statusLabels[status].toLowerCase()} deliveries` : 'Nothing received yet'}
            description="Deliveries from your shop connections and form posts appear here."
          />
        }
      >
        {(page) => (
          <Stack gap="xs" component="ul" className={classes.list} aria-label="Incoming deliveries">
            {page.items.map((delivery) => (
              <li key={delivery.inboxId}>
                <InboxItem delivery={delivery} sender={senders.get(delivery.connectionId)} />
              </li>
            ))}
          </Stack>
        )}
      </PagedListStates>
    </Stack>
  );
}
