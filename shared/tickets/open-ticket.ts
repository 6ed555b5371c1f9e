import { contactDisplayName } from '../contacts/contact-display-name';
import { getContact } from '../contacts/get-contact';
import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { NotFoundError, ValidationError } from '../platform/errors';
import { newId } from '../platform/ids';
import { recordKeys } from '../records/record-keys';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { activeMemberCheck, notAnActiveMember } from '../team/active-member-check';
import type { Ticket, TicketInput, TicketView } from './ticket';
import { ticketEventData } from './ticket-event-data';
import { TicketOpened } from './ticket-events';
import { slaDueTimes, ticketView } from './ticket-rules';
import { readSlaSettings, ticketItem, ticketOpenWork, ticketTimelineWrite } from './ticket-store';

const notAContact = () => new ValidationError({ contactId: 'Pick a contact of the workspace.' });

/**
 * Opens a ticket for a contact. Primary course:
 * 1. read the contact (its name for the queue, its company for the timeline) and the SLA policy;
 * 2. compute the due times from now and the priority's targets;
 * 3. one transaction: the contact still exists, the assignee is an active member, the ticket (in the
 *    queue, the assignee's tickets and the contact's), the contact's open work, a `ticket.opened` timeline
 *    entry, and the `ticket.opened` event.
 */
export async function openTicket(
  { store, clock }: Deps,
  workspaceId: string,
  actorId: string,
  input: TicketInput,
): Promise<TicketView> {
  const contact = await getContact({ store }, workspaceId, input.contactId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? notAContact() : error;
  });
  const policy = await readSlaSettings(store, workspaceId);
  const now = clock();
  const openedAt = now.toISOString();
  const contactName = contactDisplayName(contact);
  const ticket: Ticket = {
    id: newId(now.getTime()),
    version: 1,
    createdAt: openedAt,
    updatedAt: openedAt,
    subject: input.subject,
    ...(input.description ? { description: input.description } : {}),
    status: 'open',
    priority: input.priority,
    contactId: contact.id,
    ...(contactName ? { contactName } : {}),
    ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
    openedBy: actorId,
    openedAt,
    ...slaDueTimes(openedAt, input.priority, policy),
  };
  const checks: TransactItem[] = [
    {
      ConditionCheck: {
        TableName: store.tableName,
        Key: recordKeys.record(workspaceId, 'CONTACT', contact.id),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    ...(ticket.assigneeId ? [activeMemberCheck(store.tableName, workspaceId, ticket.assigneeId)] : []),
  ];
  try {
    await writeTransaction(store, [
      ...checks,
      {
        Put: {
          TableName: store.tableName,
          Item: ticketItem(workspaceId, ticket),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ticketOpenWork(store.tableName, workspaceId, ticket),
      ticketTimelineWrite(store.tableName, workspaceId, ticket, 'ticket.opened', {
        now,
        actorId,
        ...(contact.companyId ? { companyId: contact.companyId } : {}),
      }),
      ...outboxWrite(
        store.tableName,
        workspaceId,
        [pendingEvent(TicketOpened, ticketEventData(ticket, actorId))],
        now,
      ),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) throw notAContact();
    if (reasons && ticket.assigneeId && failedAt(reasons, 1)) throw notAnActiveMember('assigneeId');
    throw error;
  }
  return ticketView(ticket, openedAt);
}
