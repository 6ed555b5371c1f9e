import { type KeyPair, ws } from '../store/key-parts';
import { teamKeys } from '../team/team-keys';

/** Sorts after every date: an open deal without an expected close date comes last by close date. */
export const noCloseDateSentinel = '~';

/** The outcome columns of a pipeline (closed deals, newest closed first). */
export type DealOutcome = 'WON' | 'LOST';

/**
 * Pipelines and deals (decision 160). Built here and nowhere else (keys.ts gathers them); golden tests pin
 * the strings.
 *
 * - A pipeline is one item (`WS#w#PIPELINE#p` / `PIPELINE`): its name, ordered stages, version, and the
 *   board's counters as top-level attributes kept by every deal write with ADD (`count#<stageId>`,
 *   `sum#<stageId>#<CUR>`; `count#WON`, `count#LOST`). Listed on byCollection `WS#w#PIPELINES` / `<id>`.
 * - A deal is one item (`WS#w#DEAL#d` / `DEAL`) with its history below it (`HISTORY#<ulid>`). Its index keys:
 *   - byCollection: its board column while open, `WS#w#PIPELINE#p#STAGE#s` / `<position>#<id>`; once
 *     closed its pipeline's outcome, `WS#w#PIPELINE#p#WON|LOST` / `<closedAt>#<id>`;
 *   - byName, used as a date index: `WS#w#DEALS#OPEN` / `<expectedCloseDate or ~>#<id>` while open (list,
 *     forecast), `WS#w#DEALS#WON|LOST` / `<closedAt>#<id>` once closed (list, win rate, cycle length);
 *   - byParent: its company's deals, `WS#w#COMPANY#c#DEALS` / `<id>`;
 *   - byOwner: its owner's deals, `WS#w#MEMBER#m#DEALS` / `<id>`.
 * - Each contact of a deal (primary and others) holds a link item in its own partition,
 *   `WS#w#CONTACT#c` / `DEAL#<dealId>` (a summary: name, amount, stage, status), outside the overview's
 *   range; open deals are also on the contact's open-work item (open-work.ts).
 * - A stage-history entry that leaves a stage is also on byCollection,
 *   `WS#w#PIPELINE#p#STAGE_EXITS` / `<leftAt>#<dealId>`: the average time in each stage.
 * - The lost reasons: `WS#w#SETTINGS` / `DEAL_LOST_REASONS`.
 */
export const dealsKeys = {
  pipeline: (workspaceId: string, pipelineId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#PIPELINE#${pipelineId}`,
    sk: 'PIPELINE',
  }),
  pipelineListed: (workspaceId: string, pipelineId: string) => ({
    gsi1pk: dealsKeys.pipelinesPartition(workspaceId),
    gsi1sk: pipelineId,
  }),
  pipelinesPartition: (workspaceId: string) => `${ws(workspaceId)}#PIPELINES`,
  /** The counter attributes of a stage on its pipeline's item. */
  stageCountAttribute: (stageId: string) => `count#${stageId}`,
  stageSumAttribute: (stageId: string, currency: string) => `sum#${stageId}#${currency}`,
  outcomeCountAttribute: (outcome: DealOutcome) => `count#${outcome}`,
  deal: (workspaceId: string, dealId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#DEAL#${dealId}`,
    sk: 'DEAL',
  }),
  dealHistoryEntry: (workspaceId: string, dealId: string, entryId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#DEAL#${dealId}`,
    sk: `HISTORY#${entryId}`,
  }),
  dealHistoryPrefix: (workspaceId: string, dealId: string) => ({
    pk: `${ws(workspaceId)}#DEAL#${dealId}`,
    skPrefix: 'HISTORY#',
  }),
  boardCard: (
    workspaceId: string,
    pipelineId: string,
    stageId: string,
    position: string,
    dealId: string,
  ) => ({
    gsi1pk: dealsKeys.boardColumnPartition(workspaceId, pipelineId, stageId),
    gsi1sk: `${position}#${dealId}`,
  }),
  boardColumnPartition: (workspaceId: string, pipelineId: string, stageId: string) =>
    `${ws(workspaceId)}#PIPELINE#${pipelineId}#STAGE#${stageId}`,
  closedCard: (
    workspaceId: string,
    pipelineId: string,
    outcome: DealOutcome,
    closedAt: string,
    dealId: string,
  ) => ({
    gsi1pk: dealsKeys.outcomePartition(workspaceId, pipelineId, outcome),
    gsi1sk: `${closedAt}#${dealId}`,
  }),
  outcomePartition: (workspaceId: string, pipelineId: string, outcome: DealOutcome) =>
    `${ws(workspaceId)}#PIPELINE#${pipelineId}#${outcome}`,
  openDealByCloseDate: (workspaceId: string, expectedCloseDate: string | undefined, dealId: string) => ({
    gsi2pk: dealsKeys.dealsByStatusPartition(workspaceId, 'OPEN'),
    gsi2sk: `${expectedCloseDate ?? noCloseDateSentinel}#${dealId}`,
  }),
  closedDealByCloseTime: (workspaceId: string, outcome: DealOutcome, closedAt: string, dealId: string) => ({
    gsi2pk: dealsKeys.dealsByStatusPartition(workspaceId, outcome),
    gsi2sk: `${closedAt}#${dealId}`,
  }),
  dealsByStatusPartition: (workspaceId: string, status: 'OPEN' | DealOutcome) =>
    `${ws(workspaceId)}#DEALS#${status}`,
  companyDeal: (workspaceId: string, companyId: string, dealId: string) => ({
    gsi3pk: dealsKeys.companyDealsPartition(workspaceId, companyId),
    gsi3sk: dealId,
  }),
  companyDealsPartition: (workspaceId: string, companyId: string) =>
    `${ws(workspaceId)}#COMPANY#${companyId}#DEALS`,
  ownedDeal: (workspaceId: string, memberId: string, dealId: string) =>
    teamKeys.ownedBy(workspaceId, memberId, 'DEALS', dealId),
  ownedDealsPartition: (workspaceId: string, memberId: string) =>
    teamKeys.ownedByPartition(workspaceId, memberId, 'DEALS'),
  contactDealLink: (workspaceId: string, contactId: string, dealId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    sk: `DEAL#${dealId}`,
  }),
  contactDealLinksPrefix: (workspaceId: string, contactId: string) => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    skPrefix: 'DEAL#',
  }),
  stageExit: (workspaceId: string, pipelineId: string, leftAt: string, dealId: string) => ({
    gsi1pk: dealsKeys.stageExitsPartition(workspaceId, pipelineId),
    gsi1sk: `${leftAt}#${dealId}`,
  }),
  stageExitsPartition: (workspaceId: string, pipelineId: string) =>
    `${ws(workspaceId)}#PIPELINE#${pipelineId}#STAGE_EXITS`,
  lostReasons: (workspaceId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    sk: 'DEAL_LOST_REASONS',
  }),
};
