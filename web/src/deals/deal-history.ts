import type { Deal, DealHistoryEntry } from '../../../shared/deals/deal';
import type { Stage } from '../../../shared/deals/pipeline';

export interface TimeInStage {
  stageId: string;
  /** The stage's name now, or "A removed stage". */
  name: string;
  ms: number;
  /** The deal is in this stage now (its time is still running). */
  current: boolean;
}

/**
 * How long the deal spent in each stage: the history's stage exits (a move, won, lost) summed per stage it
 * left, in the order it first entered them, plus the time so far in its current stage while it is open.
 */
export function timeInStages(
  deal: Pick<Deal, 'status' | 'stageId' | 'stageEnteredAt'>,
  history: readonly DealHistoryEntry[],
  stages: readonly Stage[],
  now: number,
): TimeInStage[] {
  const totals = new Map<string, number>();
  const add = (stageId: string, ms: number) => totals.set(stageId, (totals.get(stageId) ?? 0) + ms);
  for (const entry of history) {
    if (entry.kind === 'created' && entry.toStageId) add(entry.toStageId, 0);
    if (entry.fromStageId && entry.timeInStageMs !== undefined) add(entry.fromStageId, entry.timeInStageMs);
    if (entry.kind === 'stage' && entry.toStageId) add(entry.toStageId, 0);
  }
  if (deal.status === 'open') add(deal.stageId, Math.max(0, now - Date.parse(deal.stageEnteredAt)));
  return [...totals].map(([stageId, ms]) => ({
    stageId,
    name: stages.find((stage) => stage.id === stageId)?.name ?? 'A removed stage',
    ms,
    current: deal.status === 'open' && stageId === deal.stageId,
  }));
}

/** One history entry in words ("Moved from Qualified to Proposal sent"), with stage names of the pipeline. */
export function describeHistoryEntry(entry: DealHistoryEntry, stages: readonly Stage[]): string {
  const name = (id: string | undefined) =>
    id === undefined ? 'a stage' : (stages.find((stage) => stage.id === id)?.name ?? 'a removed stage');
  switch (entry.kind) {
    case 'created':
      return `Created in ${name(entry.toStageId)}`;
    case 'stage':
      return `Moved from ${name(entry.fromStageId)} to ${name(entry.toStageId)}`;
    case 'won':
      return `Won (from ${name(entry.fromStageId)})`;
    case 'lost':
      return `Lost (from ${name(entry.fromStageId)})${entry.lostReason ? `: ${entry.lostReason}` : ''}`;
    case 'reopened':
      return `Reopened in ${name(entry.toStageId)}`;
    case 'amount':
      return `Amount changed from ${entry.from ?? 'none'} to ${entry.to ?? 'none'}`;
    case 'closeDate':
      return `Expected close changed from ${entry.from ?? 'none'} to ${entry.to ?? 'none'}`;
  }
}
