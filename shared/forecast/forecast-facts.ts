import type { Deal, DealHistoryEntry } from '../deals/deal';
import type { Pipeline } from '../deals/pipeline';

/** What the figures read of each item: the attributes the forecast's Queries project. */
export type OpenDealFacts = Pick<
  Deal,
  'id' | 'amount' | 'currency' | 'expectedCloseDate' | 'ownerId' | 'pipelineId' | 'stageId'
>;
export type ClosedDealFacts = Pick<
  Deal,
  'id' | 'pipelineId' | 'ownerId' | 'status' | 'createdAt' | 'closedAt'
>;
export type StageExitFacts = Pick<
  DealHistoryEntry,
  'dealId' | 'pipelineId' | 'fromStageId' | 'at' | 'timeInStageMs'
>;
export type PipelineFacts = Pick<Pipeline, 'id' | 'name' | 'stages'>;
