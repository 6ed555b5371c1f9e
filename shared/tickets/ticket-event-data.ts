import type * as z from 'zod/mini';
import type { Ticket } from './ticket';
import type { TicketEventTicket } from './ticket-events';

/** The ticket as its events carry it (no description: the person's words stay in the CRM). */
export function ticketEventData(ticket: Ticket, actorId: string | undefined) {
  const carried: z.input<typeof TicketEventTicket> = {
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    contactId: ticket.contactId,
    ...(ticket.assigneeId ? { assigneeId: ticket.assigneeId } : {}),
    openedAt: ticket.openedAt,
    firstResponseDueAt: ticket.firstResponseDueAt,
    slaDueAt: ticket.slaDueAt,
    version: ticket.version,
  };
  return { ticket: carried, contactId: ticket.contactId, ...(actorId ? { actorId } : {}) };
}
