import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { getRecordItem } from '../records/record-store';
import type { Contact } from './contact';
import { contactFromItem } from './contact-item';

/** Exactly one GetItem. */
export async function getContact(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  id: string,
): Promise<Contact> {
  const item = await getRecordItem(store, workspaceId, 'CONTACT', id);
  if (!item) throw new NotFoundError('contact.not_found');
  return contactFromItem(item);
}
