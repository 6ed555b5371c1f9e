import type { PersonalDataDeclaration } from '../privacy/personal-data';
import { ticketsKeys } from './tickets-keys';

/**
 * What tickets keep of a person: the ticket holds the person's words and name (ticketsKeys.ticket, filed
 * under the contact on byParent). The month's figures hold counts and durations only, and stay. The
 * ticket's timeline entries and open-work attribute live in the contact's partition, which the timeline's
 * own declarations erase (decision 150).
 */
export const ticketPersonalData = [
  {
    itemType: 'ticket',
    description: "A support ticket of the contact: the person's subject and description, and its name",
    attributes: ['subject', 'description', 'contactName', 'contactId'],
    erasure: 'delete',
    location: { kind: 'index', index: 'byParent', partition: ticketsKeys.contactTicketsPartition },
  },
] as const satisfies readonly PersonalDataDeclaration[];
