import { companiesKeys } from '../companies/companies-keys';
import type { Deps } from '../platform/deps';
import { workspacePrefix } from '../platform/platform-keys';
import type { Page } from '../records/record-fields';
import { batchGetRecords, listRecordItems } from '../records/record-store';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { QueryCommand } from '../store/document-client';
import { crmTable } from '../store/table';
import { ownedRecordsPage } from '../team/owned-records';
import type { Contact, ContactListQuery } from './contact';
import { contactFromItem } from './contact-item';
import { findContactByEmail } from './find-contact-by-email';

/**
 * Contacts of a workspace, one page. Ids read those contacts in one BatchGetItem, in the order asked (keys
 * of the caller's workspace, so another workspace's ids are simply not found). An email finds the one
 * contact that owns it; a company id lists the contacts linked to that company (byParent, newest first); an
 * owner id the contacts a member owns (byOwner, newest first); otherwise by name prefix, tag or collection.
 */
export async function listContacts(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  query: ContactListQuery,
): Promise<Page<Contact>> {
  if (query.ids !== undefined) {
    return { items: (await batchGetRecords(store, workspaceId, 'CONTACT', query.ids)).map(contactFromItem) };
  }
  if (query.email !== undefined) {
    const contact = await findContactByEmail({ store }, workspaceId, query.email);
    return { items: contact && (!query.tag || contact.tags.includes(query.tag)) ? [contact] : [] };
  }
  if (query.companyId !== undefined) {
    const index = crmTable.indexes.byParent;
    const partition = companiesKeys.companyContactsPartition(workspaceId, query.companyId);
    const page = await store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :pk`,
        ...(query.tag ? { FilterExpression: 'contains(tags, :tag)' } : {}),
        ExpressionAttributeValues: {
          ':pk': partition,
          ...(query.tag ? { ':tag': query.tag } : {}),
        },
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: decodeCursor(query.cursor, {
          workspacePrefix: workspacePrefix(workspaceId),
          index,
          partition,
        }),
      }),
    );
    return {
      items: (page.Items ?? []).map(contactFromItem),
      nextCursor: encodeCursor(page.LastEvaluatedKey),
    };
  }
  if (query.ownerId !== undefined) {
    const page = await ownedRecordsPage(store, workspaceId, query.ownerId, 'CONTACTS', query);
    return { items: page.items.map(contactFromItem), nextCursor: page.nextCursor };
  }
  const page = await listRecordItems(store, workspaceId, 'CONTACT', query);
  return { items: page.items.map(contactFromItem), nextCursor: page.nextCursor };
}
