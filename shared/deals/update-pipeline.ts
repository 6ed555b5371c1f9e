import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors';
import { newId } from '../platform/ids';
import { UpdateCommand } from '../store/document-client';
import { queryIndexPages } from '../store/queries';
import { crmTable } from '../store/table';
import { positionsAfter } from './board-position';
import type { Deal } from './deal';
import { patchedDeal } from './deal-rules';
import { planDealWrite, runDealWrite } from './deal-writes';
import { dealsKeys } from './deals-keys';
import { pipelineRecord } from './manage-pipelines';
import type { Pipeline, PipelinePatch } from './pipeline';
import { openDealsIn, type PipelineRecord } from './pipeline-store';
import { getDeal, lastPositionIn } from './read-deals';
import { stageNamesOf } from './stage-names';

/** Deals moved out of a removed stage per Query page, and how many moves run at once. */
const batchSize = 25;
const parallelMoves = 4;

export interface PipelinePlan {
  next: Pipeline;
  /** Removed stage → the kept stage its open deals move to (only stages that hold open deals). */
  moves: Record<string, string>;
  removed: string[];
}

/**
 * What a patch makes of a pipeline (pure: unit-tested). `stages` is the whole new list: a stage with an
 * id of this pipeline is kept (renamed, re-weighted, moved), one without an id is added, one left out is
 * removed. A removed stage that holds open deals needs a kept stage to move them to (409 otherwise).
 */
export function planPipelinePatch(record: PipelineRecord, patch: PipelinePatch, now: Date): PipelinePlan {
  const current = record.pipeline;
  const known = new Set(current.stages.map((stage) => stage.id));
  const fields: Record<string, string> = {};
  patch.stages?.forEach((stage, at) => {
    if (stage.id !== undefined && !known.has(stage.id))
      fields[`stages.${at}.id`] = 'This stage is not in the pipeline.';
  });
  const stages = patch.stages
    ? patch.stages.map((stage) => ({
        id: stage.id ?? newId(now.getTime()),
        name: stage.name,
        probability: stage.probability,
      }))
    : current.stages;
  const kept = new Set(stages.map((stage) => stage.id));
  if (
    new Set(patch.stages?.flatMap((stage) => (stage.id ? [stage.id] : []))).size !==
    (patch.stages?.filter((stage) => stage.id).length ?? 0)
  )
    fields.stages = 'Name each stage once.';
  const removed = current.stages.filter((stage) => !kept.has(stage.id)).map((stage) => stage.id);
  const moves: Record<string, string> = {};
  for (const [from, to] of Object.entries(patch.moveDealsTo ?? {})) {
    if (!removed.includes(from)) fields[`moveDealsTo.${from}`] = 'Only a stage you remove moves its deals.';
    else if (!kept.has(to) || !known.has(to))
      fields[`moveDealsTo.${from}`] = 'Move the deals to a stage the pipeline keeps.';
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  for (const stageId of removed) {
    if (openDealsIn(record, stageId) === 0) continue;
    const to = patch.moveDealsTo?.[stageId];
    if (!to)
      throw new ConflictError('pipeline.stage_not_empty', {
        fields: { [`moveDealsTo.${stageId}`]: 'This stage holds open deals.' },
      });
    moves[stageId] = to;
  }
  const next: Pipeline = {
    ...current,
    name: patch.name ?? current.name,
    stages,
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  return { next, moves, removed };
}

/**
 * Renames a pipeline and adds, renames, re-weights, reorders or removes stages (If-Match version).
 * Primary course when removed stages hold open deals:
 * 1. close those stages to deals (`stageIds` without them; `draining` notes where their deals go), on the
 *    version read; the version does not change yet, so a retried request passes the same If-Match;
 * 2. move their open deals to the target stages in batches, each deal its own transaction with its
 *    counters, history and events (a retry finds only the deals still left);
 * 3. write the new stages and version, taking the emptied stages' counters away, on condition that the
 *    version is still the one read and the removed stages are empty.
 */
export async function updatePipeline(
  deps: Deps,
  caller: Pick<AuthContext, 'workspaceId' | 'userId'>,
  pipelineId: string,
  patch: PipelinePatch,
  expectedVersion: number,
): Promise<Pipeline> {
  const { store, clock } = deps;
  const { workspaceId } = caller;
  const record = await pipelineRecord(deps, workspaceId, pipelineId);
  if (record.pipeline.version !== expectedVersion) throw new ConflictError('pipeline.version_conflict');
  const plan = planPipelinePatch(record, patch, clock());
  const key = dealsKeys.pipeline(workspaceId, pipelineId);
  const removedSet = new Set(plan.removed);
  if (Object.keys(plan.moves).length > 0) {
    try {
      await store.client.send(
        new UpdateCommand({
          TableName: store.tableName,
          Key: key,
          UpdateExpression: 'SET stageIds = :open, draining = :draining',
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: {
            ':open': record.pipeline.stages.map((stage) => stage.id).filter((id) => !removedSet.has(id)),
            ':draining': plan.moves,
            ':expected': expectedVersion,
          },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ConflictError('pipeline.version_conflict');
      throw error;
    }
    for (const [from, to] of Object.entries(plan.moves))
      await drainStage(deps, caller, record.pipeline, from, to);
  }
  const latest = await pipelineRecord(deps, workspaceId, pipelineId);
  const leftovers = Object.keys(latest.counters).filter((name) =>
    plan.removed.some(
      (stageId) => name === dealsKeys.stageCountAttribute(stageId) || name.startsWith(`sum#${stageId}#`),
    ),
  );
  const names: Record<string, string> = { '#version': 'version', '#name': 'name' };
  leftovers.forEach((name, at) => {
    names[`#r${at}`] = name;
  });
  const emptyChecks = plan.removed.map((stageId, at) => {
    names[`#e${at}`] = dealsKeys.stageCountAttribute(stageId);
    return `(attribute_not_exists(#e${at}) OR #e${at} = :zero)`;
  });
  try {
    await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: key,
        UpdateExpression: `SET #name = :name, stages = :stages, stageIds = :stageIds, #version = :next, updatedAt = :at, draining = :none${
          leftovers.length > 0 ? ` REMOVE ${leftovers.map((_, at) => `#r${at}`).join(', ')}` : ''
        }`,
        ConditionExpression: ['#version = :expected', ...emptyChecks].join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ':name': plan.next.name,
          ':stages': plan.next.stages,
          ':stageIds': plan.next.stages.map((stage) => stage.id),
          ':next': plan.next.version,
          ':at': plan.next.updatedAt,
          ':none': {},
          ':expected': expectedVersion,
          ...(emptyChecks.length > 0 ? { ':zero': 0 } : {}),
        },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException)
      throw new ConflictError('pipeline.version_conflict');
    throw error;
  }
  return plan.next;
}

/**
 * Moves every open deal of a removed stage to `to`, a batch at a time, each to the end of the target
 * column. The index may lag: a deal is read strongly before it moves, one already gone is skipped, and the
 * stage's counter (strongly consistent) says when it is empty.
 */
async function drainStage(
  deps: Deps,
  caller: Pick<AuthContext, 'workspaceId' | 'userId'>,
  pipeline: Pipeline,
  from: string,
  to: string,
): Promise<void> {
  const { store, clock } = deps;
  const { workspaceId } = caller;
  for (let round = 0; round < 1000; round++) {
    const record = await pipelineRecord(deps, workspaceId, pipeline.id);
    if (openDealsIn(record, from) === 0) return;
    const pages = queryIndexPages(
      store,
      crmTable.indexes.byCollection,
      dealsKeys.boardColumnPartition(workspaceId, pipeline.id, from),
      { attributes: ['id'], pageSize: batchSize },
    );
    const first = await pages.next();
    const ids = first.done ? [] : first.value.map((item) => String(item.id));
    if (ids.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    const positions = positionsAfter(await lastPositionIn(store, workspaceId, pipeline.id, to), ids.length);
    for (let at = 0; at < ids.length; at += parallelMoves) {
      await Promise.all(
        ids.slice(at, at + parallelMoves).map((id, offset) => moveOne(id, positions[at + offset] as string)),
      );
    }
  }
  throw new Error(`stage ${from} of pipeline ${pipeline.id} did not empty`);

  async function moveOne(dealId: string, position: string): Promise<void> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const current: Deal | undefined = await getDeal(deps, workspaceId, dealId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      });
      const stillThere =
        current?.status === 'open' && current.pipelineId === pipeline.id && current.stageId === from;
      if (!current || !stillThere) return;
      const now = clock();
      const next = patchedDeal(
        current,
        { stageId: to, position },
        { pipeline, endOfColumn: () => position, by: caller.userId, now },
      );
      try {
        await runDealWrite(
          store,
          planDealWrite(store.tableName, workspaceId, {
            before: current,
            after: next,
            actorId: caller.userId,
            now,
            stageName: stageNamesOf([pipeline]),
          }),
        );
        return;
      } catch (error) {
        // changed meanwhile: read it again
        if (!(error instanceof ConflictError && error.code === 'deal.version_conflict')) throw error;
      }
    }
  }
}
