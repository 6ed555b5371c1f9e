import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconShoppingBag } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { Order, PurchaseStats } from '../../../shared/orders/order';
import { ListEmpty } from '../records/list-states';
import { PagedListStates } from '../records/paged-list-states';
import classes from '../records/record-list.module.css';
import { useCursorPages } from '../records/use-cursor-pages';
import { formatDate, formatDateTime } from '../ui/format';
import { formatMoney, lineItemSummary } from './order-format';
import { contactOrdersQuery } from './order-queries';

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={{ base: 'lg', sm: 'xl' }} fw={700} mt={4}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

function PurchaseStatistics({ stats }: { stats: PurchaseStats }) {
  const others = Object.entries(stats.otherTotals ?? {}).map(([currency, total]) =>
    formatMoney(total, currency),
  );
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      <Stat label="Orders" value={stats.count.toLocaleString()} />
      <Stat
        label="Total spent"
        value={formatMoney(stats.total, stats.currency)}
        detail={others.length > 0 ? `and ${others.join(', ')}` : undefined}
      />
      <Stat label="First order" value={formatDate(stats.firstOrderAt)} />
      <Stat label="Last order" value={formatDate(stats.lastOrderAt)} />
    </SimpleGrid>
  );
}

/** What an order or cart holds: a line per item kept, and how many more the shop sent. */
export function LineItems({ order }: { order: Pick<Order, 'lineItems' | 'lineItemCount'> }) {
  const { lines, more } = lineItemSummary(order.lineItems, order.lineItemCount);
  return (
    <Stack gap={0}>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: line items have no id of their own
        <Text key={index} size="sm" lineClamp={1}>
          {line}
        </Text>
      ))}
      {more > 0 && (
        <Text size="xs" c="dimmed">
          and {more} more
        </Text>
      )}
    </Stack>
  );
}

const orderName = (order: Order) => order.number ?? `#${order.externalId}`;

function StatusBadge({ status }: { status: string | undefined }) {
  if (!status) return null;
  return (
    <Badge variant="light" color="gray" tt="none">
      {status}
    </Badge>
  );
}

function OrderTable({ orders }: { orders: Order[] }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Orders">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Order</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Items</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.map((order) => (
              <Table.Tr key={order.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {orderName(order)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    <time dateTime={order.placedAt}>{formatDateTime(order.placedAt)}</time>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={order.status} />
                </Table.Td>
                <Table.Td>
                  <LineItems order={order} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" fw={600}>
                    {formatMoney(order.total, order.currency)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function OrderCards({ orders }: { orders: Order[] }) {
  return (
    <Stack gap="xs" component="ul" className={classes.list} aria-label="Orders">
      {orders.map((order) => (
        <li key={order.id}>
          <Paper withBorder radius="md" p="sm">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{orderName(order)}</Text>
                <Text fw={600}>{formatMoney(order.total, order.currency)}</Text>
              </Group>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  <time dateTime={order.placedAt}>{formatDateTime(order.placedAt)}</time>
                </Text>
                <StatusBadge status={order.status} />
              </Group>
              <LineItems order={order} />
            </Stack>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}

/** What a contact bought: the statistics, then the orders newest first, a page at a time. */
export function ContactOrders({ contactId }: { contactId: string }) {
  const titleId = useId();
  const pages = useCursorPages();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const list = useQuery(contactOrdersQuery(contactId, { cursor: pages.cursor }));

  return (
    <Stack component="section" aria-labelledby={titleId} gap="md">
      <Title order={2} size="h4" id={titleId}>
        Orders
      </Title>
      <PagedListStates
        query={list}
        pages={pages}
        label="Orders"
        skeletonRows={2}
        isEmpty={(page) => page.items.length === 0 && !page.purchases}
        empty={
          <ListEmpty
            icon={<IconShoppingBag />}
            title="No orders yet"
            description="Orders from your connected shops appear here with what was bought."
          />
        }
      >
        {(page) => (
          <Stack gap="md">
            {page.purchases && <PurchaseStatistics stats={page.purchases} />}
            {isPhone ? <OrderCards orders={page.items} /> : <OrderTable orders={page.items} />}
          </Stack>
        )}
      </PagedListStates>
    </Stack>
  );
}
