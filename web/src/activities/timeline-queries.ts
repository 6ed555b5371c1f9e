import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type {
  Activity,
  ActivityEdit,
  ActivityInput,
  ActivityRevisions,
} from '../../../shared/activities/activity';
import type {
  ContactOverview,
  TimelineEntryType,
  TimelinePage,
} from '../../../shared/activities/timeline-entry';
import { apiRequest } from '../api/api-client';

/** The record a timeline belongs to, as the pages name it. */
export interface TimelineOwner {
  kind: 'contact' | 'company';
  id: string;
}

const ownerPath = (owner: TimelineOwner) =>
  `/api/${owner.kind === 'contact' ? 'contacts' : 'companies'}/${encodeURIComponent(owner.id)}`;

/** Where an entry is changed: on its contact when it has one (a contact's entry on a company's timeline too). */
export const entryOwnerOf = (entry: Pick<Activity, 'contactId' | 'companyId'>): TimelineOwner =>
  entry.contactId ? { kind: 'contact', id: entry.contactId } : { kind: 'company', id: entry.companyId ?? '' };

const activityPath = (entry: Pick<Activity, 'id' | 'contactId' | 'companyId'>) =>
  `${ownerPath(entryOwnerOf(entry))}/activities/${encodeURIComponent(entry.id)}`;

export const timelineKeys = {
  all: ['timeline'] as const,
  of: (owner: TimelineOwner) => [...timelineKeys.all, owner.kind, owner.id] as const,
  overview: (contactId: string) => [...timelineKeys.all, 'overview', contactId] as const,
};

/** A timeline, newest first, a page at a time ("load more" asks for the next). */
export const timelineQuery = (owner: TimelineOwner, type: TimelineEntryType | undefined) =>
  infiniteQueryOptions({
    queryKey: [...timelineKeys.of(owner), { type }] as const,
    queryFn: ({ pageParam, signal }) =>
      apiRequest<TimelinePage>(`${ownerPath(owner)}/activities`, {
        query: { limit: 20, type, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
  });

/** A contact, its newest entries and its open work, in one request (one DynamoDB Query). */
export const contactOverviewQuery = (contactId: string) =>
  queryOptions({
    queryKey: timelineKeys.overview(contactId),
    queryFn: ({ signal }) =>
      apiRequest<ContactOverview>(`/api/contacts/${encodeURIComponent(contactId)}/overview`, { signal }),
  });

export const revisionsQuery = (entry: Pick<Activity, 'id' | 'contactId' | 'companyId'>) =>
  queryOptions({
    queryKey: [...timelineKeys.of(entryOwnerOf(entry)), 'revisions', entry.id] as const,
    queryFn: ({ signal }) => apiRequest<ActivityRevisions>(`${activityPath(entry)}/revisions`, { signal }),
  });

/** Every timeline may show the entry (its contact's, its company's, the overview): all are refreshed. */
function useRefreshTimelines() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: timelineKeys.all });
}

export function useLogActivity(owner: TimelineOwner) {
  const refresh = useRefreshTimelines();
  return useMutation({
    mutationFn: (input: z.input<typeof ActivityInput>) =>
      apiRequest<Activity>(`${ownerPath(owner)}/activities`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useEditActivity() {
  const refresh = useRefreshTimelines();
  return useMutation({
    mutationFn: ({ activity, edit }: { activity: Activity; edit: z.input<typeof ActivityEdit> }) =>
      apiRequest<Activity>(activityPath(activity), {
        method: 'PATCH',
        body: edit,
        version: activity.version,
      }),
    onSuccess: refresh,
  });
}

export function useDeleteActivity() {
  const refresh = useRefreshTimelines();
  return useMutation({
    mutationFn: (activity: Activity) => apiRequest<void>(activityPath(activity), { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
