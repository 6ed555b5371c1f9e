import type { ContactLinkKind } from '../store/keys';
import type { IndexName } from '../store/table';

/**
 * How a person's items of one type are found from the contact, without a scan. Every location is one
 * Query (or one GetItem) that starts with the workspace and the contact id.
 */
export type PersonalDataLocation =
  /** The contact item itself: removed last, in the contact's own delete transaction (with contact.deleted). */
  | { kind: 'contact' }
  /** The email uniqueness item, named by the contact's email: removed in the contact's transaction. */
  | { kind: 'contactEmail' }
  /** Items in the contact's partition whose sort key starts with `skPrefix` (one Query). */
  | { kind: 'contactPartition'; skPrefix: string }
  /** Items filed under the contact on an index partition (one paged Query of the index). */
  | {
      kind: 'index';
      index: IndexName;
      partition: (workspaceId: string, contactId: string) => string;
    }
  /**
   * Items filed on an index partition named by the contact's email (a hash of it): written before anyone
   * knew the contact (a form post's confirmation email claim). One paged Query, from the contact's email.
   */
  | {
      kind: 'emailIndex';
      index: IndexName;
      partition: (workspaceId: string, email: string) => string;
    }
  /**
   * The item keyed by (a hash of) the contact's email itself: a suppression entry, which outlives the
   * person by its hash (one GetItem, from the contact's email).
   */
  | {
      kind: 'emailKey';
      key: (workspaceId: string, email: string) => { pk: string; sk: string };
    }
  /**
   * Items keyed by something else, named by items of the contact's partition whose sort key starts with
   * `skPrefix` (a deal's link on its contact names the deal): `target` gives the named item's key.
   */
  | {
      kind: 'namedBy';
      skPrefix: string;
      target: (workspaceId: string, link: Record<string, unknown>) => { pk: string; sk: string };
    }
  /** Items keyed by something else, named by link items in the contact's partition (`LINK#<link>#`). */
  | { kind: 'linked'; link: ContactLinkKind }
  /** Objects of the webhook archive (S3, a folder locally), named by the links' `archiveKey`. */
  | { kind: 'archive'; link: ContactLinkKind };

/**
 * What an item type holds of a person and what erasing the person does to it. Each capability declares
 * its item types next to where it defines them; shared/privacy/personal-data-registry.ts gathers them.
 */
export interface PersonalDataDeclaration {
  /** The item's `entity` (or, for archive objects, a name of their own): `order`, `consent`, ... */
  itemType: string;
  /** What the item is, for the data model's "Personal data" section. */
  description: string;
  /** The attributes that hold personal data (dotted paths reach into maps). */
  attributes: readonly string[];
  /**
   * `delete`: the item goes. `anonymise`: the item stays (accounting keeps orders; intake keeps the inbox
   * item as its dedupe record) without `attributes` and without the index keys that file it under the
   * contact, stamped with `anonymisedAt`. `detach`: the item stays, for it is shared with others (a deal with
   * other contacts): the contact's id leaves `attributes` (an attribute equal to it is removed, a list
   * loses it) and its `version` goes up.
   */
  erasure: 'delete' | 'anonymise' | 'detach';
  location: PersonalDataLocation;
}

type Item = Record<string, unknown>;

function withoutPath(item: Item, path: readonly string[]): Item {
  const [head, ...rest] = path;
  if (head === undefined || !(head in item)) return item;
  if (rest.length === 0) {
    const { [head]: _removed, ...kept } = item;
    return kept;
  }
  const inner = item[head];
  if (!inner || typeof inner !== 'object' || Array.isArray(inner)) return item;
  return { ...item, [head]: withoutPath(inner as Item, rest) };
}

/** The index attributes that file an item under its contact, for each index a location may use. */
const indexAttributes: Record<IndexName, readonly string[]> = {
  byCollection: ['gsi1pk', 'gsi1sk'],
  byName: ['gsi2pk', 'gsi2sk'],
  byParent: ['gsi3pk', 'gsi3sk'],
  acrossWorkspaces: ['gsi4pk', 'gsi4sk'],
  byOwner: ['gsi5pk', 'gsi5sk'],
};

/**
 * An item as an anonymising erasure leaves it: without the declared personal attributes, no longer filed
 * under the contact on the location's index, stamped with when it was anonymised. Pure: unit-tested.
 */
export function anonymisedItem(item: Item, declaration: PersonalDataDeclaration, now: Date): Item {
  const paths = [
    ...declaration.attributes.map((attribute) => attribute.split('.')),
    ...(declaration.location.kind === 'index'
      ? indexAttributes[declaration.location.index].map((attribute) => [attribute])
      : []),
  ];
  const kept = paths.reduce(withoutPath, item);
  return { ...kept, anonymisedAt: now.toISOString() };
}

/**
 * An item as a detaching erasure leaves it: the contact's id out of the declared attributes (a value
 * equal to it removed, a list without it), its version one up. Pure: unit-tested.
 */
export function detachedItem(item: Item, declaration: PersonalDataDeclaration, contactId: string): Item {
  const next: Item = { ...item };
  for (const attribute of declaration.attributes) {
    const value = next[attribute];
    if (value === contactId) delete next[attribute];
    else if (Array.isArray(value)) next[attribute] = value.filter((entry) => entry !== contactId);
  }
  if (typeof item.version === 'number') next.version = item.version + 1;
  return next;
}
