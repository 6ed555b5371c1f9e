import { openWorkRemove, openWorkSet } from '../activities/open-work';
import { timelineEntryPut } from '../activities/timeline-item';
import type { DealTimelineEntry } from '../activities/work-timeline-entries';
import { type PendingEvent, pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import { type AppError, ConflictError, NotFoundError, ValidationError } from '../platform/errors';
import { newId } from '../platform/ids';
import { recordKey } from '../records/record-keys';
import { ExactNumber } from '../store/attribute-values';
import type { Store } from '../store/store';
import {
  type CancellationReason,
  failedAt,
  type TransactItem,
  writeTransaction,
} from '../store/transactions';
import { activeMemberCheck, notAnActiveMember } from '../team/active-member-check';
import type { Deal, DealHistoryEntry } from './deal';
import {
  DealCreated,
  DealDeleted,
  DealLost,
  DealReopened,
  DealStageChanged,
  type DealSummary,
  DealUpdated,
  DealWon,
} from './deal-events';
import { contactDealLinkItem, contactsOf, dealItem, historyEntryItem } from './deal-item';
import {
  changedFieldsOf,
  contactsAdded,
  contactsDropped,
  counterDeltas,
  historyOf,
  stageEntered,
} from './deal-rules';
import { dealsKeys } from './deals-keys';
import { isZero } from './decimal';

/** What a deal's event carries of it, and its primary contact (the event's personal subject). */
export function dealEventData(
  deal: Deal,
  actorId: string,
): { deal: DealSummary; contactId?: string; actorId: string } {
  return {
    deal: {
      id: deal.id,
      name: deal.name,
      amount: deal.amount,
      currency: deal.currency,
      pipelineId: deal.pipelineId,
      stageId: deal.stageId,
      status: deal.status,
      ownerId: deal.ownerId,
      ...(deal.expectedCloseDate ? { expectedCloseDate: deal.expectedCloseDate } : {}),
      ...(deal.primaryContactId ? { primaryContactId: deal.primaryContactId } : {}),
      contactIds: deal.contactIds,
      ...(deal.companyId ? { companyId: deal.companyId } : {}),
      ...(deal.lostReason ? { lostReason: deal.lostReason } : {}),
      ...(deal.closedAt ? { closedAt: deal.closedAt } : {}),
      version: deal.version,
    },
    ...(deal.primaryContactId ? { contactId: deal.primaryContactId } : {}),
    actorId,
  };
}

/** Fields whose change is a deal.updated; moves and outcomes have events of their own. */
const boardFields = new Set(['pipelineId', 'stageId', 'position', 'status', 'lostReason']);

/** The events of a change (create, update, delete), from the deal before and after and its history. */
export function dealEventsOf(
  before: Deal | undefined,
  after: Deal | undefined,
  history: readonly DealHistoryEntry[],
  actorId: string,
): PendingEvent[] {
  if (!after) {
    if (!before) return [];
    return [
      pendingEvent(DealDeleted, {
        dealId: before.id,
        name: before.name,
        pipelineId: before.pipelineId,
        ...(before.primaryContactId ? { contactId: before.primaryContactId } : {}),
        actorId,
      }),
    ];
  }
  const data = dealEventData(after, actorId);
  if (!before) return [pendingEvent(DealCreated, data)];
  const events: PendingEvent[] = [];
  const changedFields = changedFieldsOf(before, after).filter((field) => !boardFields.has(field));
  if (changedFields.length > 0) events.push(pendingEvent(DealUpdated, { ...data, changedFields }));
  for (const entry of history) {
    if (entry.kind === 'stage')
      events.push(
        pendingEvent(DealStageChanged, {
          ...data,
          fromPipelineId: entry.pipelineId,
          fromStageId: entry.fromStageId ?? before.stageId,
          toStageId: after.stageId,
          timeInStageMs: entry.timeInStageMs ?? 0,
        }),
      );
    if (entry.kind === 'won') events.push(pendingEvent(DealWon, data));
    if (entry.kind === 'lost')
      events.push(pendingEvent(DealLost, { ...data, lostReason: after.lostReason ?? '' }));
    if (entry.kind === 'reopened') events.push(pendingEvent(DealReopened, data));
  }
  return events;
}

/** ADD of counter deltas on a pipeline item; when the deal enters a stage, the stage must still be open to deals. */
function counterUpdate(
  tableName: string,
  workspaceId: string,
  pipelineId: string,
  deltas: Record<string, string>,
  entering: string | undefined,
): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const adds = Object.entries(deltas).map(([attribute, delta], at) => {
    names[`#c${at}`] = attribute;
    values[`:c${at}`] = attribute.startsWith('sum#') ? new ExactNumber(delta) : Number(delta);
    return `#c${at} :c${at}`;
  });
  if (entering) values[':stage'] = entering;
  return {
    Update: {
      TableName: tableName,
      Key: dealsKeys.pipeline(workspaceId, pipelineId),
      UpdateExpression: `ADD ${adds.join(', ')}`,
      ConditionExpression: entering
        ? 'attribute_exists(pk) AND contains(stageIds, :stage)'
        : 'attribute_exists(pk)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The open-work summary of an open deal on one of its contacts. */
function dealOpenWork(
  tableName: string,
  workspaceId: string,
  contactId: string,
  deal: Deal,
  stageName: string,
) {
  return openWorkSet(tableName, workspaceId, contactId, {
    kind: 'deal',
    id: deal.id,
    title: deal.name,
    status: stageName,
    ...(deal.expectedCloseDate ? { dueAt: deal.expectedCloseDate } : {}),
    assigneeId: deal.ownerId,
    updatedAt: deal.updatedAt,
  });
}

const timelineTypes: Partial<Record<DealHistoryEntry['kind'], DealTimelineEntry['type']>> = {
  created: 'deal.created',
  stage: 'deal.stage_changed',
  won: 'deal.won',
  lost: 'deal.lost',
};

export interface DealChange {
  before?: Deal;
  after?: Deal;
  actorId: string;
  now: Date;
  /** A stage's name by pipeline and stage id (the open work and the timeline show names). */
  stageName: (pipelineId: string, stageId: string) => string;
}

interface PlannedWrite {
  items: TransactItem[];
  history: DealHistoryEntry[];
  explain: (reasons: CancellationReason[]) => AppError | undefined;
}

/**
 * The one transaction of a deal change (decision 160). Primary course:
 * 1. the deal item, on condition of the version read (or that it is new);
 * 2. the counters of the pipelines it leaves and enters (ADD), the one it enters checked to still take
 *    deals into that stage;
 * 3. checks: a new owner is an active member, new contacts and a new company exist;
 * 4. its history entries; its contacts' link items (put for each, deleted for those it stops naming) and
 *    their open work (set while open, removed when closed or no longer named);
 * 5. a timeline entry on the primary contact (or the company) for created, moved, won, lost;
 * 6. the outbox item with its events.
 */
export function planDealWrite(tableName: string, workspaceId: string, change: DealChange): PlannedWrite {
  const { before, after, actorId, now } = change;
  const items: TransactItem[] = [];
  if (after) {
    items.push({
      Put: {
        TableName: tableName,
        Item: dealItem(workspaceId, after),
        ...(before
          ? {
              ConditionExpression: 'attribute_exists(pk) AND #version = :read',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':read': before.version },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    });
  } else if (before) {
    items.push({
      Delete: {
        TableName: tableName,
        Key: dealsKeys.deal(workspaceId, before.id),
        ConditionExpression: 'attribute_exists(pk) AND #version = :read',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':read': before.version },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      },
    });
  }
  const entering = stageEntered(before, after);
  const pipelinesAt = new Map<number, { pipelineId: string; entering?: string }>();
  for (const [pipelineId, deltas] of counterDeltas(before, after)) {
    const enters = entering && after?.pipelineId === pipelineId ? entering : undefined;
    pipelinesAt.set(items.length, { pipelineId, ...(enters ? { entering: enters } : {}) });
    items.push(counterUpdate(tableName, workspaceId, pipelineId, deltas, enters));
  }
  const ownerAt = items.length;
  const checksOwner = after !== undefined && after.ownerId !== before?.ownerId;
  if (checksOwner && after) items.push(activeMemberCheck(tableName, workspaceId, after.ownerId));
  const contactChecks = new Map<number, string>();
  for (const contactId of after ? contactsAdded(before, after) : []) {
    contactChecks.set(items.length, contactId);
    items.push({
      ConditionCheck: {
        TableName: tableName,
        Key: recordKey(workspaceId, 'CONTACT', contactId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    });
  }
  const companyAt = items.length;
  const checksCompany = after?.companyId !== undefined && after.companyId !== before?.companyId;
  if (checksCompany && after?.companyId)
    items.push({
      ConditionCheck: {
        TableName: tableName,
        Key: recordKey(workspaceId, 'COMPANY', after.companyId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    });
  const history = after ? historyOf(before, after, actorId, now) : [];
  for (const entry of history)
    items.push({ Put: { TableName: tableName, Item: historyEntryItem(workspaceId, entry) } });
  const dropped = contactsDropped(before, after);
  for (const contactId of dropped) {
    items.push({
      Delete: {
        TableName: tableName,
        Key: dealsKeys.contactDealLink(workspaceId, contactId, (before as Deal).id),
      },
    });
    if (before?.status === 'open')
      items.push(openWorkRemove(tableName, workspaceId, contactId, 'deal', before.id));
  }
  if (after) {
    const stageName = change.stageName(after.pipelineId, after.stageId);
    for (const contactId of contactsOf(after)) {
      items.push({ Put: { TableName: tableName, Item: contactDealLinkItem(workspaceId, contactId, after) } });
      if (after.status === 'open')
        items.push(dealOpenWork(tableName, workspaceId, contactId, after, stageName));
      else if (before?.status === 'open' && contactsOf(before).includes(contactId))
        items.push(openWorkRemove(tableName, workspaceId, contactId, 'deal', after.id));
    }
    const timeline = timelineEntryOf(workspaceId, after, history, change);
    if (timeline) items.push(timelineEntryPut(tableName, workspaceId, timeline));
  }
  items.push(...outboxWrite(tableName, workspaceId, dealEventsOf(before, after, history, actorId), now));

  const explain = (reasons: CancellationReason[]): AppError | undefined => {
    const stale = failedAt(reasons, 0);
    if (stale && before) {
      return stale.item ? new ConflictError('deal.version_conflict') : new NotFoundError('deal.not_found');
    }
    for (const [at, { entering: enters }] of pipelinesAt) {
      if (failedAt(reasons, at))
        return enters
          ? new ConflictError('deal.stage_not_in_pipeline')
          : new NotFoundError('pipeline.not_found');
    }
    if (checksOwner && failedAt(reasons, ownerAt)) return notAnActiveMember('ownerId');
    for (const [at, contactId] of contactChecks) {
      if (failedAt(reasons, at))
        return new ValidationError({
          [after?.primaryContactId === contactId ? 'primaryContactId' : 'contactIds']:
            'There is no contact with this id.',
        });
    }
    if (checksCompany && failedAt(reasons, companyAt))
      return new ValidationError({ companyId: 'There is no company with this id.' });
    return undefined;
  };
  return { items, history, explain };
}

/** The timeline entry a change leaves, on the primary contact (and company), or the company alone. */
function timelineEntryOf(
  _workspaceId: string,
  deal: Deal,
  history: readonly DealHistoryEntry[],
  change: DealChange,
): DealTimelineEntry | undefined {
  const moment = history.find((entry) => timelineTypes[entry.kind] !== undefined);
  const type = moment ? timelineTypes[moment.kind] : undefined;
  if (!moment || !type || (!deal.primaryContactId && !deal.companyId)) return undefined;
  const at = change.now.toISOString();
  const shownStage =
    type === 'deal.won' || type === 'deal.lost' ? (moment.fromStageId ?? deal.stageId) : deal.stageId;
  return {
    id: newId(change.now.getTime()),
    type,
    ...(deal.primaryContactId ? { contactId: deal.primaryContactId } : {}),
    ...(deal.companyId ? { companyId: deal.companyId } : {}),
    occurredAt: at,
    recordedAt: at,
    dealId: deal.id,
    name: deal.name,
    amount: deal.amount,
    currency: deal.currency,
    pipelineId: deal.pipelineId,
    stageId: shownStage,
    stageName: change.stageName(
      type === 'deal.won' || type === 'deal.lost' ? moment.pipelineId : deal.pipelineId,
      shownStage,
    ),
    ...(type === 'deal.stage_changed' && moment.fromStageId
      ? { fromStageName: change.stageName(moment.pipelineId, moment.fromStageId) }
      : {}),
    ...(deal.lostReason && type === 'deal.lost' ? { lostReason: deal.lostReason } : {}),
    actorId: change.actorId,
  };
}

/**
 * Runs a deal's transaction. Cancelled only because other transactions touched the same items (the
 * pipeline's counters, under concurrent moves), it is tried again with growing jittered waits, up to 8
 * times: the deal's version condition keeps a retried move from counting twice. A condition that failed
 * is explained.
 */
export function runDealWrite(store: Store, planned: PlannedWrite): Promise<void> {
  return writeTransaction(store, planned.items, {
    attempts: 8,
    explain: planned.explain,
    contended: () => new ConflictError('deal.busy'),
  });
}

/** Whether a counter value is zero, so a drained stage can leave its pipeline. */
export const counterIsZero = (value: string | undefined) => value === undefined || isZero(value);
