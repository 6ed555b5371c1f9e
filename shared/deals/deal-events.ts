import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';
import { DealStatus } from './deal';

/**
 * What deal events carry of a deal: ids, name, amount and currency, pipeline and stage, status, owner,
 * expected close date, contacts and company; never its custom fields. `contactId` names the primary
 * contact (when there is one), so the event's outbox item and deliveries are found and erased with it.
 */
export const DealSummary = z.object({
  id: z.string(),
  name: z.string(),
  amount: z.string(),
  currency: z.string(),
  pipelineId: z.string(),
  stageId: z.string(),
  status: DealStatus,
  ownerId: z.string(),
  expectedCloseDate: z.optional(z.string()),
  primaryContactId: z.optional(z.string()),
  contactIds: z.array(z.string()),
  companyId: z.optional(z.string()),
  lostReason: z.optional(z.string()),
  closedAt: z.optional(z.string()),
  version: z.int(),
});
export type DealSummary = z.output<typeof DealSummary>;

const about = {
  deal: DealSummary,
  contactId: z.optional(z.string()),
  /** The member who made the change; the CRM itself when a deactivated member's deals are handed over. */
  actorId: z.string(),
};

/** A deal was created in a pipeline's stage. */
export const DealCreated = defineEvent('deal.created', 1, about);
/** A deal's name, amount, close date, owner, contacts, company, tags or custom fields changed (`changedFields`). */
export const DealUpdated = defineEvent('deal.updated', 1, { ...about, changedFields: z.array(z.string()) });
/** An open deal moved to another stage (or pipeline): the stage it left and how long it was there. */
export const DealStageChanged = defineEvent('deal.stage_changed', 1, {
  ...about,
  fromPipelineId: z.string(),
  fromStageId: z.string(),
  toStageId: z.string(),
  timeInStageMs: z.number(),
});
/** A deal was won. */
export const DealWon = defineEvent('deal.won', 1, about);
/** A deal was lost, for one of the workspace's lost reasons. */
export const DealLost = defineEvent('deal.lost', 1, { ...about, lostReason: z.string() });
/** A won or lost deal was opened again, into a stage. */
export const DealReopened = defineEvent('deal.reopened', 1, about);
/** A deal was deleted with its history. */
export const DealDeleted = defineEvent('deal.deleted', 1, {
  dealId: z.string(),
  name: z.string(),
  pipelineId: z.string(),
  contactId: z.optional(z.string()),
  actorId: z.string(),
});

export const dealEvents = [
  DealCreated,
  DealUpdated,
  DealStageChanged,
  DealWon,
  DealLost,
  DealReopened,
  DealDeleted,
] as const;
