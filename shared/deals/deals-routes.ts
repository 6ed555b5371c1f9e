import { defineRoutes } from '../platform/capability';
import { admins, everyone, salesTeam } from '../platform/roles';
import {
  Board,
  BoardQuery,
  Deal,
  DealHistory,
  DealInput,
  DealPage,
  DealPatch,
  DealPath,
  DealsQuery,
} from './deal';
import {
  LostReasons,
  LostReasonsInput,
  Pipeline,
  PipelineInput,
  PipelineList,
  PipelinePatch,
  PipelinePath,
} from './pipeline';

/** The routes of pipelines and deals: what each accepts, answers and who may call it. */
export const dealsRoutes = defineRoutes({
  ListPipelines: {
    method: 'GET',
    path: '/api/pipelines',
    roles: everyone,
    summary: "The workspace's pipelines with their stages (a new workspace gets its default pipeline here)",
    response: PipelineList,
  },
  CreatePipeline: {
    method: 'POST',
    path: '/api/pipelines',
    roles: admins,
    summary: 'Create a pipeline with ordered stages and their win probabilities',
    body: PipelineInput,
    response: Pipeline,
    status: 201,
  },
  GetPipeline: {
    method: 'GET',
    path: '/api/pipelines/{pipelineId}',
    roles: everyone,
    summary: 'Read one pipeline',
    params: PipelinePath,
    response: Pipeline,
  },
  UpdatePipeline: {
    method: 'PATCH',
    path: '/api/pipelines/{pipelineId}',
    roles: admins,
    summary:
      'Rename a pipeline; add, rename, re-weight, reorder or remove stages (a stage holding deals needs moveDealsTo) (If-Match version)',
    params: PipelinePath,
    body: PipelinePatch,
    response: Pipeline,
    ifMatch: true,
  },
  DeletePipeline: {
    method: 'DELETE',
    path: '/api/pipelines/{pipelineId}',
    roles: admins,
    summary: 'Delete a pipeline that holds no deals and is not the default',
    params: PipelinePath,
    status: 204,
  },
  GetBoard: {
    method: 'GET',
    path: '/api/pipelines/{pipelineId}/board',
    roles: everyone,
    summary:
      "A pipeline's board: each stage's count, sum and weighted sum, and a page of its open deals by position (one Query per stage); stageId pages one column",
    params: PipelinePath,
    query: BoardQuery,
    response: Board,
  },
  ListDeals: {
    method: 'GET',
    path: '/api/deals',
    roles: everyone,
    summary:
      "Deals by status (open by expected close date, won or lost newest first), or an owner's, contact's or company's",
    query: DealsQuery,
    response: DealPage,
  },
  CreateDeal: {
    method: 'POST',
    path: '/api/deals',
    roles: salesTeam,
    summary: 'Create a deal in a pipeline stage (the default pipeline and its first stage when left out)',
    body: DealInput,
    response: Deal,
    status: 201,
  },
  GetDeal: {
    method: 'GET',
    path: '/api/deals/{dealId}',
    roles: everyone,
    summary: 'Read one deal',
    params: DealPath,
    response: Deal,
  },
  UpdateDeal: {
    method: 'PATCH',
    path: '/api/deals/{dealId}',
    roles: salesTeam,
    summary: 'Change a deal, move it to a stage or position, win, lose or reopen it (If-Match version)',
    params: DealPath,
    body: DealPatch,
    response: Deal,
    ifMatch: true,
  },
  DeleteDeal: {
    method: 'DELETE',
    path: '/api/deals/{dealId}',
    roles: salesTeam,
    summary: 'Delete a deal with its history (deal.deleted)',
    params: DealPath,
    status: 204,
  },
  GetDealHistory: {
    method: 'GET',
    path: '/api/deals/{dealId}/history',
    roles: everyone,
    summary:
      "A deal's history: created, stage moves with time in each stage, won, lost, amount and close-date changes",
    params: DealPath,
    response: DealHistory,
  },
  GetLostReasons: {
    method: 'GET',
    path: '/api/settings/deal-lost-reasons',
    roles: everyone,
    summary: 'The reasons a deal can be lost for',
    response: LostReasons,
  },
  PutLostReasons: {
    method: 'PUT',
    path: '/api/settings/deal-lost-reasons',
    roles: admins,
    summary:
      'Replace the list of lost reasons (201 the first time, then 200; an If-Match version, when sent, must be the current one)',
    body: LostReasonsInput,
    response: LostReasons,
    status: 201,
  },
});
