import type { Deps } from '../platform/deps';
import { ConflictError, ValidationError } from '../platform/errors';
import { platformKeys } from '../platform/platform-keys';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { QueryCommand } from '../store/document-client';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import type { Board, BoardColumn, BoardQuery } from './deal';
import { dealFromItem } from './deal-item';
import { dealsKeys } from './deals-keys';
import { isZero, weighted, withDecimals } from './decimal';
import { pipelineRecord } from './manage-pipelines';
import { currencyDecimals } from './money';
import type { Stage, StageTotals } from './pipeline';
import type { PipelineRecord } from './pipeline-store';

/**
 * A stage's totals from its pipeline's counters (pure: unit-tested): the count, and per currency the sum
 * and the probability-weighted sum (sum × probability ÷ 100, exact; not stored, so re-weighting a stage
 * rewrites nothing). A currency whose sum is back to zero is left out.
 */
export function stageTotals(record: PipelineRecord, stage: Stage): StageTotals {
  const prefix = `sum#${stage.id}#`;
  const sums = Object.entries(record.counters)
    .filter(([name, value]) => name.startsWith(prefix) && !isZero(value))
    .map(([name, value]) => {
      const currency = name.slice(prefix.length);
      const decimals = currencyDecimals(currency);
      return {
        currency,
        amount: withDecimals(value, decimals),
        weighted: weighted(value, stage.probability, decimals),
      };
    })
    .sort((a, b) => a.currency.localeCompare(b.currency));
  return { count: Number(record.counters[dealsKeys.stageCountAttribute(stage.id)] ?? '0'), sums };
}

/** One page of a column: one Query of its board partition by position, narrowed by owner or tag. */
async function columnPage(
  store: Store,
  workspaceId: string,
  pipelineId: string,
  stage: Stage,
  query: BoardQuery,
  cursor: string | undefined,
) {
  const index = crmTable.indexes.byCollection;
  const partition = dealsKeys.boardColumnPartition(workspaceId, pipelineId, stage.id);
  const filters: string[] = [];
  const values: Record<string, unknown> = {};
  if (query.ownerId) {
    filters.push('ownerId = :owner');
    values[':owner'] = query.ownerId;
  }
  if (query.tag) {
    filters.push('contains(tags, :tag)');
    values[':tag'] = query.tag;
  }
  const result = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: index.name,
      KeyConditionExpression: `${index.partitionKey} = :pk`,
      ExpressionAttributeValues: { ':pk': partition, ...values },
      ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
      Limit: query.limit,
      ExclusiveStartKey: decodeCursor(cursor, {
        workspacePrefix: platformKeys.workspacePrefix(workspaceId),
        index,
        partition,
      }),
    }),
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return { cards: (result.Items ?? []).map(dealFromItem), ...(nextCursor ? { nextCursor } : {}) };
}

/**
 * A pipeline's board: one GetItem of the pipeline (its stages and counters, strongly consistent) and one
 * Query per stage, in parallel, for the first page of each column by position. With `stageId`, one
 * column's page after `cursor`. Owner and tag narrow the cards, not the totals.
 */
export async function readBoard(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  pipelineId: string,
  query: BoardQuery,
): Promise<Board> {
  if (query.cursor && !query.stageId)
    throw new ValidationError({ cursor: 'Page one column: send its stageId.' });
  const record = await pipelineRecord(deps, workspaceId, pipelineId);
  const stages = query.stageId
    ? record.pipeline.stages.filter((stage) => stage.id === query.stageId)
    : record.pipeline.stages;
  if (query.stageId && stages.length === 0) throw new ConflictError('deal.stage_not_in_pipeline');
  const columns: BoardColumn[] = await Promise.all(
    stages.map(async (stage) => ({
      stageId: stage.id,
      name: stage.name,
      probability: stage.probability,
      totals: stageTotals(record, stage),
      ...(await columnPage(
        deps.store,
        workspaceId,
        pipelineId,
        stage,
        query,
        query.stageId ? query.cursor : undefined,
      )),
    })),
  );
  return { pipeline: record.pipeline, columns };
}
