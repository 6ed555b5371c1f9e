import { type KeyPair, ws } from '../store/key-parts';

/** The queue's sort key: SLA due time, then id. Also the sort key of "my tickets" on byOwner. */
export const ticketQueueSortKey = (slaDueAt: string, ticketId: string) => `${slaDueAt}#${ticketId}`;

/**
 * The tickets capability: support tickets, their SLA policy and each month's figures.
 * Built here and nowhere else (keys.ts gathers them); golden tests pin the strings.
 */
export const ticketsKeys = {
  /** A ticket, in a partition of its own (it changes often; its contact's partition stays small). */
  ticket: (workspaceId: string, ticketId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#TICKET#${ticketId}`,
    sk: 'TICKET',
  }),
  /**
   * GSI byCollection, while the ticket is open or pending: the workspace's queue, soonest SLA due first
   * (`<slaDueAt>#<id>`, ISO times sort as text). Removed when the ticket is resolved.
   */
  openTicket: (workspaceId: string, slaDueAt: string, ticketId: string) => ({
    gsi1pk: ticketsKeys.openTicketsPartition(workspaceId),
    gsi1sk: ticketQueueSortKey(slaDueAt, ticketId),
  }),
  openTicketsPartition: (workspaceId: string) => `${ws(workspaceId)}#OPEN_TICKETS`,
  /** GSI byParent, always: a contact's tickets, newest first (ids are ULIDs); erasure finds them here. */
  contactTicket: (workspaceId: string, contactId: string, ticketId: string) => ({
    gsi3pk: ticketsKeys.contactTicketsPartition(workspaceId, contactId),
    gsi3sk: ticketId,
  }),
  contactTicketsPartition: (workspaceId: string, contactId: string) =>
    `${ws(workspaceId)}#CONTACT#${contactId}#TICKETS`,
  /** The workspace's SLA policy (targets per priority), in its settings partition. */
  ticketSlaPolicy: (workspaceId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    sk: 'TICKET_SLA',
  }),
  /** One month's ticket figures (UTC `yyyy-mm`), added to in the transaction that resolves or reopens. */
  ticketMonthStats: (workspaceId: string, month: string): KeyPair => ({
    pk: `${ws(workspaceId)}#TICKET_STATS#${month}`,
    sk: 'STATS',
  }),
};
