import * as z from 'zod/mini';

/**
 * Timeline entries that work items leave on their contact's timeline (written by the tickets capability
 * with `timelineEntryPut`; read by the timeline as part of its entry union). A snapshot of the ticket as it
 * was at that moment: the ticket itself says how it is now.
 */
export const TicketTimelineEntry = z.object({
  id: z.string(),
  type: z.enum(['ticket.opened', 'ticket.resolved', 'ticket.reopened']),
  contactId: z.string(),
  companyId: z.optional(z.string()),
  occurredAt: z.string(),
  recordedAt: z.string(),
  ticketId: z.string(),
  subject: z.string(),
  priority: z.string(),
  status: z.string(),
  /** The member who opened, resolved or reopened it. */
  actorId: z.optional(z.string()),
});
export type TicketTimelineEntry = z.output<typeof TicketTimelineEntry>;
