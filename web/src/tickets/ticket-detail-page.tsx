import { Alert, Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type * as z from 'zod/mini';
import {
  type TicketPatch,
  type TicketPriority,
  type TicketStatus,
  type TicketView,
  ticketPriorities,
} from '../../../shared/tickets/ticket';
import { messageOf } from '../api/api-error';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { MemberPicker } from '../team/member-picker';
import { BackLink } from '../ui/back-link';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { PriorityBadge, SlaBadge, StatusBadge } from './ticket-badges';
import { formatDuration, priorityLabels } from './ticket-format';
import { ticketQuery, useUpdateTicket } from './ticket-queries';

/** The status moves a ticket offers, by its status (the API refuses any other with 409). */
const moves: Record<
  TicketStatus,
  Array<{ to: TicketStatus; label: string; toast: string; primary?: boolean }>
> = {
  open: [{ to: 'pending', label: 'Mark pending', toast: 'Marked pending', primary: true }],
  pending: [
    { to: 'resolved', label: 'Resolve', toast: 'Ticket resolved', primary: true },
    { to: 'open', label: 'Back to open', toast: 'Back to open' },
  ],
  resolved: [{ to: 'open', label: 'Reopen', toast: 'Ticket reopened', primary: true }],
};

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

function TicketTimes({ ticket }: { ticket: TicketView }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Times">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        <Fact label="Opened" value={formatDateTime(ticket.openedAt)} />
        <Fact
          label="First response due"
          value={`${formatDateTime(ticket.firstResponseDueAt)}${ticket.firstResponseBreached ? ' (missed)' : ''}`}
        />
        <Fact
          label="First response"
          value={
            ticket.firstResponseSeconds !== undefined
              ? `after ${formatDuration(ticket.firstResponseSeconds)}`
              : 'Not yet'
          }
        />
        <Fact label="Resolution due" value={formatDateTime(ticket.slaDueAt)} />
        <Fact
          label="Resolution"
          value={
            ticket.resolutionSeconds !== undefined
              ? `after ${formatDuration(ticket.resolutionSeconds)}`
              : 'Not yet'
          }
        />
        {ticket.reopenCount ? (
          <Fact
            label="Reopened"
            value={`${ticket.reopenCount}× · last ${formatDateTime(ticket.reopenedAt ?? '')}`}
          />
        ) : null}
      </SimpleGrid>
    </Paper>
  );
}

export function TicketDetailPage() {
  const { ticketId = '' } = useParams();
  const toast = useToast();
  const query = useQuery(ticketQuery(ticketId));
  const update = useUpdateTicket(ticketId);

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError)
    return (
      <DetailError error={query.error} what="ticket" backTo="/tickets" onRetry={() => query.refetch()} />
    );
  const ticket = query.data;
  const change = (patch: z.input<typeof TicketPatch>, done: string) =>
    update.mutate({ version: ticket.version, patch }, { onSuccess: () => toast(done) });

  return (
    <Stack gap="lg" maw={1080}>
      <BackLink to="/tickets">Tickets</BackLink>
      <PageHeader
        title={ticket.subject}
        description={
          <Group gap="xs" wrap="wrap">
            <StatusBadge status={ticket.status} />
            <PriorityBadge priority={ticket.priority} />
            <SlaBadge ticket={ticket} now={Date.now()} />
            <Anchor component={Link} to={`/contacts/${ticket.contactId}`} size="sm">
              {ticket.contactName ?? 'Contact'}
            </Anchor>
          </Group>
        }
        actions={
          <Group gap="sm" wrap="wrap">
            {moves[ticket.status].map((move) => (
              <Button
                key={move.to}
                variant={move.primary ? 'filled' : 'default'}
                loading={update.isPending && update.variables?.patch.status === move.to}
                disabled={update.isPending}
                onClick={() => change({ status: move.to }, move.toast)}
              >
                {move.label}
              </Button>
            ))}
          </Group>
        }
      />
      {update.isError && (
        <Alert color="red" title="Not saved">
          {messageOf(update.error)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" maw={560}>
        <Select
          label="Priority"
          description="Moves the SLA due times"
          allowDeselect={false}
          disabled={update.isPending}
          data={ticketPriorities.map((priority) => ({ value: priority, label: priorityLabels[priority] }))}
          value={ticket.priority}
          onChange={(next) =>
            next &&
            next !== ticket.priority &&
            change({ priority: next as TicketPriority }, 'Priority changed')
          }
        />
        <MemberPicker
          label="Assignee"
          offerMe
          placeholder="Unassigned"
          description="Who works on it"
          disabled={update.isPending}
          value={ticket.assigneeId ?? null}
          onChange={(next) =>
            (next ?? undefined) !== ticket.assigneeId &&
            change({ assigneeId: next }, next ? 'Ticket assigned' : 'Ticket unassigned')
          }
        />
      </SimpleGrid>
      <Paper withBorder radius="md" p="md" component="section" aria-label="Description">
        <Title order={2} size="h5" mb="xs">
          Description
        </Title>
        <Text
          size="sm"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          c={ticket.description ? undefined : 'dimmed'}
        >
          {ticket.description ?? 'No description.'}
        </Text>
      </Paper>
      <TicketTimes ticket={ticket} />
      <Text size="xs" c="dimmed">
        Opened {formatDateTime(ticket.openedAt)} · Updated {formatDateTime(ticket.updatedAt)} · Version{' '}
        {ticket.version}
      </Text>
    </Stack>
  );
}
