import { ConflictError } from '../platform/errors';
import { newId } from '../platform/ids';
import type { Deal, DealHistoryEntry, DealPatch } from './deal';
import { contactsOf, outcomeOf } from './deal-item';
import { dealsKeys } from './deals-keys';
import { added as addDecimal, isZero as isZeroDecimal, negated } from './decimal';
import type { Pipeline } from './pipeline';

/**
 * The rules of a deal's life, pure and unit-tested: what a change makes of a deal (stage moves, won, lost,
 * reopen), what its history records, and what it adds to and takes from the board's counters.
 */

const editable = [
  'name',
  'amount',
  'currency',
  'expectedCloseDate',
  'ownerId',
  'primaryContactId',
  'contactIds',
  'companyId',
  'tags',
] as const;

export interface PatchContext {
  /** The pipeline the deal is in after the change (its own, or the one `pipelineId` names). */
  pipeline: Pipeline;
  /** The custom field values after the change (checked against the definitions by the caller). */
  customFields?: Record<string, unknown>;
  /** The end of the target column, for a card that changes column without a position. */
  endOfColumn: () => string;
  by: string;
  now: Date;
}

/** The other contacts without the primary one: a deal names each contact once. */
export const otherContacts = (primaryContactId: string | undefined, contactIds: readonly string[]) =>
  [...new Set(contactIds)].filter((id) => id !== primaryContactId);

export function stageOf(pipeline: Pipeline, stageId: string) {
  return pipeline.stages.find((stage) => stage.id === stageId);
}

/** Whether the deal changes column on the board (or enters one): a move the history and counters see. */
export function changesColumn(before: Deal, after: Deal): boolean {
  return (
    before.status !== after.status ||
    before.stageId !== after.stageId ||
    before.pipelineId !== after.pipelineId
  );
}

/**
 * The deal a patch makes of `current`. Primary course:
 * 1. the plain fields: set when sent, cleared by `null`;
 * 2. the outcome: `won` / `lost` close an open deal (closedAt; lostReason for lost), `open` reopens a closed
 *    one into `stageId` or the stage it left;
 * 3. the column: a new pipeline (its first stage unless `stageId` says), a new stage, each entered now at
 *    the end of the column unless `position` says; a closed deal cannot move between stages.
 */
export function patchedDeal(current: Deal, patch: DealPatch, context: PatchContext): Deal {
  const next: Record<string, unknown> = { ...current };
  for (const field of editable) {
    const value = patch[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  next.contactIds = otherContacts(next.primaryContactId as string | undefined, next.contactIds as string[]);
  if (context.customFields !== undefined) {
    if (Object.keys(context.customFields).length > 0) next.customFields = context.customFields;
    else delete next.customFields;
  }
  const at = context.now.toISOString();
  const status = patch.status ?? current.status;
  const reopening = current.status !== 'open' && status === 'open';
  const pipelineId = patch.pipelineId ?? current.pipelineId;
  const pipelineChanged = pipelineId !== current.pipelineId;
  const stageId =
    patch.stageId ??
    (pipelineChanged ? (context.pipeline.stages[0]?.id ?? current.stageId) : current.stageId);
  const stageChanged = stageId !== current.stageId || pipelineChanged;
  if (!stageOf(context.pipeline, stageId)) throw new ConflictError('deal.stage_not_in_pipeline');
  if (current.status !== 'open' && !reopening && (stageChanged || patch.position !== undefined))
    throw new ConflictError('deal.not_open');
  next.pipelineId = pipelineId;
  next.stageId = stageId;
  next.status = status;
  if (status === 'open') {
    delete next.closedAt;
    delete next.lostReason;
    if (stageChanged || reopening) next.stageEnteredAt = at;
    next.position = patch.position ?? (stageChanged || reopening ? context.endOfColumn() : current.position);
  } else if (status !== current.status) {
    next.closedAt = at;
    if (status === 'lost') next.lostReason = patch.lostReason;
    else delete next.lostReason;
  } else if (status === 'lost' && patch.lostReason !== undefined) {
    next.lostReason = patch.lostReason;
  }
  next.version = current.version + 1;
  next.updatedAt = at;
  return next as Deal;
}

/** The fields a change touched, for deal.updated. */
export function changedFieldsOf(before: Deal, after: Deal): string[] {
  const fields = [
    ...editable,
    'customFields',
    'pipelineId',
    'stageId',
    'position',
    'status',
    'lostReason',
  ] as const;
  return fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

const moneyOf = (deal: Pick<Deal, 'amount' | 'currency'>) => `${deal.amount} ${deal.currency}`;

/**
 * What a change adds to the deal's history (newest last): created; a stage move with the time spent in the
 * stage it left; won, lost (with the time in its last stage); reopened; an amount or close-date change.
 */
export function historyOf(before: Deal | undefined, after: Deal, by: string, now: Date): DealHistoryEntry[] {
  const at = now.toISOString();
  const entry = (fields: Omit<DealHistoryEntry, 'id' | 'dealId' | 'at' | 'by'>): DealHistoryEntry => ({
    id: newId(now.getTime()),
    dealId: after.id,
    at,
    by,
    ...fields,
  });
  if (!before) return [entry({ kind: 'created', pipelineId: after.pipelineId, toStageId: after.stageId })];
  const entries: DealHistoryEntry[] = [];
  const left = {
    pipelineId: before.pipelineId,
    fromStageId: before.stageId,
    timeInStageMs: Math.max(0, now.getTime() - Date.parse(before.stageEnteredAt)),
  };
  if (before.status === 'open' && after.status === 'open') {
    if (before.stageId !== after.stageId || before.pipelineId !== after.pipelineId)
      entries.push(entry({ kind: 'stage', ...left, toStageId: after.stageId }));
  } else if (before.status === 'open' && after.status !== 'open') {
    entries.push(
      entry({
        kind: after.status === 'won' ? 'won' : 'lost',
        ...left,
        ...(after.lostReason ? { lostReason: after.lostReason } : {}),
      }),
    );
  } else if (before.status !== 'open' && after.status === 'open') {
    entries.push(entry({ kind: 'reopened', pipelineId: after.pipelineId, toStageId: after.stageId }));
  } else if (before.status !== after.status) {
    entries.push(
      entry({
        kind: after.status === 'won' ? 'won' : 'lost',
        pipelineId: after.pipelineId,
        fromStageId: before.stageId,
        ...(after.lostReason ? { lostReason: after.lostReason } : {}),
      }),
    );
  }
  if (moneyOf(before) !== moneyOf(after))
    entries.push(
      entry({ kind: 'amount', pipelineId: after.pipelineId, from: moneyOf(before), to: moneyOf(after) }),
    );
  if (before.expectedCloseDate !== after.expectedCloseDate)
    entries.push(
      entry({
        kind: 'closeDate',
        pipelineId: after.pipelineId,
        ...(before.expectedCloseDate ? { from: before.expectedCloseDate } : {}),
        ...(after.expectedCloseDate ? { to: after.expectedCloseDate } : {}),
      }),
    );
  return entries;
}

/** Counter changes per pipeline: attribute → a decimal string to ADD (a count is a whole number). */
export type CounterDeltas = Map<string, Record<string, string>>;

/** What one deal adds to its pipeline's counters as it stands. */
function contributionOf(deal: Deal): [string, Record<string, string>] {
  const outcome = outcomeOf(deal);
  return [
    deal.pipelineId,
    outcome
      ? { [dealsKeys.outcomeCountAttribute(outcome)]: '1' }
      : {
          [dealsKeys.stageCountAttribute(deal.stageId)]: '1',
          [dealsKeys.stageSumAttribute(deal.stageId, deal.currency)]: deal.amount,
        },
  ];
}

function addInto(deltas: CounterDeltas, pipelineId: string, values: Record<string, string>, sign: 1 | -1) {
  const into = deltas.get(pipelineId) ?? {};
  for (const [attribute, value] of Object.entries(values)) {
    const signed = sign === 1 ? value : negated(value);
    into[attribute] = into[attribute] === undefined ? signed : addDecimal(into[attribute], signed);
  }
  deltas.set(pipelineId, into);
}

/**
 * The counters a change moves (pure): the deal's contribution after minus its contribution before, per
 * pipeline, without the attributes that net to zero (an edit that moves nothing writes no counter).
 */
export function counterDeltas(before: Deal | undefined, after: Deal | undefined): CounterDeltas {
  const deltas: CounterDeltas = new Map();
  if (before) addInto(deltas, ...contributionOf(before), -1);
  if (after) addInto(deltas, ...contributionOf(after), 1);
  for (const [pipelineId, values] of deltas) {
    for (const [attribute, value] of Object.entries(values))
      if (isZeroDecimal(value)) delete values[attribute];
    if (Object.keys(values).length === 0) deltas.delete(pipelineId);
  }
  return deltas;
}

/** The stage a change puts the deal into, when it enters one: the write checks it is still in its pipeline. */
export function stageEntered(before: Deal | undefined, after: Deal | undefined): string | undefined {
  if (after?.status !== 'open') return undefined;
  if (before?.status !== 'open' || changesColumn(before, after)) return after.stageId;
  return undefined;
}

/** The contacts a deal stops naming in a change. */
export function contactsDropped(before: Deal | undefined, after: Deal | undefined): string[] {
  const kept = new Set(after ? contactsOf(after) : []);
  return (before ? contactsOf(before) : []).filter((id) => !kept.has(id));
}

/** The contacts a change starts naming (their existence is checked in the write). */
export function contactsAdded(before: Deal | undefined, after: Deal): string[] {
  const had = new Set(before ? contactsOf(before) : []);
  return contactsOf(after).filter((id) => !had.has(id));
}
