import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { CartStatus, ContactCheckout } from '../../../shared/orders/order';
import { PagedListStates } from '../records/paged-list-states';
import classes from '../records/record-list.module.css';
import { useCursorPages } from '../records/use-cursor-pages';
import { formatDateTime } from '../ui/format';
import { LineItems } from './contact-orders';
import { formatMoney, webLinkOf } from './order-format';
import { contactCheckoutsQuery } from './order-queries';

const statusLabels: Record<CartStatus, { label: string; color: string }> = {
  open: { label: 'Open', color: 'blue' },
  abandoned: { label: 'Abandoned', color: 'orange' },
};

function CartCard({ cart }: { cart: ContactCheckout }) {
  const status = statusLabels[cart.status];
  const recovery = webLinkOf(cart.recoveryUrl);
  return (
    <Paper withBorder radius="md" p="sm" h="100%">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Badge variant="light" color={status.color}>
            {status.label}
          </Badge>
          <Text fw={600}>{formatMoney(cart.total, cart.currency)}</Text>
        </Group>
        <LineItems order={cart} />
        <Text size="xs" c="dimmed">
          Last change <time dateTime={cart.updatedAt}>{formatDateTime(cart.updatedAt)}</time>
          {cart.abandonedAt && (
            <>
              {' · abandoned '}
              <time dateTime={cart.abandonedAt}>{formatDateTime(cart.abandonedAt)}</time>
            </>
          )}
        </Text>
        {recovery && (
          <Anchor href={recovery} target="_blank" rel="noopener noreferrer" size="sm">
            <Group gap={4} wrap="nowrap" component="span">
              Recovery link
              <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

/** Carts the contact left at a shop (open, or abandoned past the connection's threshold), newest first. */
export function ContactCarts({ contactId }: { contactId: string }) {
  const titleId = useId();
  const pages = useCursorPages();
  const list = useQuery(contactCheckoutsQuery(contactId, { cursor: pages.cursor }));

  return (
    <Stack component="section" aria-labelledby={titleId} gap="md">
      <Title order={2} size="h4" id={titleId}>
        Carts
      </Title>
      <PagedListStates
        query={list}
        pages={pages}
        label="Carts"
        skeletonRows={1}
        empty={
          <Text size="sm" c="dimmed">
            No open or abandoned carts.
          </Text>
        }
      >
        {(page) => (
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3 }}
            spacing="sm"
            component="ul"
            className={classes.list}
            aria-label="Carts"
          >
            {page.items.map((cart) => (
              <li key={`${cart.connectionId}/${cart.token}`}>
                <CartCard cart={cart} />
              </li>
            ))}
          </SimpleGrid>
        )}
      </PagedListStates>
    </Stack>
  );
}
