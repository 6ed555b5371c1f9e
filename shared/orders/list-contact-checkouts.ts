import { getContact } from '../contacts/get-contact';
import type { Deps } from '../platform/deps';
import { withoutKeys } from '../records/record-store';
import { queryIndexPage } from '../store/queries';
import { crmTable } from '../store/table';
import { ContactCheckout, type ContactCheckoutsPage, type ContactCheckoutsQuery } from './order';
import { ordersKeys } from './orders-keys';

/**
 * A contact's carts that did not become orders, open or abandoned, by their last change at the shop,
 * newest first (byParent, `WS#w#CONTACT#<id>#CHECKOUTS`). Completed checkouts stay in that partition (the
 * contact's erasure finds them there) and are filtered out: the contact's orders show them.
 * A contact of another workspace, or none, is not found.
 */
export async function listContactCheckouts(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  contactId: string,
  query: ContactCheckoutsQuery,
): Promise<ContactCheckoutsPage> {
  await getContact({ store }, workspaceId, contactId);
  const page = await queryIndexPage(
    store,
    workspaceId,
    crmTable.indexes.byParent,
    ordersKeys.contactCheckoutsPartition(workspaceId, contactId),
    { ...query, newestFirst: true },
    { expression: 'attribute_not_exists(#completedAt)', names: { '#completedAt': 'completedAt' } },
  );
  return {
    items: page.items.map((item) => {
      const stored = withoutKeys<Record<string, unknown>>(item);
      return ContactCheckout.parse({ ...stored, status: stored.abandonedAt ? 'abandoned' : 'open' });
    }),
    nextCursor: page.nextCursor,
  };
}
