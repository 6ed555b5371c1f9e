import { defineRoutes } from '../platform/capability';
import { admins, everyone } from '../platform/roles';
import { Board, BoardQuery } from './deal';
import {
  LostReasons,
  LostReasonsInput,
  Pipeline,
  PipelineInput,
  PipelineList,
  PipelinePatch,
  PipelinePath,
} from './pipeline';

/**
 * The routes of pipelines, their boards and the lost reasons: what each accepts, answers and who may call
 * it. The PipelinesApi function serves them (removing a stage moves its deals).
 */
export const pipelineRoutes = defineRoutes({
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
