import type * as z from 'zod/mini';
import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { isId } from '../platform/ids';
import { platformKeys } from '../platform/platform-keys';
import { searchableText } from '../platform/text';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { GetCommand, QueryCommand } from '../store/document-client';
import { queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { positionOfCardKey } from './board-position';
import type { Deal, DealHistory, DealPage, DealsQuery } from './deal';
import { dealFromItem, historyEntryFromItem } from './deal-item';
import { dealsKeys } from './deals-keys';

/** One strongly consistent GetItem; an id that cannot exist (or another workspace's deal) is not found. */
export async function getDeal(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  dealId: string,
): Promise<Deal> {
  if (!isId(dealId)) throw new NotFoundError('deal.not_found');
  const result = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: dealsKeys.deal(workspaceId, dealId),
      ConsistentRead: true,
    }),
  );
  if (!result.Item) throw new NotFoundError('deal.not_found');
  return dealFromItem(result.Item);
}

/** A deal's history, oldest first: the deal (404 when it is not the workspace's), then one Query under it. */
export async function getDealHistory(
  deps: Pick<Deps, 'store'>,
  workspaceId: string,
  dealId: string,
): Promise<z.output<typeof DealHistory>> {
  await getDeal(deps, workspaceId, dealId);
  const items = await queryAllWithPrefix(deps.store, dealsKeys.dealHistoryPrefix(workspaceId, dealId));
  return { items: items.map(historyEntryFromItem) };
}

/** The position of the last card of a column (one Query, newest position first), or none when it is empty. */
export async function lastPositionIn(
  store: Store,
  workspaceId: string,
  pipelineId: string,
  stageId: string,
): Promise<string | undefined> {
  const index = crmTable.indexes.byCollection;
  const result = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: index.name,
      KeyConditionExpression: `${index.partitionKey} = :pk`,
      ExpressionAttributeValues: { ':pk': dealsKeys.boardColumnPartition(workspaceId, pipelineId, stageId) },
      ProjectionExpression: index.sortKey,
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const last = result.Items?.[0]?.[index.sortKey];
  return typeof last === 'string' ? positionOfCardKey(last) : undefined;
}

type Index = (typeof crmTable.indexes)[keyof typeof crmTable.indexes];
export type DealListQuery =
  | { table: true; pk: string; skPrefix: string; filterStatus?: Deal['status'] }
  | { index: Index; partition: string; newestFirst: boolean; filterStatus?: Deal['status'] };

/** Which partition answers a list of deals, and in what order (pure: unit-tested). */
export function dealListQuery(
  workspaceId: string,
  query: Pick<DealsQuery, 'status' | 'ownerId' | 'contactId' | 'companyId'>,
): DealListQuery {
  if (query.contactId)
    return {
      table: true as const,
      pk: dealsKeys.contactDealLinksPrefix(workspaceId, query.contactId).pk,
      skPrefix: 'DEAL#',
      filterStatus: query.status,
    };
  if (query.companyId)
    return {
      index: crmTable.indexes.byParent,
      partition: dealsKeys.companyDealsPartition(workspaceId, query.companyId),
      newestFirst: true,
      filterStatus: query.status,
    };
  if (query.ownerId)
    return {
      index: crmTable.indexes.byOwner,
      partition: dealsKeys.ownedDealsPartition(workspaceId, query.ownerId),
      newestFirst: true,
      filterStatus: query.status,
    };
  const status = query.status ?? 'open';
  return status === 'open'
    ? {
        index: crmTable.indexes.byName,
        partition: dealsKeys.dealsByStatusPartition(workspaceId, 'OPEN'),
        newestFirst: false,
      }
    : {
        index: crmTable.indexes.byName,
        partition: dealsKeys.dealsByStatusPartition(workspaceId, status === 'won' ? 'WON' : 'LOST'),
        newestFirst: true,
      };
}

/**
 * One page of deals, one Query: open deals by expected close date (none last), won or lost newest closed
 * first, an owner's or a company's newest first, a contact's from the links in its partition. A status
 * with an owner, contact or company, and `q` (words of the name), narrow the page with a filter, so a page
 * may come back short with a cursor.
 */
export async function listDeals(
  { store }: Pick<Deps, 'store'>,
  caller: Pick<AuthContext, 'workspaceId'>,
  query: DealsQuery,
): Promise<z.output<typeof DealPage>> {
  const { workspaceId } = caller;
  const plan = dealListQuery(workspaceId, query);
  const filters: string[] = [];
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  if (plan.filterStatus) {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = plan.filterStatus;
  }
  if (query.q) {
    filters.push('contains(searchName, :q)');
    values[':q'] = searchableText(query.q);
  }
  const filter =
    filters.length > 0
      ? {
          FilterExpression: filters.join(' AND '),
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        }
      : {};
  const workspacePrefix = platformKeys.workspacePrefix(workspaceId);
  const result =
    'table' in plan
      ? await store.client.send(
          new QueryCommand({
            TableName: store.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': plan.pk, ':prefix': plan.skPrefix, ...values },
            ...filter,
            Limit: query.limit,
            ExclusiveStartKey: decodeCursor(query.cursor, {
              workspacePrefix,
              partition: plan.pk,
              sortPrefix: plan.skPrefix,
            }),
          }),
        )
      : await store.client.send(
          new QueryCommand({
            TableName: store.tableName,
            IndexName: plan.index.name,
            KeyConditionExpression: `${plan.index.partitionKey} = :pk`,
            ExpressionAttributeValues: { ':pk': plan.partition, ...values },
            ...filter,
            ...(plan.newestFirst ? { ScanIndexForward: false } : {}),
            Limit: query.limit,
            ExclusiveStartKey: decodeCursor(query.cursor, {
              workspacePrefix,
              index: plan.index,
              partition: plan.partition,
            }),
          }),
        );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return { items: (result.Items ?? []).map(dealFromItem), ...(nextCursor ? { nextCursor } : {}) };
}
