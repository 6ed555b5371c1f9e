import { openWorkRemove, openWorkSet } from '../activities/open-work';
import { timelineEntryPut } from '../activities/timeline-item';
import type { TicketTimelineEntry } from '../activities/work-timeline-entries';
import { isId, newId } from '../platform/ids';
import { withoutKeys } from '../records/record-store';
import { GetCommand, PutCommand } from '../store/document-client';
import type { Store } from '../store/store';
import type { TransactItem } from '../store/transactions';
import { teamKeys } from '../team/team-keys';
import { defaultSlaPolicy, type Ticket, TicketSlaPolicy, type TicketSlaSettings } from './ticket';
import { isSlaBreached, monthOf, secondsBetween } from './ticket-rules';
import { ticketQueueSortKey, ticketsKeys } from './tickets-keys';

/**
 * The repository of tickets: the only module that knows how a ticket, its SLA policy and a month's figures
 * are stored, and which writes go with a ticket's change (open work, timeline, figures, outbox).
 */

type Item = Record<string, unknown>;

const isOpen = (ticket: Ticket) => ticket.status !== 'resolved';

/**
 * The stored item: always filed under its contact (byParent); in the workspace's queue (byCollection) and
 * its assignee's (byOwner) only while open or pending, so a resolved ticket leaves both.
 */
export function ticketItem(workspaceId: string, ticket: Ticket): Item {
  const sortKey = ticketQueueSortKey(ticket.slaDueAt, ticket.id);
  return {
    ...ticketsKeys.ticket(workspaceId, ticket.id),
    ...ticketsKeys.contactTicket(workspaceId, ticket.contactId, ticket.id),
    ...(isOpen(ticket) ? ticketsKeys.openTicket(workspaceId, ticket.slaDueAt, ticket.id) : {}),
    ...(isOpen(ticket) && ticket.assigneeId
      ? teamKeys.ownedBy(workspaceId, ticket.assigneeId, 'OPEN_TICKETS', sortKey)
      : {}),
    entity: 'ticket',
    ...ticket,
  };
}

export const ticketFromItem = (item: Item): Ticket => withoutKeys<Ticket>(item);

/** One GetItem (strongly consistent); an id that cannot exist is answered without a request. */
export async function findTicket(store: Store, workspaceId: string, ticketId: string) {
  if (!isId(ticketId)) return undefined;
  const { Item } = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: ticketsKeys.ticket(workspaceId, ticketId),
      ConsistentRead: true,
    }),
  );
  return Item ? ticketFromItem(Item) : undefined;
}

/** The workspace's SLA policy: its own once an admin set it, the defaults before. One GetItem. */
export async function readSlaSettings(store: Store, workspaceId: string): Promise<TicketSlaSettings> {
  const { Item } = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: ticketsKeys.ticketSlaPolicy(workspaceId),
      ConsistentRead: true,
    }),
  );
  if (!Item) return defaultSlaPolicy;
  const parsed = TicketSlaPolicy.safeParse({
    urgent: Item.urgent,
    high: Item.high,
    normal: Item.normal,
    low: Item.low,
  });
  if (!parsed.success) return defaultSlaPolicy;
  return {
    ...parsed.data,
    ...(typeof Item.updatedAt === 'string' ? { updatedAt: Item.updatedAt } : {}),
    ...(typeof Item.updatedBy === 'string' ? { updatedBy: Item.updatedBy } : {}),
  };
}

/** Puts the policy in place; answers whether the workspace had none of its own before. */
export async function writeSlaSettings(
  store: Store,
  workspaceId: string,
  settings: TicketSlaSettings,
): Promise<{ created: boolean }> {
  const { Attributes } = await store.client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...ticketsKeys.ticketSlaPolicy(workspaceId), entity: 'ticketSlaPolicy', ...settings },
      ReturnValues: 'ALL_OLD',
    }),
  );
  return { created: Attributes === undefined };
}

/** The one line of open work the ticket keeps on its contact while open or pending. */
export function ticketOpenWork(tableName: string, workspaceId: string, ticket: Ticket): TransactItem {
  return isOpen(ticket)
    ? openWorkSet(tableName, workspaceId, ticket.contactId, {
        kind: 'ticket',
        id: ticket.id,
        title: ticket.subject,
        status: ticket.status,
        priority: ticket.priority,
        dueAt: ticket.slaDueAt,
        ...(ticket.assigneeId ? { assigneeId: ticket.assigneeId } : {}),
        updatedAt: ticket.updatedAt,
      })
    : openWorkRemove(tableName, workspaceId, ticket.contactId, 'ticket', ticket.id);
}

/** A timeline entry of the ticket as it is now, on its contact (and the contact's company). */
export function ticketTimelineWrite(
  tableName: string,
  workspaceId: string,
  ticket: Ticket,
  type: TicketTimelineEntry['type'],
  context: { now: Date; actorId?: string; companyId?: string },
): TransactItem {
  const at = context.now.toISOString();
  const entry: TicketTimelineEntry = {
    id: newId(context.now.getTime()),
    type,
    contactId: ticket.contactId,
    ...(context.companyId ? { companyId: context.companyId } : {}),
    occurredAt: at,
    recordedAt: at,
    ticketId: ticket.id,
    subject: ticket.subject,
    priority: ticket.priority,
    status: ticket.status,
    ...(context.actorId ? { actorId: context.actorId } : {}),
  };
  return timelineEntryPut(tableName, workspaceId, entry);
}

/**
 * What a change adds to its month's figures: a first response to the month it was given in, a resolution
 * to the month it was resolved in, and a reopen takes the earlier resolution back out of its month (so a
 * month counts each ticket's standing resolution once). `undefined` when the change adds nothing.
 */
export function ticketFiguresWrite(
  tableName: string,
  workspaceId: string,
  before: Ticket,
  after: Ticket,
): TransactItem | undefined {
  const adds: Array<[string, number]> = [];
  let month: string | undefined;
  if (!before.firstRespondedAt && after.firstRespondedAt) {
    month = monthOf(after.firstRespondedAt);
    adds.push(['firstResponseCount', 1], ['firstResponseSecondsTotal', after.firstResponseSeconds ?? 0]);
    if (after.firstRespondedAt > after.firstResponseDueAt) adds.push(['firstResponsesLateCount', 1]);
  } else if (!before.resolvedAt && after.resolvedAt) {
    month = monthOf(after.resolvedAt);
    adds.push(['resolvedCount', 1], ['resolutionSecondsTotal', after.resolutionSeconds ?? 0]);
    if (isSlaBreached(after, after.resolvedAt)) adds.push(['resolvedLateCount', 1]);
  } else if (before.resolvedAt && !after.resolvedAt) {
    month = monthOf(before.resolvedAt);
    const seconds = before.resolutionSeconds ?? secondsBetween(before.openedAt, before.resolvedAt);
    adds.push(['resolvedCount', -1], ['resolutionSecondsTotal', -seconds]);
    if (isSlaBreached(before, before.resolvedAt)) adds.push(['resolvedLateCount', -1]);
  }
  if (!month || adds.length === 0) return undefined;
  return {
    Update: {
      TableName: tableName,
      Key: ticketsKeys.ticketMonthStats(workspaceId, month),
      UpdateExpression: `ADD ${adds.map((_, at) => `#f${at} :v${at}`).join(', ')} SET entity = :entity, #month = :month`,
      ExpressionAttributeNames: {
        ...Object.fromEntries(adds.map(([name], at) => [`#f${at}`, name])),
        '#month': 'month',
      },
      ExpressionAttributeValues: {
        ...Object.fromEntries(adds.map(([, value], at) => [`:v${at}`, value])),
        ':entity': 'ticketMonthStats',
        ':month': month,
      },
    },
  };
}
