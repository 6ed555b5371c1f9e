import { monotonicFactory } from 'ulid';
import { Deal, DealHistoryEntry } from '../../shared/deals/deal';
import { dealItem as dealItemAsWritten, historyEntryItem } from '../../shared/deals/deal-item';
import { Pipeline } from '../../shared/deals/pipeline';
import { pipelineItem as pipelineItemAsWritten } from '../../shared/deals/pipeline-store';
import { BatchWriteCommand, type DocumentClient } from '../../shared/store/document-client';

/**
 * Pipelines, deals and their history written straight into a table exactly as the deals capability
 * writes them (decision 160, deals-keys.ts): a value the contract's schema parses, made an item by the
 * capability's own item builders (its keys and index keys following from its state). For the forecast's
 * tests, which need deals closed and stages left in the past, which the API's clock cannot write. The
 * pipelines' board counters are not kept: the forecast does not read them.
 */
type Item = Record<string, unknown>;

// ids in creation order, as the deals capability's are (pipelines list in id order)
const ulid = monotonicFactory();

export function pipelineItem(workspaceId: string, pipeline: Pipeline): Item {
  return pipelineItemAsWritten(workspaceId, Pipeline.parse(pipeline));
}

/** A deal's item: open, a card of its column and by expected close date; closed, by its outcome and close time. */
export function dealItem(workspaceId: string, deal: Deal): Item {
  return dealItemAsWritten(workspaceId, Deal.parse(deal));
}

/** A history entry; one that leaves a stage (a move, won, lost) is also on its pipeline's stage exits. */
export function historyItem(workspaceId: string, entry: DealHistoryEntry): Item {
  return historyEntryItem(workspaceId, DealHistoryEntry.parse(entry));
}

const longAgo = '2020-01-01T00:00:00.000Z';

export function aPipeline(name: string, stages: { name: string; probability: number }[]): Pipeline {
  return {
    id: ulid(),
    version: 1,
    createdAt: longAgo,
    updatedAt: longAgo,
    name,
    stages: stages.map((stage) => ({ id: ulid(), ...stage })),
    isDefault: false,
  };
}

export function aDeal(
  values: Pick<Deal, 'amount' | 'currency' | 'ownerId' | 'pipelineId' | 'stageId'> & Partial<Deal>,
): Deal {
  const createdAt = values.createdAt ?? longAgo;
  return {
    id: ulid(),
    version: 1,
    createdAt,
    updatedAt: values.closedAt ?? createdAt,
    name: 'Früh GmbH renewal',
    contactIds: [],
    stageEnteredAt: createdAt,
    position: 'a0',
    status: 'open',
    tags: [],
    createdBy: values.ownerId,
    ...values,
  };
}

/** A move out of a stage after `timeInStageMs`, at `at`. */
export function aStageExit(
  deal: Pick<Deal, 'id' | 'pipelineId' | 'ownerId'>,
  fromStageId: string,
  toStageId: string | undefined,
  at: string,
  timeInStageMs: number,
  kind: 'stage' | 'won' | 'lost' = 'stage',
): DealHistoryEntry {
  return {
    id: ulid(),
    dealId: deal.id,
    kind,
    at,
    by: deal.ownerId,
    pipelineId: deal.pipelineId,
    fromStageId,
    ...(toStageId ? { toStageId } : {}),
    timeInStageMs,
  };
}

export async function putItems(
  table: { client: DocumentClient; tableName: string },
  items: readonly Item[],
): Promise<void> {
  for (let at = 0; at < items.length; at += 25) {
    const result = await table.client.send(
      new BatchWriteCommand({
        RequestItems: {
          [table.tableName]: items.slice(at, at + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
    if (Object.keys(result.UnprocessedItems ?? {}).length)
      throw new Error('some seeded deal items were not written');
  }
}
