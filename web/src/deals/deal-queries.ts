import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type {
  Board,
  BoardColumn,
  Deal,
  DealHistory,
  DealInput,
  DealPage,
  DealPatch,
} from '../../../shared/deals/deal';

export type DealHistoryList = z.output<typeof DealHistory>;
export type DealList = z.output<typeof DealPage>;

import type { LostReasons, Pipeline, PipelineInput, PipelinePatch } from '../../../shared/deals/pipeline';
import { timelineKeys } from '../activities/timeline-queries';
import { apiRequest } from '../api/api-client';
import { ApiError, messageOf } from '../api/api-error';
import { addCard, appendPage, findCard, moveCard, replaceCard, shareCards } from './board-state';

export interface BoardFilters {
  ownerId?: string;
  tag?: string;
}

export interface DealListParams {
  contactId?: string;
  companyId?: string;
  status?: 'open' | 'won' | 'lost';
  /** Words of the name. */
  q?: string;
  limit?: number;
  cursor?: string;
}

/** Every deal query sits under `deals`, so a change can refresh them all. */
export const dealKeys = {
  all: ['deals'] as const,
  pipelines: ['deals', 'pipelines'] as const,
  boards: ['deals', 'board'] as const,
  board: (pipelineId: string, filters: BoardFilters) => ['deals', 'board', pipelineId, filters] as const,
  lists: ['deals', 'list'] as const,
  list: (params: DealListParams) => ['deals', 'list', params] as const,
  detail: (id: string) => ['deals', 'detail', id] as const,
  history: (id: string) => ['deals', 'history', id] as const,
  lostReasons: ['deals', 'lost-reasons'] as const,
};

export type BoardKey = ReturnType<typeof dealKeys.board>;

/** Whether a cached query is this board (keys compare by value, as TanStack Query hashes them). */
const isBoard = (queryKey: readonly unknown[], boardKey: BoardKey | undefined) =>
  boardKey !== undefined && JSON.stringify(queryKey) === JSON.stringify(boardKey);

const pipelinePath = (id: string) => `/api/pipelines/${encodeURIComponent(id)}`;
export const dealPath = (id: string) => `/api/deals/${encodeURIComponent(id)}`;

export const pipelinesQuery = () =>
  queryOptions({
    queryKey: dealKeys.pipelines,
    queryFn: async ({ signal }) =>
      (await apiRequest<{ items: Pipeline[] }>('/api/pipelines', { signal })).items,
  });

export const boardQuery = (pipelineId: string, filters: BoardFilters) =>
  queryOptions({
    queryKey: dealKeys.board(pipelineId, filters),
    queryFn: ({ signal }) =>
      apiRequest<Board>(`${pipelinePath(pipelineId)}/board`, { query: { ...filters }, signal }),
    enabled: Boolean(pipelineId),
    // an unchanged card keeps its object wherever it moves, so memoised cards do not render again
    structuralSharing: shareCards,
  });

export const dealQuery = (id: string) =>
  queryOptions({
    queryKey: dealKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Deal>(dealPath(id), { signal }),
  });

export const dealHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: dealKeys.history(id),
    queryFn: ({ signal }) => apiRequest<DealHistoryList>(`${dealPath(id)}/history`, { signal }),
  });

export const dealListQuery = (params: DealListParams) =>
  queryOptions({
    queryKey: dealKeys.list(params),
    queryFn: ({ signal }) => apiRequest<DealList>('/api/deals', { query: { ...params }, signal }),
  });

export const lostReasonsQuery = () =>
  queryOptions({
    queryKey: dealKeys.lostReasons,
    queryFn: ({ signal }) => apiRequest<LostReasons>('/api/settings/deal-lost-reasons', { signal }),
  });

/** A deal shows on its board, its page, its contacts' and company's pages and their timelines. */
function refreshAround(queryClient: QueryClient, deal: Deal) {
  queryClient.setQueryData(dealKeys.detail(deal.id), deal);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: dealKeys.history(deal.id) }),
    queryClient.invalidateQueries({ queryKey: dealKeys.lists }),
    ...[deal.primaryContactId, ...deal.contactIds]
      .filter((id): id is string => Boolean(id))
      .map((id) => queryClient.invalidateQueries({ queryKey: ['contacts', 'detail', id] })),
    queryClient.invalidateQueries({ queryKey: timelineKeys.all }),
  ]);
}

/** Why a move was refused, in words: its version was stale, its stage or the deal is gone, or the API's own. */
export function moveRefusal(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code.endsWith('.version_conflict') || error.status === 412)
      return 'Someone changed this deal meanwhile. The board now shows it as it is.';
    if (error.status === 404) return 'The deal or its stage no longer exists. The board has been reloaded.';
    if (error.code !== 'server.internal') return error.message;
  }
  return messageOf(error);
}

export interface MoveRequest {
  dealId: string;
  toStageId: string;
  position: string;
}

/**
 * A drag or "Move to stage": the card moves at once (with its column totals), the API is asked, and the
 * board goes back as it was when the API refuses, with `onRefused`'s message; then it is read again.
 * Moves run one after another (one scope), each with the version the last answer gave the card.
 */
export function useMoveDeal(boardKey: BoardKey, onRefused: (deal: Deal, message: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: 'deal-moves' },
    mutationFn: ({ dealId, toStageId, position }: MoveRequest) => {
      const card = findCard(queryClient.getQueryData<Board>(boardKey), dealId);
      if (!card) throw new ApiError(404, 'route.not_found');
      return apiRequest<Deal>(dealPath(dealId), {
        method: 'PATCH',
        body: { stageId: toStageId, position },
        version: card.version,
      });
    },
    onMutate: async ({ dealId, toStageId, position }) => {
      await queryClient.cancelQueries({ queryKey: boardKey });
      const before = queryClient.getQueryData<Board>(boardKey);
      const card = findCard(before, dealId);
      if (before) queryClient.setQueryData<Board>(boardKey, moveCard(before, dealId, toStageId, position));
      return { before, card };
    },
    onError: (error, _move, context) => {
      if (context?.before) queryClient.setQueryData(boardKey, context.before);
      if (context?.card) onRefused(context.card, moveRefusal(error));
      // the board as it is now: the deal's new version, a removed stage
      void queryClient.invalidateQueries({ queryKey: dealKeys.boards });
    },
    onSuccess: (deal) => {
      queryClient.setQueryData<Board>(boardKey, (board) => board && replaceCard(board, deal));
      void refreshAround(queryClient, deal);
      // other filters' boards of this pipeline hold the card at its old place
      void queryClient.invalidateQueries({
        queryKey: dealKeys.boards,
        predicate: (query) => !isBoard(query.queryKey, boardKey) && query.queryKey[2] === deal.pipelineId,
      });
    },
  });
}

/** "Load more" of one column: its next page appended to the board kept in the cache. */
export function useLoadMore(boardKey: BoardKey) {
  const queryClient = useQueryClient();
  const [, , pipelineId, filters] = boardKey;
  return useMutation({
    mutationFn: ({ stageId, cursor }: { stageId: string; cursor: string }) =>
      apiRequest<Board>(`${pipelinePath(pipelineId)}/board`, { query: { ...filters, stageId, cursor } }),
    onSuccess: (page, { stageId }) => {
      const column = page.columns.find((candidate) => candidate.stageId === stageId);
      if (column) queryClient.setQueryData<Board>(boardKey, (board) => board && appendPage(board, column));
    },
  });
}

export function useCreateDeal(boardKey?: BoardKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof DealInput>) =>
      apiRequest<Deal>('/api/deals', { method: 'POST', body: input }),
    onSuccess: (deal) => {
      if (boardKey) queryClient.setQueryData<Board>(boardKey, (board) => board && addCard(board, deal));
      void queryClient.invalidateQueries({
        queryKey: dealKeys.boards,
        predicate: (query) => !isBoard(query.queryKey, boardKey),
      });
      return refreshAround(queryClient, deal);
    },
  });
}

export function useUpdateDeal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, patch }: { version: number; patch: z.input<typeof DealPatch> }) =>
      apiRequest<Deal>(dealPath(id), { method: 'PATCH', body: patch, version }),
    onSuccess: (deal) => {
      void queryClient.invalidateQueries({ queryKey: dealKeys.boards });
      return refreshAround(queryClient, deal);
    },
  });
}

export function useDeleteDeal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<undefined>(dealPath(id), { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: dealKeys.detail(id), refetchType: 'none' });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: dealKeys.boards }),
        queryClient.invalidateQueries({ queryKey: dealKeys.lists }),
        queryClient.invalidateQueries({ queryKey: timelineKeys.all }),
      ]);
    },
  });
}

function usePipelineChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: dealKeys.pipelines }),
      queryClient.invalidateQueries({ queryKey: dealKeys.boards }),
    ]);
}

export function useCreatePipeline() {
  const changed = usePipelineChanged();
  return useMutation({
    mutationFn: (input: z.input<typeof PipelineInput>) =>
      apiRequest<Pipeline>('/api/pipelines', { method: 'POST', body: input }),
    onSuccess: changed,
  });
}

export function useUpdatePipeline() {
  const changed = usePipelineChanged();
  return useMutation({
    mutationFn: ({ pipeline, patch }: { pipeline: Pipeline; patch: z.input<typeof PipelinePatch> }) =>
      apiRequest<Pipeline>(pipelinePath(pipeline.id), {
        method: 'PATCH',
        body: patch,
        version: pipeline.version,
      }),
    onSuccess: changed,
  });
}

export function useDeletePipeline() {
  const changed = usePipelineChanged();
  return useMutation({
    mutationFn: (id: string) => apiRequest<undefined>(pipelinePath(id), { method: 'DELETE' }),
    onSuccess: changed,
  });
}

export function usePutLostReasons() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reasons, version }: { reasons: string[]; version: number }) =>
      apiRequest<LostReasons>('/api/settings/deal-lost-reasons', {
        method: 'PUT',
        body: { reasons },
        version,
      }),
    onSuccess: (saved) => queryClient.setQueryData(dealKeys.lostReasons, saved),
  });
}

export type { BoardColumn };
