import { type KeyPair, ws } from '../store/key-parts';

/**
 * The outbox: a change's events, filed under the contact they are about.
 * Built here and nowhere else (keys.ts gathers them); golden tests pin the strings.
 */
export const eventsKeys = {
  /** Transactional outbox: the events of one write, published from the table's stream. */
  outbox: (workspaceId: string, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#OUTBOX#${id}`,
    sk: 'OUTBOX',
  }),
  /** GSI byParent: the outbox items whose events carry a contact's data (its erasure deletes them). */
  contactOutbox: (workspaceId: string, contactId: string, id: string) => ({
    gsi3pk: eventsKeys.contactOutboxPartition(workspaceId, contactId),
    gsi3sk: id,
  }),
  contactOutboxPartition: (workspaceId: string, contactId: string) =>
    `${ws(workspaceId)}#CONTACT#${contactId}#OUTBOX`,
};
