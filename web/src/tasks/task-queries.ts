import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type { Task, TaskInput, TaskPage, TaskPatch, TaskView } from '../../../shared/tasks/task';
import { timelineKeys } from '../activities/timeline-queries';
import { apiRequest } from '../api/api-client';

export interface TaskListParams {
  view?: TaskView;
  contactId?: string;
  companyId?: string;
  dealId?: string;
  limit?: number;
  cursor?: string;
}

/** Every task list and task sits under one key, so a change refreshes them all. */
export const taskKeys = {
  all: ['tasks'] as const,
  list: (params: TaskListParams) => ['tasks', 'list', params] as const,
  lists: ['tasks', 'list'] as const,
};

/** The caller's time zone, so "today" is the user's day (the API takes it as an IANA name). */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const taskListQuery = (params: TaskListParams) =>
  queryOptions({
    queryKey: taskKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest<TaskPage>('/api/tasks', {
        query: {
          ...params,
          ...(params.view === 'today' ? { timeZone: browserTimeZone() } : {}),
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof TaskInput>) =>
      apiRequest<Task>('/api/tasks', { method: 'POST', body: input }),
    onSuccess: () => refreshTasks(queryClient),
  });
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, patch }: { task: Pick<Task, 'id' | 'version'>; patch: z.input<typeof TaskPatch> }) =>
      apiRequest<Task>(taskPath(task.id), { method: 'PATCH', body: patch, version: task.version }),
    onSettled: () => refreshTasks(queryClient),
  });
}

/**
 * Completing (or reopening) from a list: the row changes at once in every cached list, and goes back as it
 * was if the API refuses (a version conflict, a network failure); then the lists are read again.
 */
export function useToggleTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, done }: { task: Task; done: boolean }) =>
      apiRequest<Task>(taskPath(task.id), { method: 'PATCH', body: { done }, version: task.version }),
    onMutate: async ({ task, done }) => {
      await queryClient.cancelQueries({ queryKey: taskKeys.lists });
      const before = queryClient.getQueriesData<TaskPage>({ queryKey: taskKeys.lists });
      queryClient.setQueriesData<TaskPage>({ queryKey: taskKeys.lists }, (page) =>
        page
          ? { ...page, items: page.items.map((item) => (item.id === task.id ? { ...item, done } : item)) }
          : page,
      );
      return { before };
    },
    onError: (_error, _variables, context) => {
      for (const [key, page] of context?.before ?? []) queryClient.setQueryData(key, page);
    },
    onSettled: () => refreshTasks(queryClient),
  });
}

export function useDeleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<undefined>(taskPath(id), { method: 'DELETE' }),
    onSuccess: () => refreshTasks(queryClient),
  });
}

/** Tasks show in their lists and, while open, in their contact's overview (open work). */
function refreshTasks(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: taskKeys.all }),
    queryClient.invalidateQueries({ queryKey: timelineKeys.all }),
  ]);
}
