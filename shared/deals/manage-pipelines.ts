import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../platform/deps';
import { ConflictError, NotFoundError } from '../platform/errors';
import { newId } from '../platform/ids';
import { DeleteCommand, PutCommand } from '../store/document-client';
import { queryAllOfIndex } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { dealsKeys } from './deals-keys';
import { defaultPipelineStages, type Pipeline, type PipelineInput } from './pipeline';
import {
  defaultPipelineId,
  findPipeline,
  type PipelineRecord,
  pipelineFromItem,
  pipelineItem,
} from './pipeline-store';

/** A new pipeline with fresh stage ids (pure). */
export function newPipeline(
  input: PipelineInput,
  now: Date,
  { id = newId(now.getTime()), isDefault = false }: { id?: string; isDefault?: boolean } = {},
): Pipeline {
  const at = now.toISOString();
  return {
    id,
    version: 1,
    createdAt: at,
    updatedAt: at,
    name: input.name,
    stages: input.stages.map((stage) => ({
      id: newId(now.getTime()),
      name: stage.name,
      probability: stage.probability,
    })),
    isDefault,
  };
}

/**
 * The workspace's default pipeline, created on first use ("Sales", defaultPipelineStages). Its id follows
 * from the workspace, so two first requests at once create it once: the put is conditional, the loser
 * reads the winner's.
 */
export async function ensureDefaultPipeline(
  { store, clock }: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
): Promise<PipelineRecord> {
  const id = defaultPipelineId(workspaceId);
  const found = await findPipeline(store, workspaceId, id);
  if (found) return found;
  const pipeline = newPipeline({ name: 'Sales', stages: defaultPipelineStages }, clock(), {
    id,
    isDefault: true,
  });
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: pipelineItem(workspaceId, pipeline),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  const created = await findPipeline(store, workspaceId, id);
  if (!created) throw new Error('the default pipeline was not created');
  return created;
}

/** Every pipeline of the workspace (one Query of byCollection), the default one first, created when missing. */
export async function listPipelines(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
): Promise<{ items: Pipeline[] }> {
  const items = await queryAllOfIndex(
    deps.store,
    crmTable.indexes.byCollection,
    dealsKeys.pipelinesPartition(workspaceId),
  );
  const pipelines = items.map(pipelineFromItem);
  const defaultId = defaultPipelineId(workspaceId);
  if (!pipelines.some((pipeline) => pipeline.id === defaultId))
    pipelines.unshift((await ensureDefaultPipeline(deps, workspaceId)).pipeline);
  return { items: pipelines };
}

export async function createPipeline(
  { store, clock }: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  input: PipelineInput,
): Promise<Pipeline> {
  const pipeline = newPipeline(input, clock());
  await store.client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: pipelineItem(workspaceId, pipeline),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return pipeline;
}

/** A pipeline with its counters, or 404; the default one is created on first use. */
export async function pipelineRecord(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  pipelineId: string,
): Promise<PipelineRecord> {
  const found = await findPipeline(deps.store, workspaceId, pipelineId);
  if (found) return found;
  if (pipelineId === defaultPipelineId(workspaceId)) return ensureDefaultPipeline(deps, workspaceId);
  throw new NotFoundError('pipeline.not_found');
}

export async function getPipeline(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  pipelineId: string,
) {
  return (await pipelineRecord(deps, workspaceId, pipelineId)).pipeline;
}

/**
 * Deletes a pipeline that is not the default and holds no deal, open or closed: the delete is conditioned
 * on every counter being zero, so a deal created meanwhile makes it a 409 rather than an orphan.
 */
export async function deletePipeline(
  { store }: { store: Store },
  workspaceId: string,
  pipelineId: string,
): Promise<void> {
  if (pipelineId === defaultPipelineId(workspaceId)) {
    if (await findPipeline(store, workspaceId, pipelineId)) throw new ConflictError('pipeline.is_default');
    throw new NotFoundError('pipeline.not_found');
  }
  const record = await findPipeline(store, workspaceId, pipelineId);
  if (!record) throw new NotFoundError('pipeline.not_found');
  const counts = [
    ...record.pipeline.stages.map((stage) => dealsKeys.stageCountAttribute(stage.id)),
    ...Object.keys(record.counters).filter((name) => name.startsWith('count#')),
    dealsKeys.outcomeCountAttribute('WON'),
    dealsKeys.outcomeCountAttribute('LOST'),
  ];
  const unique = [...new Set(counts)];
  if (unique.some((name) => Number(record.counters[name] ?? '0') !== 0))
    throw new ConflictError('pipeline.not_empty');
  try {
    await store.client.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: dealsKeys.pipeline(workspaceId, pipelineId),
        ConditionExpression: [
          'attribute_exists(pk)',
          ...unique.map((_, at) => `(attribute_not_exists(#c${at}) OR #c${at} = :zero)`),
        ].join(' AND '),
        ExpressionAttributeNames: Object.fromEntries(unique.map((name, at) => [`#c${at}`, name])),
        ExpressionAttributeValues: { ':zero': 0 },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ConflictError('pipeline.not_empty');
    throw error;
  }
}
