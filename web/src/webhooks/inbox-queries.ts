import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/records/record-fields';
import type { InboxDelivery, InboxDeliveryStatus } from '../../../shared/webhooks/inbox-delivery';
import { apiRequest } from '../api/api-client';

export interface InboxListParams {
  status?: InboxDeliveryStatus;
  cursor?: string;
}

const inboxKeys = {
  all: ['webhook-inbox'] as const,
  list: (params: InboxListParams) => [...inboxKeys.all, params] as const,
};

/** Deliveries from shops and forms, newest first, a page at a time. */
export const inboxListQuery = (params: InboxListParams) =>
  queryOptions({
    queryKey: inboxKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest<Page<InboxDelivery>>('/api/webhooks/inbox', { query: { limit: 25, ...params }, signal }),
    placeholderData: keepPreviousData,
  });

export function useReplayDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inboxId: string) =>
      apiRequest<InboxDelivery>(`/api/webhooks/inbox/${encodeURIComponent(inboxId)}/replay`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
