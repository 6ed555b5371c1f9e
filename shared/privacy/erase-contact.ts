import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { contactFromItem } from '../contacts/contact-item';
import { contactsKeys } from '../contacts/contacts-keys';
import { deleteContact } from '../contacts/delete-contact';
import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { isId } from '../platform/ids';
import { getRecordItem } from '../records/record-store';
import { GetCommand, PutCommand, UpdateCommand } from '../store/document-client';
import type { ContactLinkKind, KeyPair } from '../store/keys';
import { batchGetItems, deleteItems, queryAllOfIndex, queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import type { Archive } from '../webhooks/archive';
import { anonymisedItem, detachedItem, type PersonalDataDeclaration } from './personal-data';
import { personalDataDeclarations } from './personal-data-registry';

export interface ErasureDeps extends Deps {
  archive: Archive;
}

type Item = Record<string, unknown>;

/** What a person has of one declared type: table items, and objects of the webhook archive. */
export interface PersonalRecords {
  items: Item[];
  archiveKeys: string[];
}

const keyOf = (item: Item): KeyPair => ({ pk: String(item.pk), sk: String(item.sk) });

/** The link items of one kind in a contact's partition (`target` names the linked item). */
function linksOf(store: Store, workspaceId: string, contactId: string, link: ContactLinkKind) {
  return queryAllWithPrefix(store, contactsKeys.contactLinksPrefix(workspaceId, contactId, link));
}

/** The items the links name, in BatchGets of 100 (DynamoDB's most): a customer may have hundreds. */
async function linkedItems(store: Store, links: readonly Item[]): Promise<Item[]> {
  const targets = links.map((link) => link.target as KeyPair);
  const items: Item[] = [];
  for (let at = 0; at < targets.length; at += 100)
    items.push(...(await batchGetItems(store, targets.slice(at, at + 100))));
  return items;
}

/**
 * The items (or archive objects) of one declared type that hold a contact's data, found from the contact
 * without a scan: a GetItem, a Query of its partition, a paged Query of an index, or its link items.
 */
export async function findPersonalRecords(
  store: Store,
  workspaceId: string,
  contactId: string,
  declaration: PersonalDataDeclaration,
): Promise<PersonalRecords> {
  const { location } = declaration;
  const none: PersonalRecords = { items: [], archiveKeys: [] };
  switch (location.kind) {
    case 'contact': {
      const item = await getRecordItem(store, workspaceId, 'CONTACT', contactId);
      return { ...none, items: item ? [item] : [] };
    }
    case 'contactEmail': {
      const contact = await getRecordItem(store, workspaceId, 'CONTACT', contactId);
      const email = contact ? contactFromItem(contact).email : undefined;
      if (!email) return none;
      const { Item } = await store.client.send(
        new GetCommand({
          TableName: store.tableName,
          Key: contactsKeys.contactEmail(workspaceId, email),
          ConsistentRead: true,
        }),
      );
      return { ...none, items: Item && Item.contactId === contactId ? [Item] : [] };
    }
    case 'contactPartition':
      return {
        ...none,
        items: await queryAllWithPrefix(
          store,
          contactsKeys.contactPartitionPrefix(workspaceId, contactId, location.skPrefix),
        ),
      };
    case 'index':
      return {
        ...none,
        items: await queryAllOfIndex(
          store,
          crmTable.indexes[location.index],
          location.partition(workspaceId, contactId),
        ),
      };
    case 'emailIndex': {
      const contact = await getRecordItem(store, workspaceId, 'CONTACT', contactId);
      const email = contact ? contactFromItem(contact).email : undefined;
      if (!email) return none;
      return {
        ...none,
        items: await queryAllOfIndex(
          store,
          crmTable.indexes[location.index],
          location.partition(workspaceId, email),
        ),
      };
    }
    case 'emailKey': {
      const contact = await getRecordItem(store, workspaceId, 'CONTACT', contactId);
      const email = contact ? contactFromItem(contact).email : undefined;
      if (!email) return none;
      const { Item } = await store.client.send(
        new GetCommand({
          TableName: store.tableName,
          Key: location.key(workspaceId, email),
          ConsistentRead: true,
        }),
      );
      // an entry already anonymised holds nothing of the person any more
      return { ...none, items: Item && declaration.attributes.some((name) => name in Item) ? [Item] : [] };
    }
    case 'namedBy': {
      const links = await queryAllWithPrefix(
        store,
        contactsKeys.contactPartitionPrefix(workspaceId, contactId, location.skPrefix),
      );
      const targets = links.map((link) => location.target(workspaceId, link));
      const items: Item[] = [];
      for (let at = 0; at < targets.length; at += 100)
        items.push(...(await batchGetItems(store, targets.slice(at, at + 100))));
      return { ...none, items };
    }
    case 'linked': {
      const links = await linksOf(store, workspaceId, contactId, location.link);
      return { ...none, items: await linkedItems(store, links) };
    }
    case 'archive': {
      // the linked delivery's own copy, and the copies of its redeliveries noted on its inbox item
      const links = await linksOf(store, workspaceId, contactId, location.link);
      const linked = await linkedItems(store, links);
      const archiveKeys = [
        ...links.map((link) => link.archiveKey),
        ...linked.flatMap((item) => [...((item.duplicateArchiveKeys as Set<string> | undefined) ?? [])]),
      ].filter((key): key is string => typeof key === 'string');
      return { ...none, archiveKeys: [...new Set(archiveKeys)] };
    }
  }
}

/** Writes an item back without its personal data, unless it is gone meanwhile (nothing left to do). */
async function putAnonymised(store: Store, item: Item, declaration: PersonalDataDeclaration, now: Date) {
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: anonymisedItem(item, declaration, now),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/**
 * Takes the contact out of an item it shares with others, over the version read: an item changed meanwhile
 * is read again (three times at most), one gone meanwhile needs nothing more.
 */
async function putDetached(
  store: Store,
  item: Item,
  declaration: PersonalDataDeclaration,
  contactId: string,
): Promise<void> {
  let current: Item | undefined = item;
  for (let attempt = 1; current && attempt <= 3; attempt++) {
    const versioned = typeof current.version === 'number';
    try {
      await store.client.send(
        new PutCommand({
          TableName: store.tableName,
          Item: detachedItem(current, declaration, contactId),
          ConditionExpression: versioned
            ? 'attribute_exists(pk) AND #version = :read'
            : 'attribute_exists(pk)',
          ...(versioned
            ? {
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':read': current.version },
              }
            : {}),
        }),
      );
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item: fresh }: { Item?: Item } = await store.client.send(
        new GetCommand({ TableName: store.tableName, Key: keyOf(current), ConsistentRead: true }),
      );
      current = fresh;
    }
  }
  if (current) throw new Error(`${String(item.pk)} kept changing while the contact was taken out of it`);
}

/** Erases what a contact has of one declared type, by the declaration's rule. Safe to run again. */
async function erase(
  deps: ErasureDeps,
  workspaceId: string,
  contactId: string,
  declaration: PersonalDataDeclaration,
) {
  const found = await findPersonalRecords(deps.store, workspaceId, contactId, declaration);
  for (const archiveKey of found.archiveKeys) await deps.archive.delete(archiveKey);
  if (declaration.erasure === 'delete') {
    await deleteItems(deps.store, found.items.map(keyOf));
    return;
  }
  if (declaration.erasure === 'detach') {
    for (const item of found.items) await putDetached(deps.store, item, declaration, contactId);
    return;
  }
  const now = deps.clock();
  for (const item of found.items) await putAnonymised(deps.store, item, declaration, now);
}

const linkKinds: readonly ContactLinkKind[] = ['DELIVERY', 'OUTBOUND_DELIVERY'];

const declarations: readonly PersonalDataDeclaration[] = personalDataDeclarations;
/** Archive objects go first: without an archive (a function not granted it) the erasure stops before any write. */
const archived = declarations.filter((declaration) => declaration.location.kind === 'archive');

/**
 * Erases every declared type held apart from the contact item (the contact's own transaction removes that
 * and its email), then the links that named them: erased targets first, so a crash leaves the links to
 * find them again.
 */
async function sweep(deps: ErasureDeps, workspaceId: string, contactId: string) {
  for (const declaration of [...archived, ...declarations.filter((each) => !archived.includes(each))]) {
    if (declaration.location.kind === 'contact' || declaration.location.kind === 'contactEmail') continue;
    await erase(deps, workspaceId, contactId, declaration);
  }
  for (const link of linkKinds) {
    const links = await linksOf(deps.store, workspaceId, contactId, link);
    await deleteItems(deps.store, links.map(keyOf));
  }
}

async function isErased(store: Store, workspaceId: string, contactId: string) {
  const { Item } = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: contactsKeys.contactErasure(workspaceId, contactId),
      ConsistentRead: true,
    }),
  );
  return Item !== undefined;
}

/**
 * Erases a person: every item of every declared type (shared/privacy/personal-data-registry.ts) is deleted
 * or anonymised, and the raw deliveries that carried it leave the archive. Primary course:
 * 1. the contact must exist (404), else it must have been erased before: then finish that erasure and 404;
 * 2. delete the archived deliveries that carried it (first: an archive that cannot delete stops it here);
 * 3. mark the contact erased (a marker with ids only, kept): outbound deliveries of events about it that are
 *    still on their way check it and are not made;
 * 4. sweep: each declared type found from the contact (its partition, an index, its links) and erased;
 * 5. the contact's own transaction: the contact, its email, tags and memberships, and contact.deleted
 *    (ids only), as deleteContact always did;
 * 6. sweep again, for what was written on the contact while 4 and 5 ran.
 * Every step is idempotent: after a crash, DELETE again finishes the job.
 */
export async function eraseContact(deps: ErasureDeps, workspaceId: string, contactId: string): Promise<void> {
  if (!isId(contactId)) throw new NotFoundError('contact.not_found');
  const contact = await getRecordItem(deps.store, workspaceId, 'CONTACT', contactId);
  if (!contact) {
    if (await isErased(deps.store, workspaceId, contactId)) await sweep(deps, workspaceId, contactId);
    throw new NotFoundError('contact.not_found');
  }
  for (const declaration of archived) await erase(deps, workspaceId, contactId, declaration);
  await deps.store.client.send(
    new UpdateCommand({
      TableName: deps.store.tableName,
      Key: contactsKeys.contactErasure(workspaceId, contactId),
      UpdateExpression: 'SET erasedAt = if_not_exists(erasedAt, :now), entity = :entity',
      ExpressionAttributeValues: { ':now': deps.clock().toISOString(), ':entity': 'contactErasure' },
    }),
  );
  await sweep(deps, workspaceId, contactId);
  await deleteContact(deps, workspaceId, contactId);
  await sweep(deps, workspaceId, contactId);
}
