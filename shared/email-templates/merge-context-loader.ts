import { contactFromItem } from '../contacts/contact-item';
import { isId } from '../platform/ids';
import { recordKeys } from '../records/record-keys';
import type { Item } from '../records/record-store';
import { GetCommand } from '../store/document-client';
import { batchGetItems } from '../store/queries';
import type { Store } from '../store/store';
import { memberKey } from '../team/team-keys';
import { type MergeContext, mergeContextOf } from './merge-fields';

/** BatchGetItem reads at most this many keys in one request. */
const batchGetLimit = 100;

export interface MergeLinks {
  unsubscribeUrl?: string;
  preferencesUrl?: string;
}

/** A contact as the merge reads it: the stored item (or the record) with its company and owner ids. */
export type MergeContact = Item & { id?: unknown; companyId?: unknown; ownerId?: unknown };

/**
 * Builds merge contexts for pages of contacts (a campaign sends to thousands): each page's companies and
 * owners not yet seen are read in one BatchGetItem (per 100 keys), and kept for the next pages, so a
 * campaign reads each company and owner once. The workspace's name is the email settings' sender name.
 */
export class MergeContextLoader {
  private readonly companies = new Map<string, Item | undefined>();
  private readonly owners = new Map<string, Item | undefined>();

  constructor(
    private readonly store: Store,
    private readonly workspaceId: string,
    private readonly workspaceName: string | undefined,
  ) {}

  /** The contexts of a page of contacts already read, by contact id; `links` gives each its own links. */
  async contextsFor(
    contacts: readonly MergeContact[],
    links: (contact: MergeContact) => MergeLinks = () => ({}),
  ): Promise<Map<string, MergeContext>> {
    await this.readMissing(contacts);
    const contexts = new Map<string, MergeContext>();
    for (const item of contacts) {
      const contact = contactFromItem(item);
      const company = contact.companyId ? this.companies.get(contact.companyId) : undefined;
      const owner = contact.ownerId ? this.owners.get(contact.ownerId) : undefined;
      contexts.set(
        contact.id,
        mergeContextOf({
          contact,
          company: company as never,
          owner: owner as never,
          workspaceName: this.workspaceName,
          ...links(item),
        }),
      );
    }
    return contexts;
  }

  private async readMissing(contacts: readonly MergeContact[]): Promise<void> {
    const companyIds = new Set<string>();
    const ownerIds = new Set<string>();
    for (const contact of contacts) {
      const companyId = typeof contact.companyId === 'string' ? contact.companyId : undefined;
      const ownerId = typeof contact.ownerId === 'string' ? contact.ownerId : undefined;
      if (companyId && isId(companyId) && !this.companies.has(companyId)) companyIds.add(companyId);
      if (ownerId && !this.owners.has(ownerId)) ownerIds.add(ownerId);
    }
    const keys = [
      ...[...companyIds].map((id) => recordKeys.record(this.workspaceId, 'COMPANY', id)),
      ...[...ownerIds].map((id) => memberKey(this.workspaceId, id)),
    ];
    const found: Item[] = [];
    for (let from = 0; from < keys.length; from += batchGetLimit) {
      found.push(...(await batchGetItems(this.store, keys.slice(from, from + batchGetLimit))));
    }
    for (const id of companyIds) this.companies.set(id, undefined);
    for (const id of ownerIds) this.owners.set(id, undefined);
    for (const item of found) {
      if (item.entity === 'company') this.companies.set(String(item.id), item);
      else if (item.entity === 'member') this.owners.set(String(item.id), item);
    }
  }
}

/**
 * The merge context of one contact: its item (one GetItem), then its company and owner (one BatchGetItem).
 * Undefined when the workspace has no such contact.
 */
export async function readMergeContext(
  store: Store,
  workspaceId: string,
  contactId: string,
  options: { workspaceName?: string } & MergeLinks = {},
): Promise<MergeContext | undefined> {
  if (!isId(contactId)) return undefined;
  const { Item: contact } = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: recordKeys.record(workspaceId, 'CONTACT', contactId),
      ConsistentRead: true,
    }),
  );
  if (!contact) return undefined;
  const { workspaceName, ...links } = options;
  const loader = new MergeContextLoader(store, workspaceId, workspaceName);
  return (await loader.contextsFor([contact], () => links)).get(contactId);
}
