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

/**
 * Timeline entries that deals leave on their primary contact's timeline (and their company's): created,
 * moved to another stage, won, lost. Written by the deals capability in the deal's transaction; a snapshot
 * of the deal at that moment.
 */
export const DealTimelineEntry = z.object({
  id: z.string(),
  type: z.enum(['deal.created', 'deal.stage_changed', 'deal.won', 'deal.lost']),
  contactId: z.optional(z.string()),
  companyId: z.optional(z.string()),
  occurredAt: z.string(),
  recordedAt: z.string(),
  dealId: z.string(),
  name: z.string(),
  amount: z.string(),
  currency: z.string(),
  pipelineId: z.string(),
  stageId: z.string(),
  /** The stage's name then (the stage entered; for won and lost, the stage it left). */
  stageName: z.string(),
  /** A move's stage left. */
  fromStageName: z.optional(z.string()),
  lostReason: z.optional(z.string()),
  /** The member who made the change. */
  actorId: z.optional(z.string()),
});
export type DealTimelineEntry = z.output<typeof DealTimelineEntry>;
