import { checkCustomFields } from '../custom-fields/check-custom-fields';
import { listFieldDefinitions } from '../custom-fields/field-definitions-store';
import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { NotFoundError, ValidationError } from '../platform/errors';
import { newId } from '../platform/ids';
import { isUsablePosition, positionBetween } from './board-position';
import type { Deal, DealInput } from './deal';
import { otherContacts } from './deal-rules';
import { planDealWrite, runDealWrite } from './deal-writes';
import { ensureDefaultPipeline, pipelineRecord } from './manage-pipelines';
import { lastPositionIn } from './read-deals';
import { stageNamesOf } from './stage-names';

/**
 * Creates a deal in a stage of a pipeline (the default pipeline and its first stage when left out), owned
 * by the caller unless it names another member, at the end of its column unless it names a position.
 * Primary course: read the pipeline, the custom field definitions and, without a position, the column's
 * last card; then one transaction (deal-writes.ts): the deal, the stage's counters, the checks of owner,
 * contacts and company, the history's first entry, the contacts' links and open work, the timeline entry
 * and deal.created.
 */
export async function createDeal(
  deps: Deps,
  caller: Pick<AuthContext, 'workspaceId' | 'userId'>,
  input: DealInput,
): Promise<Deal> {
  const { store, clock } = deps;
  const { workspaceId } = caller;
  const record = input.pipelineId
    ? await pipelineRecord(deps, workspaceId, input.pipelineId).catch((error: unknown) => {
        throw error instanceof NotFoundError
          ? new ValidationError({ pipelineId: 'There is no pipeline with this id.' })
          : error;
      })
    : await ensureDefaultPipeline(deps, workspaceId);
  const stageId = input.stageId ?? record.stageIds[0];
  if (!stageId || !record.stageIds.includes(stageId))
    throw new ValidationError({ stageId: 'Pick a stage of the pipeline.' });
  if (input.position !== undefined && !isUsablePosition(input.position))
    throw new ValidationError({ position: 'This is not a board position.' });
  const [definitions, last] = await Promise.all([
    listFieldDefinitions(store, workspaceId, 'deal'),
    input.position === undefined
      ? lastPositionIn(store, workspaceId, record.pipeline.id, stageId)
      : undefined,
  ]);
  const customFields = checkCustomFields(definitions, {}, input.customFields);
  const now = clock();
  const at = now.toISOString();
  const deal: Deal = {
    id: newId(now.getTime()),
    version: 1,
    createdAt: at,
    updatedAt: at,
    name: input.name,
    amount: input.amount,
    currency: input.currency,
    ...(input.expectedCloseDate ? { expectedCloseDate: input.expectedCloseDate } : {}),
    ownerId: input.ownerId ?? caller.userId,
    ...(input.primaryContactId ? { primaryContactId: input.primaryContactId } : {}),
    contactIds: otherContacts(input.primaryContactId, input.contactIds),
    ...(input.companyId ? { companyId: input.companyId } : {}),
    pipelineId: record.pipeline.id,
    stageId,
    stageEnteredAt: at,
    position: input.position ?? positionBetween(last, undefined),
    status: 'open',
    tags: input.tags,
    ...(Object.keys(customFields).length > 0 ? { customFields } : {}),
    createdBy: caller.userId,
  };
  await runDealWrite(
    store,
    planDealWrite(store.tableName, workspaceId, {
      after: deal,
      actorId: caller.userId,
      now,
      stageName: stageNamesOf([record.pipeline]),
    }),
  );
  return deal;
}
