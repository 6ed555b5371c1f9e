import { createHash } from 'node:crypto';
import { isId } from '../platform/ids';
import { withoutKeys } from '../records/record-store';
import { ExactNumber, type Item } from '../store/attribute-values';
import { GetCommand } from '../store/document-client';
import type { Store } from '../store/store';
import { dealsKeys } from './deals-keys';
import type { Pipeline } from './pipeline';

/**
 * The pipeline item (decision 160): the pipeline as the API shows it, the ids of the stages a deal may
 * enter (`stageIds`, which a deal write checks with `contains`), the stages being emptied by a removal in
 * progress (`draining`: removed stage → stage its deals go to) and, as top-level numbers, the board's
 * counters, which only deal writes change (with ADD).
 */
export interface PipelineRecord {
  pipeline: Pipeline;
  /** Stages a deal may enter: the pipeline's stages but those being removed. */
  stageIds: string[];
  draining: Record<string, string>;
  /** Counter attribute → its exact value as a decimal string (`count#<stage>`, `sum#<stage>#<CUR>`, `count#WON`). */
  counters: Record<string, string>;
}

const counterPattern = /^(count|sum)#/;

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The id of a workspace's default pipeline: the same every time for the same workspace (a ULID of time 0
 * and 80 bits of a hash of the workspace id), so that two first requests at once create it once (the put
 * is conditional) and it lists first.
 */
export function defaultPipelineId(workspaceId: string): string {
  const hash = createHash('sha256').update(`default-pipeline:${workspaceId}`).digest();
  let random = '';
  for (let at = 0; at < 16; at++) random += crockford[(hash[at] as number) % 32];
  return `0000000000${random}`;
}

export function pipelineItem(
  workspaceId: string,
  pipeline: Pipeline,
  state: { stageIds?: string[]; draining?: Record<string, string> } = {},
): Record<string, unknown> {
  return {
    ...dealsKeys.pipeline(workspaceId, pipeline.id),
    ...dealsKeys.pipelineListed(workspaceId, pipeline.id),
    entity: 'pipeline',
    ...pipeline,
    stageIds: state.stageIds ?? pipeline.stages.map((stage) => stage.id),
    draining: state.draining ?? {},
  };
}

/** The pipeline as the API shows it, without its keys, counters and bookkeeping. */
export function pipelineFromItem(item: Record<string, unknown>): Pipeline {
  const fields = withoutKeys<Record<string, unknown>>(item);
  return {
    id: String(fields.id),
    version: Number(fields.version),
    createdAt: String(fields.createdAt),
    updatedAt: String(fields.updatedAt),
    name: String(fields.name),
    stages: (fields.stages as Pipeline['stages']).map((stage) => ({
      id: stage.id,
      name: stage.name,
      probability: Number(stage.probability),
    })),
    isDefault: fields.isDefault === true,
  };
}

/** Counters are read as exact numbers, never through a float. */
const isCounter = (attribute: string) => counterPattern.test(attribute);

/** The record of a pipeline item read with its counters as exact numbers (`isCounter`). */
export function pipelineRecordOf(item: Item): PipelineRecord {
  const counters: Record<string, string> = {};
  for (const [name, value] of Object.entries(item)) {
    if (isCounter(name) && value instanceof ExactNumber) counters[name] = value.text;
  }
  const plain = Object.fromEntries(Object.entries(item).filter(([name]) => !isCounter(name)));
  const pipeline = pipelineFromItem(plain);
  return {
    pipeline,
    stageIds: Array.isArray(item.stageIds)
      ? (item.stageIds as string[])
      : pipeline.stages.map((stage) => stage.id),
    draining: (item.draining as Record<string, string> | undefined) ?? {},
    counters,
  };
}

/** One strongly consistent GetItem of a pipeline with its counters; undefined when there is none. */
export async function findPipeline(
  store: Store,
  workspaceId: string,
  pipelineId: string,
): Promise<PipelineRecord | undefined> {
  if (!isId(pipelineId)) return undefined;
  const result = await store.client.send(
    new GetCommand(
      { TableName: store.tableName, Key: dealsKeys.pipeline(workspaceId, pipelineId), ConsistentRead: true },
      { exactNumbers: isCounter },
    ),
  );
  return result.Item ? pipelineRecordOf(result.Item) : undefined;
}

/** How many open deals a stage holds, by its counter. */
export const openDealsIn = (record: PipelineRecord, stageId: string): number =>
  Number(record.counters[dealsKeys.stageCountAttribute(stageId)] ?? '0');
