import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../platform/deps';
import type { Page } from '../records/record-fields';
import { listRecordItems } from '../records/record-store';
import { keys } from '../store/keys';
import type { Contact, ContactListQuery } from './contact';
import { contactFromItem } from './contact-item';
import { getContact } from './get-contact';

/** Contacts of a workspace, one page. An email finds the one contact that owns it. */
export async function listContacts(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  query: ContactListQuery,
): Promise<Page<Contact>> {
  if (query.email !== undefined) {
    const owner = await store.client.send(
      new GetCommand({
        TableName: store.tableName,
        Key: keys.contactEmail(workspaceId, query.email),
        ConsistentRead: true,
      }),
    );
    if (!owner.Item) return { items: [] };
    const contact = await getContact({ store }, workspaceId, String(owner.Item.contactId));
    return { items: !query.tag || contact.tags.includes(query.tag) ? [contact] : [] };
  }
  const page = await listRecordItems(store, workspaceId, 'CONTACT', query);
  return { items: page.items.map(contactFromItem), nextCursor: page.nextCursor };
}
