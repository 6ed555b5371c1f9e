import { searchableText } from '../platform/text';
import { withoutKeys } from '../records/record-store';
import type { Deal, DealHistoryEntry } from './deal';
import { type DealOutcome, dealsKeys } from './deals-keys';

export const outcomeOf = (deal: Pick<Deal, 'status'>): DealOutcome | undefined =>
  deal.status === 'won' ? 'WON' : deal.status === 'lost' ? 'LOST' : undefined;

/**
 * The index keys a deal is filed under, from its state alone (pure: unit-tested). Open: a card of its
 * stage's column by position, and on the open deals by expected close date. Closed: its pipeline's outcome
 * column and the won or lost deals, both by close time. Always: its owner's deals, its company's deals.
 */
export function dealIndexKeys(workspaceId: string, deal: Deal): Record<string, string> {
  const outcome = outcomeOf(deal);
  const closedAt = deal.closedAt ?? deal.updatedAt;
  return {
    ...(outcome
      ? {
          ...dealsKeys.closedCard(workspaceId, deal.pipelineId, outcome, closedAt, deal.id),
          ...dealsKeys.closedDealByCloseTime(workspaceId, outcome, closedAt, deal.id),
        }
      : {
          ...dealsKeys.boardCard(workspaceId, deal.pipelineId, deal.stageId, deal.position, deal.id),
          ...dealsKeys.openDealByCloseDate(workspaceId, deal.expectedCloseDate, deal.id),
        }),
    ...dealsKeys.ownedDeal(workspaceId, deal.ownerId, deal.id),
    ...(deal.companyId ? dealsKeys.companyDeal(workspaceId, deal.companyId, deal.id) : {}),
  };
}

/** The deal's item: its key, the index keys its state files it under, the deal, and its name for `q`. */
export function dealItem(workspaceId: string, deal: Deal): Record<string, unknown> {
  return {
    ...dealsKeys.deal(workspaceId, deal.id),
    ...dealIndexKeys(workspaceId, deal),
    entity: 'deal',
    ...deal,
    searchName: searchableText(deal.name),
  };
}

export function dealFromItem(item: Record<string, unknown>): Deal {
  const { searchName: _searchName, dealId: _dealId, ...rest } = withoutKeys<Record<string, unknown>>(item);
  return rest as Deal;
}

/** Every contact a deal names: the primary one first, then the others. */
export const contactsOf = (deal: Pick<Deal, 'primaryContactId' | 'contactIds'>): string[] => [
  ...(deal.primaryContactId ? [deal.primaryContactId] : []),
  ...deal.contactIds.filter((id) => id !== deal.primaryContactId),
];

/**
 * A contact's link to a deal, in the contact's partition (outside the overview's range): the deal as it is
 * now, so a contact's deals are one Query of its partition.
 */
export function contactDealLinkItem(
  workspaceId: string,
  contactId: string,
  deal: Deal,
): Record<string, unknown> {
  return {
    ...dealsKeys.contactDealLink(workspaceId, contactId, deal.id),
    entity: 'dealContactLink',
    ...deal,
    dealId: deal.id,
    searchName: searchableText(deal.name),
  };
}

/** A history entry's item, under its deal; one that leaves a stage is also on its pipeline's stage exits. */
export function historyEntryItem(workspaceId: string, entry: DealHistoryEntry): Record<string, unknown> {
  const leavesStage = entry.fromStageId !== undefined && entry.timeInStageMs !== undefined;
  return {
    ...dealsKeys.dealHistoryEntry(workspaceId, entry.dealId, entry.id),
    ...(leavesStage ? dealsKeys.stageExit(workspaceId, entry.pipelineId, entry.at, entry.dealId) : {}),
    entity: 'dealHistory',
    ...entry,
  };
}

export const historyEntryFromItem = (item: Record<string, unknown>): DealHistoryEntry =>
  withoutKeys<DealHistoryEntry>(item);
