import type {
  Ticket,
  TicketPatch,
  TicketPriority,
  TicketSlaPolicy,
  TicketStats,
  TicketStatus,
  TicketView,
} from './ticket';

/**
 * The ticket's rules as pure functions of their inputs (times are ISO strings, `now` is passed in): SLA due
 * times, breaches, durations, status transitions and the month's figures. docs/tickets.md states them;
 * test/unit/ticket-rules.unit.test.ts checks them on hand-computed fixtures.
 */

const minuteMs = 60_000;

export function addMinutes(time: string, minutes: number): string {
  return new Date(Date.parse(time) + minutes * minuteMs).toISOString();
}

/** Whole seconds from `from` to `to` (never negative). */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 1000));
}

/** The due times of a ticket opened at `openedAt` with `priority`: the SLA clock runs from the opening. */
export function slaDueTimes(openedAt: string, priority: TicketPriority, policy: TicketSlaPolicy) {
  const target = policy[priority];
  return {
    firstResponseDueAt: addMinutes(openedAt, target.firstResponseMinutes),
    slaDueAt: addMinutes(openedAt, target.resolutionMinutes),
  };
}

/** The legal moves: open → pending → resolved, pending → open, resolved → open (a reopen). */
const transitions: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['pending'],
  pending: ['resolved', 'open'],
  resolved: ['open'],
};

export function isLegalTransition(from: TicketStatus, to: TicketStatus): boolean {
  return transitions[from].includes(to);
}

/** Resolved after its due time, or not resolved and past it at `now`. */
export function isSlaBreached(ticket: Pick<Ticket, 'slaDueAt' | 'resolvedAt'>, now: string): boolean {
  return (ticket.resolvedAt ?? now) > ticket.slaDueAt;
}

/** First answered after its due time, or not answered yet and past it at `now`. */
export function isFirstResponseBreached(
  ticket: Pick<Ticket, 'firstResponseDueAt' | 'firstRespondedAt'>,
  now: string,
): boolean {
  return (ticket.firstRespondedAt ?? now) > ticket.firstResponseDueAt;
}

export function ticketView(ticket: Ticket, now: string): TicketView {
  return {
    ...ticket,
    slaBreached: isSlaBreached(ticket, now),
    firstResponseBreached: isFirstResponseBreached(ticket, now),
  };
}

/** The UTC month of a time: `2026-12`. */
export function monthOf(time: string): string {
  return time.slice(0, 7);
}

/** What a change did besides setting fields: each one writes a timeline entry, an event or figures. */
export interface TicketChangeEffects {
  /** The first time the ticket left `open`: its first response. */
  firstResponse: boolean;
  resolved: boolean;
  reopened: boolean;
  /** The SLA due time moved (a new priority): the queue keys move with it. */
  dueChanged: boolean;
  /** The names of the fields the change set to another value. */
  changed: string[];
}

export type TicketChangeResult =
  | { ok: true; next: Ticket; effects: TicketChangeEffects }
  | { ok: false; reason: 'illegal_transition' };

/**
 * The ticket after `patch` at `now`: the fields it sets, the version and update time moved on, and what the
 * status change means (first response, resolution, reopen). A priority change recomputes both due times
 * from the opening with the current `policy`. A status equal to the current one is no change.
 */
export function applyTicketPatch(
  current: Ticket,
  patch: TicketPatch,
  policy: TicketSlaPolicy,
  now: string,
): TicketChangeResult {
  const status = patch.status ?? current.status;
  if (status !== current.status && !isLegalTransition(current.status, status))
    return { ok: false, reason: 'illegal_transition' };
  const { description: _description, assigneeId: _assigneeId, ...rest } = current;
  // an empty description clears it, as null does
  const clearsDescription = patch.description === null || patch.description === '';
  let next: Ticket = {
    ...rest,
    ...(clearsDescription ? {} : current.description ? { description: current.description } : {}),
    ...(patch.assigneeId === null ? {} : current.assigneeId ? { assigneeId: current.assigneeId } : {}),
    ...(patch.subject !== undefined ? { subject: patch.subject } : {}),
    ...(patch.description ? { description: patch.description } : {}),
    ...(patch.assigneeId ? { assigneeId: patch.assigneeId } : {}),
    status,
    version: current.version + 1,
    updatedAt: now,
  };
  if (patch.priority !== undefined && patch.priority !== current.priority) {
    next = { ...next, priority: patch.priority, ...slaDueTimes(current.openedAt, patch.priority, policy) };
  }
  const firstResponse = current.status === 'open' && status !== 'open' && !current.firstRespondedAt;
  if (firstResponse) {
    next = { ...next, firstRespondedAt: now, firstResponseSeconds: secondsBetween(current.openedAt, now) };
  }
  const resolved = current.status !== 'resolved' && status === 'resolved';
  if (resolved) next = { ...next, resolvedAt: now, resolutionSeconds: secondsBetween(current.openedAt, now) };
  const reopened = current.status === 'resolved' && status === 'open';
  if (reopened) {
    const { resolvedAt: _resolvedAt, resolutionSeconds: _resolutionSeconds, ...open } = next;
    next = { ...open, reopenedAt: now, reopenCount: (current.reopenCount ?? 0) + 1 };
  }
  const fields = ['subject', 'description', 'priority', 'status', 'assigneeId'] as const;
  return {
    ok: true,
    next,
    effects: {
      firstResponse,
      resolved,
      reopened,
      dueChanged: next.slaDueAt !== current.slaDueAt,
      changed: fields.filter((field) => next[field] !== current[field]),
    },
  };
}

/** A month's stored figures, as the resolve and reopen transactions add them up. */
export interface TicketMonthFigures {
  resolvedCount?: number;
  resolutionSecondsTotal?: number;
  resolvedLateCount?: number;
  firstResponseCount?: number;
  firstResponseSecondsTotal?: number;
  firstResponsesLateCount?: number;
}

/** What the open queue holds now: its size, how many are past due, and the soonest due. */
export interface OpenQueueFigures {
  openCount: number;
  overdueOpenCount: number;
  nextDue?: { ticketId: string; slaDueAt: string };
}

const averageOf = (total: number | undefined, count: number) =>
  count > 0 ? Math.round((total ?? 0) / count) : undefined;

/** The stats answer from the month's figures and the queue's. */
export function ticketStatsOf(
  month: string,
  figures: TicketMonthFigures,
  queue: OpenQueueFigures,
): TicketStats {
  const resolvedCount = figures.resolvedCount ?? 0;
  const firstResponseCount = figures.firstResponseCount ?? 0;
  const resolvedLateCount = figures.resolvedLateCount ?? 0;
  const averageResolutionSeconds = averageOf(figures.resolutionSecondsTotal, resolvedCount);
  const averageFirstResponseSeconds = averageOf(figures.firstResponseSecondsTotal, firstResponseCount);
  return {
    month,
    resolvedCount,
    ...(averageResolutionSeconds !== undefined ? { averageResolutionSeconds } : {}),
    resolvedLateCount,
    overdueOpenCount: queue.overdueOpenCount,
    slaBreaches: resolvedLateCount + queue.overdueOpenCount,
    firstResponseCount,
    ...(averageFirstResponseSeconds !== undefined ? { averageFirstResponseSeconds } : {}),
    firstResponsesLateCount: figures.firstResponsesLateCount ?? 0,
    openCount: queue.openCount,
    ...(queue.nextDue ? { nextDue: queue.nextDue } : {}),
  };
}
