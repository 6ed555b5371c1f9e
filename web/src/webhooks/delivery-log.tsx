import { Accordion, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconHistory, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import {
  type AttemptTrigger,
  type DeliveryStatus,
  deliveryStatuses,
  type WebhookDelivery,
} from '../../../shared/outbound-webhooks/webhook-delivery';
import { messageOf } from '../api/api-error';
import { ListEmpty } from '../records/list-states';
import { PagedListStates } from '../records/paged-list-states';
import { StatusFilter, useStatusFilter } from '../records/status-filter';
import { useCursorPages } from '../records/use-cursor-pages';
import { formatDateTime } from '../ui/format';
import { type ToastTone, useToast } from '../ui/toaster';
import { deliveryListQuery, useRedeliver } from './webhook-subscription-queries';

export const deliveryStatusLabels: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const deliveryStatusColors: Record<DeliveryStatus, string> = {
  pending: 'yellow',
  delivered: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

const triggerLabels: Record<AttemptTrigger, string> = { event: 'Event', retry: 'Retry', manual: 'Manual' };

function Attempts({ delivery }: { delivery: WebhookDelivery }) {
  if (delivery.attempts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No attempt yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={6} fz="sm" aria-label="Attempts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Trigger</Table.Th>
            <Table.Th>Answer</Table.Th>
            <Table.Th>Took</Table.Th>
            <Table.Th>Error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...delivery.attempts].reverse().map((attempt) => (
            <Table.Tr key={attempt.at}>
              <Table.Td>{formatDateTime(attempt.at)}</Table.Td>
              <Table.Td>{triggerLabels[attempt.trigger]}</Table.Td>
              <Table.Td>
                {attempt.statusCode === undefined ? (
                  <Text size="sm" c="dimmed">
                    None
                  </Text>
                ) : (
                  <Badge
                    variant="light"
                    color={attempt.statusCode >= 200 && attempt.statusCode < 300 ? 'teal' : 'red'}
                  >
                    {attempt.statusCode}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{attempt.durationMs} ms</Table.Td>
              <Table.Td>
                <Text size="sm" c={attempt.error ? 'red' : 'dimmed'}>
                  {attempt.error ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeliveryPanel({ delivery, subscriptionId }: { delivery: WebhookDelivery; subscriptionId: string }) {
  const toast = useToast();
  const redeliver = useRedeliver(subscriptionId);
  return (
    <Stack gap="sm">
      <Attempts delivery={delivery} />
      <Text size="xs" c="dimmed">
        {delivery.attemptCount} {delivery.attemptCount === 1 ? 'attempt' : 'attempts'} in all
        {delivery.nextAttemptAt && ` · next attempt ${formatDateTime(delivery.nextAttemptAt)}`}
        {delivery.deliveredAt && ` · delivered ${formatDateTime(delivery.deliveredAt)}`} · delivery id{' '}
        {delivery.id}
      </Text>
      {redeliver.isError && (
        <Text size="sm" c="red" role="alert">
          {messageOf(redeliver.error)}
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconSend size={14} />}
          loading={redeliver.isPending}
          onClick={() =>
            redeliver.mutate(delivery.id, {
              onSuccess: (result) => toast(attemptOutcome('Redelivery', result), { tone: toneOf(result) }),
            })
          }
        >
          Redeliver
        </Button>
      </Group>
    </Stack>
  );
}

/** A manual attempt that did not deliver is said as a warning, not a success. */
export const toneOf = (delivery: WebhookDelivery): ToastTone =>
  delivery.status === 'delivered' ? 'success' : 'warning';

/** What a manual attempt came to, for its toast: "Test event delivered", "… not delivered: HTTP 500". */
export function attemptOutcome(what: string, delivery: WebhookDelivery): string {
  return delivery.status === 'delivered'
    ? `${what} delivered`
    : `${what} not delivered: ${lastAnswer(delivery)}`;
}

function lastAnswer(delivery: WebhookDelivery): string {
  const last = delivery.attempts.at(-1);
  if (!last) return 'not sent yet';
  return last.statusCode === undefined ? 'no answer' : `HTTP ${last.statusCode}`;
}

/** A subscription's deliveries, newest first, each opening onto its attempts; filter by status, page on. */
export function DeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const titleId = useId();
  const pages = useCursorPages();
  const [status, setStatus] = useStatusFilter(deliveryStatuses);
  const list = useQuery({
    ...deliveryListQuery(subscriptionId, { status, cursor: pages.cursor }),
    // retries run on their own schedule: while one is pending, look again now and then
    refetchInterval: (query) =>
      query.state.data?.items.some((delivery) => delivery.status === 'pending') ? 10_000 : false,
  });

  return (
    <Stack component="section" aria-labelledby={titleId} gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2} size="h4" id={titleId}>
          Delivery log
        </Title>
        <StatusFilter
          label="Delivery status"
          labels={deliveryStatusLabels}
          value={status}
          onChange={setStatus}
        />
      </Group>
      <PagedListStates
        query={list}
        pages={pages}
        label="Deliveries"
        empty={
          <ListEmpty
            icon={<IconHistory />}
            title={
              status ? `No ${deliveryStatusLabels[status].toLowerCase()} deliveries` : 'No deliveries yet'
            }
            description="Each event sent to this URL appears here with every attempt. Send a test event to try it."
          />
        }
      >
        {(page) => (
          <Accordion variant="separated" radius="md" chevronPosition="left">
            {page.items.map((delivery) => (
              <Accordion.Item key={delivery.id} value={delivery.id}>
                <Accordion.Control>
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Group gap="xs" wrap="nowrap" miw={0}>
                      <Badge variant="light" color={deliveryStatusColors[delivery.status]}>
                        {deliveryStatusLabels[delivery.status]}
                      </Badge>
                      <Text size="sm" fw={600} ff="monospace" truncate>
                        {delivery.eventType}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(delivery.createdAt)} · {lastAnswer(delivery)}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <DeliveryPanel delivery={delivery} subscriptionId={subscriptionId} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </PagedListStates>
    </Stack>
  );
}
