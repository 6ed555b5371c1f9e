import { Consent } from '../consents/consent';
import { contactFromItem } from '../contacts/contact-item';
import { contactConsentKey } from '../forms/forms-keys';
import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { isId } from '../platform/ids';
import { platformKeys } from '../platform/platform-keys';
import { recordKeys } from '../records/record-keys';
import { getRecordItem, withoutKeys } from '../records/record-store';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { QueryCommand } from '../store/document-client';
import { batchGetItems, queryIndexPage } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { activitiesKeys } from './activities-keys';
import { openWorkOf } from './open-work';
import {
  type ContactOverview,
  overviewActivityCount,
  TimelineEntry,
  type TimelinePage,
  type TimelineQuery,
} from './timeline-entry';

type Item = Record<string, unknown>;

/** The sort keys of a contact's partition the overview tells apart (they name neither workspace nor contact). */
const contactSortKey = recordKeys.record('', 'CONTACT', '').sk;
const openWorkSortKey = activitiesKeys.contactOpenWork('', '').sk;
const timelineSortPrefix = activitiesKeys.timelinePrefix('', 'CONTACT', '').skPrefix;

/**
 * The head of a contact's partition in one strongly consistent Query (decision 150): from `CONTACT` to
 * `CONTACT#TIMELINE#~` ascending, the contact, its open-work item, then its `entries` newest entries.
 */
function queryContactHead(store: Store, workspaceId: string, contactId: string, entries: number) {
  const range = activitiesKeys.contactOverviewRange(workspaceId, contactId);
  return store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': range.pk, ':from': range.from, ':to': range.to },
      ConsistentRead: true,
      Limit: entries + 2,
    }),
  );
}

/** Stored items as entries; an entry of a type this version does not know (yet) is left out. */
export function entriesOf(items: readonly Item[]): TimelineEntry[] {
  return items.flatMap((item) => {
    const parsed = TimelineEntry.safeParse(withoutKeys(item));
    return parsed.success ? [parsed.data] : [];
  });
}

/** Form submissions on a page, each with its consent as it is now (one BatchGet, only when there are any). */
async function withConsents(
  store: Store,
  workspaceId: string,
  entries: TimelineEntry[],
): Promise<TimelineEntry[]> {
  const wanted = entries.flatMap((entry) =>
    entry.type === 'form.submitted' && entry.consentId
      ? [contactConsentKey(workspaceId, entry.contactId, entry.consentId)]
      : [],
  );
  if (wanted.length === 0) return entries;
  const consents = new Map(
    (await batchGetItems(store, wanted)).map((item) => {
      const consent = Consent.parse(withoutKeys(item));
      return [`${consent.contactId}/${consent.id}`, consent] as const;
    }),
  );
  return entries.map((entry) => {
    if (entry.type !== 'form.submitted' || !entry.consentId) return entry;
    const consent = consents.get(`${entry.contactId}/${entry.consentId}`);
    return consent ? { ...entry, consent } : entry;
  });
}

/**
 * A contact's timeline, newest first, a page at a time. Unfiltered: ONE strongly consistent Query of the
 * contact's partition; the first page starts at the contact item itself (`sk BETWEEN 'CONTACT' AND
 * 'CONTACT#TIMELINE#~'`), which proves the contact exists (404 otherwise) without a GetItem. Filtered by
 * type: a Query of the byCollection index (`<contact>#TIMELINE#<type>`, ids descending) beside a GetItem of
 * the contact. Form submissions come with their consents (one BatchGet when the page holds any).
 */
export async function listContactTimeline(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  contactId: string,
  query: TimelineQuery,
): Promise<TimelinePage> {
  if (!isId(contactId)) throw new NotFoundError('contact.not_found');
  if (query.type) {
    const [contact, page] = await Promise.all([
      getRecordItem(store, workspaceId, 'CONTACT', contactId),
      queryIndexPage(
        store,
        workspaceId,
        crmTable.indexes.byCollection,
        activitiesKeys.timelineOfTypePartition(workspaceId, 'CONTACT', contactId, query.type),
        { limit: query.limit, cursor: query.cursor, newestFirst: true },
      ),
    ]);
    if (!contact) throw new NotFoundError('contact.not_found');
    return {
      items: await withConsents(store, workspaceId, entriesOf(page.items)),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }
  const { pk, skPrefix } = activitiesKeys.timelinePrefix(workspaceId, 'CONTACT', contactId);
  const startKey = decodeCursor(query.cursor, {
    workspacePrefix: platformKeys.workspacePrefix(workspaceId),
    partition: pk,
    sortPrefix: skPrefix,
  });
  if (startKey) {
    const page = await store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
        ConsistentRead: true,
        Limit: query.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    const nextCursor = encodeCursor(page.LastEvaluatedKey);
    return {
      items: await withConsents(store, workspaceId, entriesOf(page.Items ?? [])),
      ...(nextCursor ? { nextCursor } : {}),
    };
  }
  // the first page: the contact and its open work come first in the range, then `limit` entries
  const page = await queryContactHead(store, workspaceId, contactId, query.limit);
  const items = page.Items ?? [];
  if (!items.some((item) => item.sk === contactSortKey)) throw new NotFoundError('contact.not_found');
  const stored = items.filter((item) => String(item.sk).startsWith(skPrefix));
  const kept = stored.slice(0, query.limit);
  const last = kept.at(-1);
  const more = stored.length > query.limit || page.LastEvaluatedKey !== undefined;
  const nextCursor = more && last ? encodeCursor({ pk: last.pk, sk: last.sk }) : undefined;
  return {
    items: await withConsents(store, workspaceId, entriesOf(kept)),
    ...(nextCursor ? { nextCursor } : {}),
  };
}

/**
 * A company's timeline: its own entries and its contacts' (filed under the company the contact had when
 * the entry was written), newest first: a Query of the byName index (`COMPANY#<id>#TIMELINE`, ids
 * descending) beside a GetItem of the company. A type filter is a FilterExpression on that Query, so a
 * filtered page may hold fewer than `limit` entries (even none) and still carry a cursor.
 */
export async function listCompanyTimeline(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  companyId: string,
  query: TimelineQuery,
): Promise<TimelinePage> {
  if (!isId(companyId)) throw new NotFoundError('company.not_found');
  const [company, page] = await Promise.all([
    getRecordItem(store, workspaceId, 'COMPANY', companyId),
    queryIndexPage(
      store,
      workspaceId,
      crmTable.indexes.byName,
      activitiesKeys.companyTimelinePartition(workspaceId, companyId),
      { limit: query.limit, cursor: query.cursor, newestFirst: true },
      query.type
        ? { expression: '#type = :type', names: { '#type': 'type' }, values: { ':type': query.type } }
        : undefined,
    ),
  ]);
  if (!company) throw new NotFoundError('company.not_found');
  return {
    items: await withConsents(store, workspaceId, entriesOf(page.items)),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/**
 * The overview from the items of its one Query (ascending): the contact, its open-work item, then its
 * newest entries. Pure: unit-tested. No contact item: the contact does not exist (404).
 */
export function overviewOf(items: readonly Item[]): ContactOverview {
  const contactItem = items.find((item) => item.sk === contactSortKey);
  if (!contactItem) throw new NotFoundError('contact.not_found');
  const openWork = openWorkOf(items.find((item) => item.sk === openWorkSortKey));
  const entries = items.filter((item) => String(item.sk).startsWith(timelineSortPrefix));
  return {
    contact: contactFromItem(contactItem),
    activities: entriesOf(entries).slice(0, overviewActivityCount),
    openTasks: openWork.task,
    openTickets: openWork.ticket,
    openDeals: openWork.deal,
  };
}

/**
 * A contact at a glance in ONE DynamoDB request (decision 150): a strongly consistent Query of the
 * contact's partition from `CONTACT` to `CONTACT#TIMELINE#~`, ascending, Limit 22: the contact, its open
 * work and its 20 newest entries, whatever else the partition holds. Consents are not joined here (the
 * timeline route does that): a second request would double the overview's cost.
 */
export async function contactOverview(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  contactId: string,
): Promise<ContactOverview> {
  if (!isId(contactId)) throw new NotFoundError('contact.not_found');
  const page = await queryContactHead(store, workspaceId, contactId, overviewActivityCount);
  return overviewOf(page.Items ?? []);
}
