import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type ErrorCode, NotFoundError } from '../platform/errors';
import { workspacePrefix } from '../platform/platform-keys';
import type { Page } from '../records/record-fields';
import { decodeCursor, encodeCursor } from './cursor';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  DeleteCommand,
  QueryCommand,
  ScanCommand,
} from './document-client';
import type { Store } from './store';
import { crmTable } from './table';

type Item = Record<string, unknown>;

/** The one loop that follows `LastEvaluatedKey`: every reply of a Query or Scan, in order. */
async function* repliesOf<Reply extends { LastEvaluatedKey?: Item }>(
  fetch: (startKey: Item | undefined) => Promise<Reply>,
): AsyncGenerator<Reply> {
  let startKey: Item | undefined;
  do {
    const reply = await fetch(startKey);
    yield reply;
    startKey = reply.LastEvaluatedKey;
  } while (startKey);
}

/** Every page of items of a Query or Scan, in order. */
async function* pagesOf(
  fetch: (startKey: Item | undefined) => Promise<{ Items?: Item[]; LastEvaluatedKey?: Item }>,
): AsyncGenerator<Item[]> {
  for await (const reply of repliesOf(fetch)) yield reply.Items ?? [];
}

async function allItemsOf(pages: AsyncGenerator<Item[]>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of pages) items.push(...page);
  return items;
}

/**
 * Every item of a partition whose sort key starts with `skPrefix`, following the pages (strongly
 * consistent): for the small collections a workspace keeps in one partition (settings, a contact's lists).
 */
export async function queryAllWithPrefix(
  store: Store,
  { pk, skPrefix }: { pk: string; skPrefix: string },
  options: { newestFirst?: boolean } = {},
): Promise<Item[]> {
  return allItemsOf(
    pagesOf((startKey) =>
      store.client.send(
        new QueryCommand({
          TableName: store.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
          ConsistentRead: true,
          ...(options.newestFirst ? { ScanIndexForward: false } : {}),
          ExclusiveStartKey: startKey,
        }),
      ),
    ),
  );
}

/**
 * The items of a partition whose sort key starts with `skPrefix` and, if given, sorts after `after`, page by
 * page (strongly consistent): for a caller that may stop between pages (a job running out of time).
 */
export async function* queryPagesAfter(
  store: Store,
  { pk, skPrefix, after }: { pk: string; skPrefix: string; after?: string },
  pageSize = 100,
): AsyncGenerator<Item[]> {
  const pages = pagesOf((startKey) =>
    store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: after ? 'pk = :pk AND sk > :after' : 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: after
          ? { ':pk': pk, ':after': after }
          : { ':pk': pk, ':prefix': skPrefix },
        ConsistentRead: true,
        Limit: pageSize,
        ExclusiveStartKey: startKey,
      }),
    ),
  );
  for await (const items of pages) {
    // sort keys come in order: past the first one without the prefix, none has it
    const inRange = items.filter((item) => String(item.sk).startsWith(skPrefix));
    yield inRange;
    if (inRange.length < items.length) return;
  }
}

/**
 * Every item of one index partition, following the pages (eventually consistent, as index reads are):
 * for server-side jobs that must see a whole partition, such as erasing a contact's orders.
 */
export async function queryAllOfIndex(
  store: Store,
  index: { name: string; partitionKey: string; sortKey: string },
  partition: string,
  {
    keysOnly = false,
    attributes,
  }: {
    keysOnly?: boolean /** Read only these attributes. */;
    attributes?: readonly string[];
  } = {},
): Promise<Item[]> {
  const read = attributes ?? (keysOnly ? ['pk', 'sk'] : undefined);
  return allItemsOf(queryIndexPages(store, index, partition, read ? { attributes: read } : {}));
}

/**
 * The items of one index partition page by page, in sort-key order (eventually consistent, as index reads
 * are): for a job that works through a partition and may stop between pages (a due queue, a member's work).
 */
export function queryIndexPages(
  store: Store,
  index: { name: string; partitionKey: string; sortKey: string },
  partition: string,
  {
    before,
    range = before === undefined ? undefined : { before },
    attributes,
    pageSize,
  }: {
    /** Only items whose sort key sorts before this (a queue up to now). */
    before?: string;
    /** Only items whose sort key is in this range (a period). */
    range?: SortKeyRange;
    /** Read only these attributes. */
    attributes?: readonly string[];
    /** Items per Query at most; without it, DynamoDB's 1 MB pages. */
    pageSize?: number;
  } = {},
): AsyncGenerator<Item[]> {
  return pagesOf((startKey) =>
    store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: index.name,
        ...partitionCondition(index, partition, range),
        ...(attributes
          ? {
              ProjectionExpression: attributes.map((_, at) => `#a${at}`).join(', '),
              ExpressionAttributeNames: Object.fromEntries(attributes.map((name, at) => [`#a${at}`, name])),
            }
          : {}),
        ...(pageSize ? { Limit: pageSize } : {}),
        ExclusiveStartKey: startKey,
      }),
    ),
  );
}

/** How many items one index partition holds: COUNT Queries, so no item is sent back. */
export async function countOfIndex(
  store: Store,
  index: { name: string; partitionKey: string; sortKey: string },
  partition: string,
): Promise<number> {
  let count = 0;
  const replies = repliesOf((startKey) =>
    store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: index.name,
        ...partitionCondition(index, partition),
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    ),
  );
  for await (const reply of replies) count += reply.Count ?? 0;
  return count;
}

function partitionCondition(
  index: { partitionKey: string; sortKey: string },
  partition: string,
  range?: SortKeyRange,
) {
  const [condition, values]: [string, Record<string, string>] =
    range === undefined
      ? ['', {}]
      : 'between' in range
        ? [
            ` AND ${index.sortKey} BETWEEN :from AND :to`,
            { ':from': range.between[0], ':to': range.between[1] },
          ]
        : 'before' in range
          ? [` AND ${index.sortKey} < :before`, { ':before': range.before }]
          : [` AND ${index.sortKey} >= :from`, { ':from': range.atOrAfter }];
  return {
    KeyConditionExpression: `${index.partitionKey} = :pk${condition}`,
    ExpressionAttributeValues: { ':pk': partition, ...values },
  };
}

/**
 * Deletes items by key in BatchWrites of 25, asking again for what DynamoDB left unprocessed; deleting a
 * missing item is no error, so a retry after a crash simply finishes.
 */
export async function deleteItems(
  store: Store,
  itemKeys: readonly { pk: string; sk: string }[],
): Promise<void> {
  for (let at = 0; at < itemKeys.length; at += 25) {
    let pending: NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string] | undefined = itemKeys
      .slice(at, at + 25)
      .map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }));
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt >= 8) throw new Error(`${pending.length} deletes still unprocessed after ${attempt} tries`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const result: BatchWriteCommandOutput = await store.client.send(
        new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }),
      );
      pending = result.UnprocessedItems?.[store.tableName];
    }
  }
}

/**
 * One page of an index partition for a client: its cursor is checked to belong to this partition of the
 * caller's workspace (a forged one is 400) and the next one is returned opaque. `sortPrefix` keeps the page
 * to sort keys that start with it (a name search).
 */
export async function queryIndexPage(
  store: Store,
  workspaceId: string,
  index: { name: string; partitionKey: string; sortKey: string },
  partition: string,
  page: { limit: number; cursor?: string; newestFirst?: boolean; sortPrefix?: string },
  /** A FilterExpression (its names and values): a page may then hold fewer than `limit` items. */
  filter?: PageFilter,
): Promise<Page<Item>> {
  const { sortPrefix } = page;
  const startKey = decodeCursor(page.cursor, {
    workspacePrefix: workspacePrefix(workspaceId),
    index,
    partition,
    sortPrefix,
  });
  const result = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: index.name,
      KeyConditionExpression:
        sortPrefix === undefined
          ? `${index.partitionKey} = :pk`
          : `${index.partitionKey} = :pk AND begins_with(${index.sortKey}, :prefix)`,
      ExpressionAttributeValues: {
        ':pk': partition,
        ...(sortPrefix === undefined ? {} : { ':prefix': sortPrefix }),
        ...filter?.values,
      },
      ...(filter
        ? {
            FilterExpression: filter.expression,
            ...(filter.names ? { ExpressionAttributeNames: filter.names } : {}),
          }
        : {}),
      ...(page.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: page.limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return { items: result.Items ?? [], nextCursor: encodeCursor(result.LastEvaluatedKey) };
}

export interface PageFilter {
  expression: string;
  names?: Record<string, string>;
  values?: Item;
}

/** Records that carry `tag`, as a filter on a page of another list (a name search, an owner's records). */
export const tagFilter = (tag: string | undefined): PageFilter | undefined =>
  tag === undefined ? undefined : { expression: 'contains(tags, :tag)', values: { ':tag': tag } };

/**
 * Items by key in one BatchGet (strongly consistent; at most 100 keys, DynamoDB's limit), asking again with
 * backoff and jitter for the keys DynamoDB left unprocessed (throttled). Keys still unprocessed after the
 * last try are an error, never reported as missing: a caller reads "absent" as "does not exist".
 */
export async function batchGetItems(store: Store, itemKeys: Item[]): Promise<Item[]> {
  const found: Item[] = [];
  let pending: Item[] | undefined = itemKeys;
  for (let attempt = 0; pending && pending.length > 0; attempt++) {
    if (attempt >= 8) throw new Error(`${pending.length} keys still unprocessed after ${attempt} BatchGets`);
    if (attempt > 0) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * 2 ** Math.min(attempt, 5)));
    }
    const result: BatchGetCommandOutput = await store.client.send(
      new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: pending, ConsistentRead: true } } }),
    );
    found.push(...(result.Responses?.[store.tableName] ?? []));
    pending = result.UnprocessedKeys?.[store.tableName]?.Keys as Item[] | undefined;
  }
  return found;
}

/**
 * The items of one entity in every workspace, for scheduled jobs: a Scan of the sparse acrossWorkspaces
 * index, which holds a few settings items per workspace, so it costs what they number, not the table.
 */
export async function scanAcrossWorkspaces(store: Store, entity: string): Promise<Item[]> {
  const index = crmTable.indexes.acrossWorkspaces;
  return allItemsOf(
    pagesOf((startKey) =>
      store.client.send(
        new ScanCommand({
          TableName: store.tableName,
          IndexName: index.name,
          FilterExpression: '#entity = :entity',
          ExpressionAttributeNames: { '#entity': 'entity' },
          ExpressionAttributeValues: { ':entity': entity },
          ExclusiveStartKey: startKey,
        }),
      ),
    ),
  );
}

/**
 * Every item of the whole table whose `entity` is one of `entities`, page by page: for one-off migrations
 * only (infra/migrate-timeline.ts), never for a request or a scheduled job.
 */
export function scanEntitiesPages(store: Store, entities: readonly string[]): AsyncGenerator<Item[]> {
  const values = Object.fromEntries(entities.map((entity, at) => [`:e${at}`, entity]));
  return pagesOf((startKey) =>
    store.client.send(
      new ScanCommand({
        TableName: store.tableName,
        FilterExpression: `#entity IN (${Object.keys(values).join(', ')})`,
        ExpressionAttributeNames: { '#entity': 'entity' },
        ExpressionAttributeValues: values,
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    ),
  );
}

/** Deletes one item that must exist: a missing one is `notFound` (404), never a silent no-op. */
export async function deleteExistingItem(
  store: Store,
  key: { pk: string; sk: string },
  notFound: ErrorCode,
): Promise<void> {
  try {
    await store.client.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: key,
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new NotFoundError(notFound);
    throw error;
  }
}

/** A sort-key range of an index Query: `between` both ends included, `before` excluded, `atOrAfter` included. */
export type SortKeyRange = { between: [string, string] } | { before: string } | { atOrAfter: string };

/**
 * Every item of one index partition within a sort-key range, following the pages (eventually consistent),
 * reading only `attributes`: for a read that needs a whole range at once (the forecast's deals of a period).
 */
export async function queryIndexRange(
  store: Store,
  index: { name: string; partitionKey: string; sortKey: string },
  partition: string,
  range: SortKeyRange,
  attributes: readonly string[],
): Promise<Item[]> {
  return allItemsOf(queryIndexPages(store, index, partition, { range, attributes }));
}
