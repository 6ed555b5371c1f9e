import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { ConflictError } from '../platform/errors';
import { deleteItems, queryAllWithPrefix } from '../store/queries';
import { planDealWrite, runDealWrite } from './deal-writes';
import { dealsKeys } from './deals-keys';
import { pipelineRecord } from './manage-pipelines';
import { getDeal } from './read-deals';
import { stageNamesOf } from './stage-names';

/**
 * Deletes a deal: one transaction over the version it read takes it off its pipeline's counters, removes
 * its contacts' links and open work and records deal.deleted; then its history entries go (a deal changed
 * in between is read again, three times at most). The timeline entries it left stay: they say what happened.
 */
export async function deleteDeal(
  deps: Deps,
  { workspaceId, userId }: Pick<AuthContext, 'workspaceId' | 'userId'>,
  dealId: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await getDeal(deps, workspaceId, dealId);
    const pipeline = await pipelineRecord(deps, workspaceId, current.pipelineId).catch(() => undefined);
    try {
      await runDealWrite(
        deps.store,
        planDealWrite(deps.store.tableName, workspaceId, {
          before: current,
          actorId: userId,
          now: deps.clock(),
          stageName: stageNamesOf(pipeline ? [pipeline.pipeline] : []),
        }),
      );
      break;
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'deal.version_conflict') || attempt >= 3)
        throw error;
    }
  }
  const history = await queryAllWithPrefix(deps.store, dealsKeys.dealHistoryPrefix(workspaceId, dealId));
  await deleteItems(
    deps.store,
    history.map((item) => ({ pk: String(item.pk), sk: String(item.sk) })),
  );
}
