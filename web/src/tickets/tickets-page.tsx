import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconTicket } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TicketView } from '../../../shared/tickets/ticket';
import { ContactPicker } from '../contacts/contact-picker';
import { CursorPager } from '../records/cursor-pager';
import { ListEmpty, ListSkeleton, LoadError } from '../records/list-states';
import { StatusFilter, useStatusFilter } from '../records/status-filter';
import { useCursorPages } from '../records/use-cursor-pages';
import { useMemberNames } from '../team/member-name';
import { PageHeader } from '../ui/page-header';
import { NewTicketForm } from './new-ticket-form';
import { PriorityBadge, SlaBadge, StatusBadge } from './ticket-badges';
import { formatDuration } from './ticket-format';
import { ticketQueueQuery, ticketStatsQuery } from './ticket-queries';

const queueStatuses = ['open', 'pending'] as const;

function Figure({
  label,
  value,
  hint,
  alert,
}: {
  label: string;
  value: string;
  hint: string;
  alert?: boolean;
}) {
  return (
    <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.3}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={alert ? 'red' : undefined}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

/** This month's average resolution time, SLA breaches and the open queue's size. */
function TicketFigures() {
  const stats = useQuery(ticketStatsQuery());
  if (stats.isPending) return <ListSkeleton rows={1} />;
  if (stats.isError) return <LoadError error={stats.error} onRetry={() => stats.refetch()} />;
  const figures = stats.data;
  return (
    // three across even on a phone: the queue below is what an agent came for
    <SimpleGrid cols={3} spacing={{ base: 'xs', sm: 'sm' }} aria-label="This month">
      <Figure
        label="Average resolution"
        value={
          figures.averageResolutionSeconds !== undefined
            ? formatDuration(figures.averageResolutionSeconds)
            : '—'
        }
        hint={`${figures.resolvedCount} resolved this month`}
      />
      <Figure
        label="SLA breaches"
        value={String(figures.slaBreaches)}
        hint={`${figures.resolvedLateCount} resolved late · ${figures.overdueOpenCount} open past due`}
        alert={figures.slaBreaches > 0}
      />
      <Figure label="Open tickets" value={String(figures.openCount)} hint="Open and pending now" />
    </SimpleGrid>
  );
}

function TicketRow({ ticket, now, assigneeName }: { ticket: TicketView; now: number; assigneeName: string }) {
  return (
    <Paper withBorder radius="md" p="sm" component="li">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/tickets/${ticket.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {ticket.subject}
          </Anchor>
          <SlaBadge ticket={ticket} now={now} />
        </Group>
        <Group gap="xs" wrap="wrap">
          <PriorityBadge priority={ticket.priority} />
          <StatusBadge status={ticket.status} />
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={`/contacts/${ticket.contactId}`} size="sm" c="dimmed">
              {ticket.contactName ?? 'Contact'}
            </Anchor>
            {' · '}
            {assigneeName}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

/** "New ticket": pick the contact, then the ticket's form; the new ticket's page follows. */
function NewTicketButton() {
  const [opened, { open, close }] = useDisclosure(false);
  const [contactId, setContactId] = useState<string | null>(null);
  const navigate = useNavigate();
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open}>
        New ticket
      </Button>
      <Modal opened={opened} onClose={close} title="New ticket" centered size="lg">
        <Stack gap="md">
          <ContactPicker
            value={contactId}
            onChange={setContactId}
            required
            placeholder="Search contacts by name or email"
          />
          {contactId && (
            <NewTicketForm
              key={contactId}
              contactId={contactId}
              onDone={(ticketId) => {
                close();
                navigate(`/tickets/${ticketId}`);
              }}
            />
          )}
        </Stack>
      </Modal>
    </>
  );
}

export function TicketsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const assignee = searchParams.get('assignee') === 'mine' ? 'mine' : undefined;
  const [status, setStatus] = useStatusFilter(queueStatuses);
  const pages = useCursorPages();
  const query = useQuery(
    ticketQueueQuery({
      ...(assignee ? { assignee } : {}),
      ...(status ? { status } : {}),
      ...(pages.cursor ? { cursor: pages.cursor } : {}),
    }),
  );
  const memberName = useMemberNames();
  const now = Date.now();
  const setAssignee = (next: string) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (next === 'mine') params.set('assignee', 'mine');
        else params.delete('assignee');
        return params;
      },
      { replace: true },
    );
  return (
    <Stack gap="lg" maw={1080}>
      <PageHeader
        title="Tickets"
        description="Open and pending support tickets, the soonest SLA due first."
        actions={<NewTicketButton />}
      />
      <TicketFigures />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="Whose tickets"
          value={assignee ?? 'all'}
          onChange={setAssignee}
          data={[
            { value: 'all', label: 'All tickets' },
            { value: 'mine', label: 'Mine' },
          ]}
        />
        <StatusFilter
          label="Status"
          labels={{ open: 'Open', pending: 'Pending' }}
          value={status}
          onChange={setStatus}
        />
      </Group>
      {query.isPending ? (
        <ListSkeleton rows={4} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 && !pages.hasPrevious ? (
        <ListEmpty
          icon={<IconTicket />}
          title={assignee ? 'No open tickets for you' : 'No open tickets'}
          description="Open a ticket from a contact's page, or with New ticket."
        />
      ) : (
        <Stack gap="sm">
          <Stack component="ul" gap="xs" aria-label="Ticket queue" p={0} m={0} style={{ listStyle: 'none' }}>
            {query.data.items.map((ticket) => (
              <TicketRow
                key={ticket.id}
                ticket={ticket}
                now={now}
                assigneeName={
                  ticket.assigneeId ? (memberName(ticket.assigneeId) ?? 'A member') : 'Unassigned'
                }
              />
            ))}
          </Stack>
          <CursorPager
            pages={pages}
            nextCursor={query.data.nextCursor}
            loading={query.isFetching}
            label="Ticket queue"
          />
        </Stack>
      )}
    </Stack>
  );
}
