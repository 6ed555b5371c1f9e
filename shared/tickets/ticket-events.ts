import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';
import { TicketPriority, TicketStatus } from './ticket';

/** The ticket as its events carry it: what automations and webhooks need, without the description. */
export const TicketEventTicket = z.object({
  id: z.string(),
  subject: z.string(),
  status: TicketStatus,
  priority: TicketPriority,
  contactId: z.string(),
  assigneeId: z.optional(z.string()),
  openedAt: z.string(),
  firstResponseDueAt: z.string(),
  slaDueAt: z.string(),
  version: z.int(),
});

const about = {
  ticket: TicketEventTicket,
  /** The ticket's contact (the outbox item and deliveries are filed under it, and erased with it). */
  contactId: z.string(),
  /** The member who made the change; absent when the CRM did it (a deactivated member's reassignment). */
  actorId: z.optional(z.string()),
};

/** A ticket was opened for a contact. */
export const TicketOpened = defineEvent('ticket.opened', 1, about);

/** A ticket was resolved: how long it took from opening, and whether that was past its SLA due time. */
export const TicketResolved = defineEvent('ticket.resolved', 1, {
  ...about,
  resolutionSeconds: z.int(),
  slaBreached: z.boolean(),
});

/** A resolved ticket was opened again. */
export const TicketReopened = defineEvent('ticket.reopened', 1, about);

/**
 * Any other change: subject, description, priority (and with it the SLA due), status open ↔ pending,
 * assignee (also when a deactivated member's tickets are handed over). `changes` names the fields.
 */
export const TicketUpdated = defineEvent('ticket.updated', 1, {
  ...about,
  changes: z.array(z.string()),
});
