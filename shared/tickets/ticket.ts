import * as z from 'zod/mini';
import { singleLine } from '../platform/single-line-text';
import { listQueryShape, RecordId, recordMeta } from '../records/record-fields';
import { memberIdPattern } from '../team/active-member-check';

/**
 * Support tickets: a contact's request (subject, description) that the team works through
 * open → pending → resolved, with SLA due times from the workspace's per-priority policy (docs/tickets.md).
 */
export const ticketPriorities = ['urgent', 'high', 'normal', 'low'] as const;
export const TicketPriority = z.enum(ticketPriorities);
export type TicketPriority = z.output<typeof TicketPriority>;

/** `open`: the team owes an answer; `pending`: answered, waiting on the customer; `resolved`: done. */
export const ticketStatuses = ['open', 'pending', 'resolved'] as const;
export const TicketStatus = z.enum(ticketStatuses);
export type TicketStatus = z.output<typeof TicketStatus>;

const subject = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Give the ticket a subject.'),
    z.maxLength(200, 'Keep the subject to 200 characters.'),
    singleLine(),
  );
const description = z
  .string()
  .check(z.trim(), z.maxLength(10_000, 'Keep the description to 10,000 characters.'));
/** A member id (the token subject): checked to be an active member in the write's transaction. */
export const AssigneeId = z.string().check(z.regex(memberIdPattern, 'Pick a member of the workspace.'));

export const TicketInput = z.strictObject({
  subject,
  description: z.optional(description),
  priority: z._default(TicketPriority, 'normal'),
  contactId: RecordId,
  assigneeId: z.optional(AssigneeId),
});
export type TicketInput = z.output<typeof TicketInput>;

/**
 * A change: a field that is sent is set, `null` clears the description (so does an empty one) or the assignee, a field left out
 * stays. A status change must be a legal transition (ticket-rules.ts); a priority change moves the SLA due.
 */
export const TicketPatch = z
  .strictObject({
    subject: z.optional(subject),
    description: z.optional(z.nullable(description)),
    priority: z.optional(TicketPriority),
    status: z.optional(TicketStatus),
    assigneeId: z.optional(z.nullable(AssigneeId)),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type TicketPatch = z.output<typeof TicketPatch>;

export const Ticket = z.object({
  ...recordMeta,
  subject: z.string(),
  description: z.optional(z.string()),
  status: TicketStatus,
  priority: TicketPriority,
  contactId: z.string(),
  /** The contact's name when the ticket was opened (a snapshot, so the queue is one Query). */
  contactName: z.optional(z.string()),
  assigneeId: z.optional(z.string()),
  /** The member who opened it. */
  openedBy: z.string(),
  openedAt: z.string(),
  /** When the first response is due (openedAt + the priority's first-response target). */
  firstResponseDueAt: z.string(),
  /** When the resolution is due (openedAt + the priority's resolution target): the queue's order. */
  slaDueAt: z.string(),
  /** The first time it left `open` (moved to pending): the team's first response. */
  firstRespondedAt: z.optional(z.string()),
  firstResponseSeconds: z.optional(z.int()),
  resolvedAt: z.optional(z.string()),
  resolutionSeconds: z.optional(z.int()),
  reopenedAt: z.optional(z.string()),
  reopenCount: z.optional(z.int()),
});
export type Ticket = z.output<typeof Ticket>;

/** A ticket as the API answers it: with its SLA state at the time of the answer. */
export const TicketView = z.extend(Ticket, {
  /** Resolved after its SLA due time, or still open or pending past it. */
  slaBreached: z.boolean(),
  /** Answered after its first-response due time, or still unanswered past it. */
  firstResponseBreached: z.boolean(),
});
export type TicketView = z.output<typeof TicketView>;

export const TicketPath = z.object({ ticketId: z.string() });

export const TicketQueueQuery = z.strictObject({
  limit: listQueryShape.limit,
  cursor: listQueryShape.cursor,
  /** `mine`: the tickets assigned to the caller; left out: the whole workspace's queue. */
  assignee: z.optional(z.enum(['mine'])),
  /** Only open or only pending tickets; left out: both. */
  status: z.optional(z.enum(['open', 'pending'])),
});
export type TicketQueueQuery = z.output<typeof TicketQueueQuery>;

export const TicketsPage = z.object({ items: z.array(TicketView), nextCursor: z.optional(z.string()) });
export type TicketsPage = z.output<typeof TicketsPage>;

export const ContactTicketsQuery = z.strictObject({
  limit: listQueryShape.limit,
  cursor: listQueryShape.cursor,
});
export type ContactTicketsQuery = z.output<typeof ContactTicketsQuery>;

/** This month's figures of the workspace (UTC month), and its open queue now. */
export const TicketStats = z.object({
  /** `yyyy-mm`, UTC. */
  month: z.string(),
  resolvedCount: z.int(),
  /** The average time from opening to resolution of the tickets resolved this month; absent when none. */
  averageResolutionSeconds: z.optional(z.int()),
  /** Tickets resolved this month after their SLA due time. */
  resolvedLateCount: z.int(),
  /** Open or pending tickets past their SLA due time now. */
  overdueOpenCount: z.int(),
  /** SLA breaches this month: resolved late this month plus open past due now. */
  slaBreaches: z.int(),
  firstResponseCount: z.int(),
  averageFirstResponseSeconds: z.optional(z.int()),
  firstResponsesLateCount: z.int(),
  /** Open and pending tickets now. */
  openCount: z.int(),
  /** The open ticket whose SLA is due soonest. */
  nextDue: z.optional(z.object({ ticketId: z.string(), slaDueAt: z.string() })),
});
export type TicketStats = z.output<typeof TicketStats>;

/** Targets in minutes: at least one minute, at most a year. */
const targetMinutes = z
  .int('Give a whole number of minutes.')
  .check(z.gte(1, 'Give at least one minute.'), z.lte(525_600, 'Keep a target to a year at most.'));

export const SlaTarget = z
  .strictObject({ firstResponseMinutes: targetMinutes, resolutionMinutes: targetMinutes })
  .check(
    z.refine((target) => target.firstResponseMinutes <= target.resolutionMinutes, {
      message: 'The first response cannot be due after the resolution.',
      path: ['firstResponseMinutes'],
    }),
  );
export type SlaTarget = z.output<typeof SlaTarget>;

/** The workspace's SLA policy: a first-response and a resolution target per priority. */
export const TicketSlaPolicy = z.strictObject({
  urgent: SlaTarget,
  high: SlaTarget,
  normal: SlaTarget,
  low: SlaTarget,
});
export type TicketSlaPolicy = z.output<typeof TicketSlaPolicy>;

export const TicketSlaSettings = z.object({
  ...TicketSlaPolicy.shape,
  /** Absent while the workspace uses the defaults. */
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
});
export type TicketSlaSettings = z.output<typeof TicketSlaSettings>;

/** A new workspace's policy: urgent 1 h / 4 h, high 4 h / 1 day, normal 8 h / 3 days, low 1 day / 5 days. */
export const defaultSlaPolicy: TicketSlaPolicy = {
  urgent: { firstResponseMinutes: 60, resolutionMinutes: 4 * 60 },
  high: { firstResponseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
  normal: { firstResponseMinutes: 8 * 60, resolutionMinutes: 3 * 24 * 60 },
  low: { firstResponseMinutes: 24 * 60, resolutionMinutes: 5 * 24 * 60 },
};
