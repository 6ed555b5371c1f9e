import { getContact } from '../contacts/get-contact';
import type { Deps } from '../platform/deps';
import { GetCommand } from '../store/document-client';
import { queryAllOfIndex, queryIndexPage } from '../store/queries';
import { crmTable } from '../store/table';
import { teamKeys } from '../team/team-keys';
import type { ContactTicketsQuery, TicketQueueQuery, TicketStats, TicketsPage } from './ticket';
import { monthOf, type TicketMonthFigures, ticketStatsOf, ticketView } from './ticket-rules';
import { ticketFromItem } from './ticket-store';
import { ticketsKeys } from './tickets-keys';

/**
 * The queue: open and pending tickets, soonest SLA due first, one page of ONE Query: the workspace's on
 * byCollection, or the caller's (`assignee=mine`) on byOwner. A status filter is a FilterExpression on
 * that Query, so a filtered page may come back short with a cursor.
 */
export async function listTicketQueue(
  { store, clock }: Deps,
  workspaceId: string,
  callerId: string,
  query: TicketQueueQuery,
): Promise<TicketsPage> {
  const [index, partition] =
    query.assignee === 'mine'
      ? [crmTable.indexes.byOwner, teamKeys.ownedByPartition(workspaceId, callerId, 'OPEN_TICKETS')]
      : [crmTable.indexes.byCollection, ticketsKeys.openTicketsPartition(workspaceId)];
  const page = await queryIndexPage(
    store,
    workspaceId,
    index,
    partition,
    { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
    query.status
      ? {
          expression: '#status = :status',
          names: { '#status': 'status' },
          values: { ':status': query.status },
        }
      : undefined,
  );
  const now = clock().toISOString();
  return {
    items: page.items.map((item) => ticketView(ticketFromItem(item), now)),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/** A contact's tickets, newest first: one page of a Query on byParent (404 for a contact that is not there). */
export async function listContactTickets(
  { store, clock }: Deps,
  workspaceId: string,
  contactId: string,
  query: ContactTicketsQuery,
): Promise<TicketsPage> {
  await getContact({ store }, workspaceId, contactId);
  const page = await queryIndexPage(
    store,
    workspaceId,
    crmTable.indexes.byParent,
    ticketsKeys.contactTicketsPartition(workspaceId, contactId),
    { limit: query.limit, newestFirst: true, ...(query.cursor ? { cursor: query.cursor } : {}) },
  );
  const now = clock().toISOString();
  return {
    items: page.items.map((item) => ticketView(ticketFromItem(item), now)),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/**
 * This month's figures: one GetItem of the month's item (added to by every first response, resolution
 * and reopen), and the open queue read once (its due times only) for its size, what is past due now and
 * the soonest due. Never a scan.
 */
export async function ticketStats({ store, clock }: Deps, workspaceId: string): Promise<TicketStats> {
  const now = clock().toISOString();
  const month = monthOf(now);
  const [{ Item }, open] = await Promise.all([
    store.client.send(
      new GetCommand({
        TableName: store.tableName,
        Key: ticketsKeys.ticketMonthStats(workspaceId, month),
        ConsistentRead: true,
      }),
    ),
    queryAllOfIndex(store, crmTable.indexes.byCollection, ticketsKeys.openTicketsPartition(workspaceId), {
      attributes: ['id', 'slaDueAt'],
    }),
  ]);
  const due = open.map((item) => ({ ticketId: String(item.id), slaDueAt: String(item.slaDueAt) }));
  const figures = (Item ?? {}) as TicketMonthFigures;
  return ticketStatsOf(month, figures, {
    openCount: due.length,
    overdueOpenCount: due.filter((ticket) => ticket.slaDueAt < now).length,
    ...(due[0] ? { nextDue: due[0] } : {}),
  });
}
