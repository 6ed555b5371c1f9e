import { type PendingEvent, pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { ConflictError, NotFoundError } from '../platform/errors';
import { getRecordItem } from '../records/record-store';
import { expectVersion } from '../records/version-check';
import type { Store } from '../store/store';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { activeMemberCheck, notAnActiveMember } from '../team/active-member-check';
import { defaultSlaPolicy, type Ticket, type TicketPatch, type TicketView } from './ticket';
import { ticketEventData } from './ticket-event-data';
import { TicketReopened, TicketResolved, TicketUpdated } from './ticket-events';
import { applyTicketPatch, type TicketChangeEffects, ticketView } from './ticket-rules';
import {
  findTicket,
  readSlaSettings,
  ticketFiguresWrite,
  ticketItem,
  ticketOpenWork,
  ticketTimelineWrite,
} from './ticket-store';

export async function getTicket(store: Store, workspaceId: string, ticketId: string, now: Date) {
  const ticket = await findTicket(store, workspaceId, ticketId);
  if (!ticket) throw new NotFoundError('ticket.not_found');
  return ticketView(ticket, now.toISOString());
}

/** The events of a change: resolved and reopened say so; any other change of a field is ticket.updated. */
function eventsOf(next: Ticket, effects: TicketChangeEffects, actorId: string | undefined): PendingEvent[] {
  const about = ticketEventData(next, actorId);
  if (effects.resolved)
    return [
      pendingEvent(TicketResolved, {
        ...about,
        resolutionSeconds: next.resolutionSeconds ?? 0,
        slaBreached: (next.resolvedAt ?? '') > next.slaDueAt,
      }),
    ];
  if (effects.reopened) return [pendingEvent(TicketReopened, about)];
  return effects.changed.length > 0
    ? [pendingEvent(TicketUpdated, { ...about, changes: effects.changed })]
    : [];
}

/** The contact's company now, for the timeline entry; none when the contact is gone. */
async function companyOfContact(store: Store, workspaceId: string, contactId: string) {
  const contact = await getRecordItem(store, workspaceId, 'CONTACT', contactId);
  return typeof contact?.companyId === 'string' ? contact.companyId : undefined;
}

/**
 * The writes of a ticket's change, in one transaction: the ticket over the version it was read at (index
 * 0), the new assignee's check, the contact's open work, the month's figures, a timeline entry for a
 * resolution or reopen, and the events.
 */
export async function writeTicketChange(
  { store, clock }: Deps,
  workspaceId: string,
  current: Ticket,
  next: Ticket,
  effects: TicketChangeEffects,
  actorId: string | undefined,
  now: Date = clock(),
): Promise<void> {
  const newAssignee = next.assigneeId && next.assigneeId !== current.assigneeId ? next.assigneeId : undefined;
  const timelineType = effects.resolved
    ? 'ticket.resolved'
    : effects.reopened
      ? 'ticket.reopened'
      : undefined;
  const companyId = timelineType ? await companyOfContact(store, workspaceId, next.contactId) : undefined;
  const figures = ticketFiguresWrite(store.tableName, workspaceId, current, next);
  const items: TransactItem[] = [
    {
      Put: {
        TableName: store.tableName,
        Item: ticketItem(workspaceId, next),
        ...expectVersion(current.version),
      },
    },
    ...(newAssignee ? [activeMemberCheck(store.tableName, workspaceId, newAssignee)] : []),
    ticketOpenWork(store.tableName, workspaceId, next),
    ...(figures ? [figures] : []),
    ...(timelineType
      ? [
          ticketTimelineWrite(store.tableName, workspaceId, next, timelineType, {
            now,
            ...(actorId ? { actorId } : {}),
            ...(companyId ? { companyId } : {}),
          }),
        ]
      : []),
    ...outboxWrite(store.tableName, workspaceId, eventsOf(next, effects, actorId), now),
  ];
  try {
    await writeTransaction(store, items);
  } catch (error) {
    const reasons = cancellationReasons(error);
    const stale = reasons && failedAt(reasons, 0);
    if (stale)
      throw stale.item ? new ConflictError('ticket.version_conflict') : new NotFoundError('ticket.not_found');
    if (reasons && newAssignee && failedAt(reasons, 1)) throw notAnActiveMember('assigneeId');
    throw error;
  }
}

/**
 * Changes a ticket over the version the client saw (If-Match). Primary course:
 * 1. read the ticket (404) and compare versions (409 ticket.version_conflict);
 * 2. apply the change by the rules (ticket-rules.ts): an illegal status move is 409
 *    ticket.illegal_transition; a new priority reads the SLA policy and moves the due times;
 * 3. write it with everything that goes with it in one transaction (writeTicketChange).
 */
export async function updateTicket(
  deps: Deps,
  workspaceId: string,
  actorId: string,
  ticketId: string,
  patch: TicketPatch,
  expectedVersion: number,
): Promise<TicketView> {
  const current = await findTicket(deps.store, workspaceId, ticketId);
  if (!current) throw new NotFoundError('ticket.not_found');
  if (current.version !== expectedVersion) throw new ConflictError('ticket.version_conflict');
  const policy =
    patch.priority !== undefined && patch.priority !== current.priority
      ? await readSlaSettings(deps.store, workspaceId)
      : defaultSlaPolicy;
  const now = deps.clock();
  const result = applyTicketPatch(current, patch, policy, now.toISOString());
  if (!result.ok) throw new ConflictError('ticket.illegal_transition');
  if (result.effects.changed.length === 0) return ticketView(current, now.toISOString());
  await writeTicketChange(deps, workspaceId, current, result.next, result.effects, actorId, now);
  return ticketView(result.next, now.toISOString());
}
