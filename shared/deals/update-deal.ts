import { checkCustomFields } from '../custom-fields/check-custom-fields';
import type { CustomFieldValues } from '../custom-fields/field-definition';
import { listFieldDefinitions } from '../custom-fields/field-definitions-store';
import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../platform/errors';
import { isUsablePosition, positionBetween } from './board-position';
import type { Deal, DealPatch } from './deal';
import { patchedDeal, stageOf } from './deal-rules';
import { planDealWrite, runDealWrite } from './deal-writes';
import { decimalsOf } from './decimal';
import { getLostReasons } from './lost-reasons';
import { pipelineRecord } from './manage-pipelines';
import { currencyDecimals } from './money';
import type { Pipeline } from './pipeline';
import { getDeal, lastPositionIn } from './read-deals';
import { stageNamesOf } from './stage-names';

/** The stage a patch puts the deal into, and whether it lands at the end of a column it enters. */
function targetOf(current: Deal, patch: DealPatch, pipeline: Pipeline) {
  const pipelineChanged = patch.pipelineId !== undefined && patch.pipelineId !== current.pipelineId;
  const reopening = patch.status === 'open' && current.status !== 'open';
  // a deal reopened into a stage that was removed meanwhile goes to the pipeline's first stage
  const kept = stageOf(pipeline, current.stageId) ? current.stageId : pipeline.stages[0]?.id;
  const stageId =
    patch.stageId ?? (pipelineChanged ? pipeline.stages[0]?.id : reopening ? kept : current.stageId);
  const entersColumn = pipelineChanged || reopening || (stageId !== undefined && stageId !== current.stageId);
  return { stageId, needsEnd: entersColumn && patch.position === undefined };
}

/**
 * Changes a deal over the version the client saw (If-Match): its fields, a move to another stage, position
 * or pipeline, won, lost (for one of the workspace's lost reasons) or reopened. Primary course:
 * 1. read the deal (404; another version is a 409), its pipeline and the one it moves to;
 * 2. check the lost reason, the custom fields and a position; find the end of the column it enters;
 * 3. the deal after the change (deal-rules.ts), then one transaction with its counters, history, links,
 *    open work, timeline entry and events (deal-writes.ts), retried when only other writes got in its way.
 */
export async function updateDeal(
  deps: Deps,
  caller: Pick<AuthContext, 'workspaceId' | 'userId'>,
  dealId: string,
  patch: DealPatch,
  expectedVersion: number,
): Promise<Deal> {
  const { store, clock } = deps;
  const { workspaceId } = caller;
  const current = await getDeal(deps, workspaceId, dealId);
  if (current.version !== expectedVersion) throw new ConflictError('deal.version_conflict');
  // the patch's own check sees its amount and currency only when both are sent
  const amount = patch.amount ?? current.amount;
  const currency = patch.currency ?? current.currency;
  if (decimalsOf(amount) > currencyDecimals(currency))
    throw new ValidationError({ amount: 'The amount has more decimals than its currency allows.' });
  if (patch.position !== undefined && !isUsablePosition(patch.position))
    throw new ValidationError({ position: 'This is not a board position.' });
  const pipelineId = patch.pipelineId ?? current.pipelineId;
  const [target, source, lostReasons, definitions] = await Promise.all([
    pipelineRecord(deps, workspaceId, pipelineId).catch((error: unknown) => {
      throw error instanceof NotFoundError && patch.pipelineId
        ? new ValidationError({ pipelineId: 'There is no pipeline with this id.' })
        : error;
    }),
    pipelineId === current.pipelineId
      ? undefined
      : pipelineRecord(deps, workspaceId, current.pipelineId).catch(() => undefined),
    patch.status === 'lost' ? getLostReasons(store, workspaceId) : undefined,
    patch.customFields ? listFieldDefinitions(store, workspaceId, 'deal') : undefined,
  ]);
  if (lostReasons && patch.lostReason && !lostReasons.reasons.includes(patch.lostReason))
    throw new AppError(400, 'deal.unknown_lost_reason', {
      fields: { lostReason: `Pick one of: ${lostReasons.reasons.join(', ')}.` },
    });
  const customFields = definitions
    ? checkCustomFields(definitions, (current.customFields ?? {}) as CustomFieldValues, patch.customFields)
    : undefined;
  const { stageId, needsEnd } = targetOf(current, patch, target.pipeline);
  if (stageId && patch.stageId === undefined && needsEnd && !target.stageIds.includes(stageId))
    throw new ConflictError('deal.stage_not_in_pipeline');
  const last =
    needsEnd && stageId ? await lastPositionIn(store, workspaceId, target.pipeline.id, stageId) : undefined;
  const now = clock();
  const next = patchedDeal(
    current,
    { ...patch, ...(stageId && patch.stageId === undefined && needsEnd ? { stageId } : {}) },
    {
      pipeline: target.pipeline,
      ...(customFields ? { customFields } : {}),
      endOfColumn: () => positionBetween(last, undefined),
      by: caller.userId,
      now,
    },
  );
  await runDealWrite(
    store,
    planDealWrite(store.tableName, workspaceId, {
      before: current,
      after: next,
      actorId: caller.userId,
      now,
      stageName: stageNamesOf([target.pipeline, ...(source ? [source.pipeline] : [])]),
    }),
  );
  return next;
}
