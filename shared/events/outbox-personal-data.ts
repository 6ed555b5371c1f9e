import type { PersonalDataDeclaration } from '../privacy/personal-data';
import { eventsKeys } from './events-keys';

/**
 * What the outbox keeps of a person: the events of a change about it (eventsKeys.outbox with contactOutbox).
 * Deleting one is safe: the table's stream has its insert already, so the events still go out.
 */
export const outboxPersonalData = [
  {
    itemType: 'outbox',
    description:
      'The events of one change about the contact, until published (contact, order, submission...)',
    attributes: ['events'],
    erasure: 'delete',
    location: { kind: 'index', index: 'byParent', partition: eventsKeys.contactOutboxPartition },
  },
] as const satisfies readonly PersonalDataDeclaration[];
