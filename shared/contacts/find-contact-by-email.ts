import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { GetCommand } from '../store/document-client';
import type { Contact } from './contact';
import { contactsKeys } from './contacts-keys';
import { getContact } from './get-contact';

/** The contact that owns an email (already normalised), through its uniqueness item; undefined if none. */
export async function findContactByEmail(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  email: string,
): Promise<Contact | undefined> {
  const owner = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: contactsKeys.contactEmail(workspaceId, email),
      ConsistentRead: true,
    }),
  );
  if (!owner.Item) return undefined;
  try {
    return await getContact({ store }, workspaceId, String(owner.Item.contactId));
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
