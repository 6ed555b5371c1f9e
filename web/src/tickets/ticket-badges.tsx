import { Badge } from '@mantine/core';
import type { TicketPriority, TicketStatus, TicketView } from '../../../shared/tickets/ticket';
import { dueState, priorityColors, priorityLabels, statusLabels } from './ticket-format';

export function PriorityBadge({ priority }: { priority: TicketPriority }) {
  return (
    <Badge color={priorityColors[priority]} variant="light" size="sm">
      {priorityLabels[priority]}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: TicketStatus }) {
  const color = status === 'open' ? 'blue' : status === 'pending' ? 'yellow' : 'green';
  return (
    <Badge color={color} variant="outline" size="sm">
      {statusLabels[status]}
    </Badge>
  );
}

/** The SLA as a badge: time left, overdue, or how the resolution went. */
export function SlaBadge({ ticket, now }: { ticket: TicketView; now: number }) {
  if (ticket.status === 'resolved')
    return (
      <Badge color={ticket.slaBreached ? 'red' : 'green'} variant="light" size="sm">
        {ticket.slaBreached ? 'Resolved late' : 'Resolved in time'}
      </Badge>
    );
  const due = dueState(ticket.slaDueAt, now);
  return (
    <Badge color={due.overdue ? 'red' : 'teal'} variant={due.overdue ? 'filled' : 'light'} size="sm">
      {due.text}
    </Badge>
  );
}
