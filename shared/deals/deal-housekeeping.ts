import type { Deps } from '../platform/deps';
import { ConflictError, NotFoundError } from '../platform/errors';
import { queryAllOfIndex } from '../store/queries';
import { crmTable } from '../store/table';
import type { Deal } from './deal';
import { planDealWrite, runDealWrite } from './deal-writes';
import { dealsKeys } from './deals-keys';
import { pipelineRecord } from './manage-pipelines';
import { getDeal } from './read-deals';
import { stageNamesOf } from './stage-names';

/** How often one deal is read again when someone changed it between the read and the write. */
const attempts = 5;

/**
 * Changes one deal for the CRM (not a member's patch): read it strongly, and if `change` still applies,
 * write what it makes of it (version + 1) with its links, open work and events, in one transaction. A deal
 * gone or no longer concerned is skipped; one changed meanwhile is read again.
 */
async function changeDeal(
  deps: Deps,
  workspaceId: string,
  dealId: string,
  actorId: string,
  change: (deal: Deal) => Partial<Deal> | undefined,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const current = await getDeal(deps, workspaceId, dealId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    const changes = current ? change(current) : undefined;
    if (!current || !changes) return false;
    const now = deps.clock();
    const next = {
      ...current,
      ...changes,
      version: current.version + 1,
      updatedAt: now.toISOString(),
    } as Deal;
    if ('companyId' in changes && changes.companyId === undefined) delete next.companyId;
    const pipeline = await pipelineRecord(deps, workspaceId, current.pipelineId).catch(() => undefined);
    try {
      await runDealWrite(
        deps.store,
        planDealWrite(deps.store.tableName, workspaceId, {
          before: current,
          after: next,
          actorId,
          now,
          stageName: stageNamesOf(pipeline ? [pipeline.pipeline] : []),
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'deal.version_conflict') || attempt >= attempts)
        throw error;
    }
  }
}

/**
 * member.deactivated for deals: every deal the member owns (byOwner `WS#w#MEMBER#m#DEALS`), open or closed,
 * goes to `reassignTo` with deal.updated. Idempotent: a deal handed over already is no longer the member's.
 */
export async function reassignMemberDeals(
  deps: Deps,
  workspaceId: string,
  event: { memberId: string; reassignTo: string; deactivatedBy: string },
): Promise<number> {
  if (event.memberId === event.reassignTo) return 0;
  const owned = await queryAllOfIndex(
    deps.store,
    crmTable.indexes.byOwner,
    dealsKeys.ownedDealsPartition(workspaceId, event.memberId),
    { attributes: ['id'] },
  );
  let moved = 0;
  for (const item of owned) {
    const changed = await changeDeal(deps, workspaceId, String(item.id), event.deactivatedBy, (deal) =>
      deal.ownerId === event.memberId ? { ownerId: event.reassignTo } : undefined,
    );
    if (changed) moved++;
  }
  return moved;
}

/**
 * company.deleted for deals: the company's deals (byParent `WS#w#COMPANY#c#DEALS`) stay, without a company
 * (deal.updated). Idempotent: a deal already without it is skipped.
 */
export async function clearDeletedCompany(
  deps: Deps,
  workspaceId: string,
  companyId: string,
): Promise<number> {
  const deals = await queryAllOfIndex(
    deps.store,
    crmTable.indexes.byParent,
    dealsKeys.companyDealsPartition(workspaceId, companyId),
    { attributes: ['id', 'ownerId'] },
  );
  let cleared = 0;
  for (const item of deals) {
    const changed = await changeDeal(deps, workspaceId, String(item.id), String(item.ownerId), (deal) =>
      deal.companyId === companyId ? { companyId: undefined } : undefined,
    );
    if (changed) cleared++;
  }
  return cleared;
}
