import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type {
  TicketInput,
  TicketPatch,
  TicketSlaPolicy,
  TicketSlaSettings,
  TicketStats,
  TicketsPage,
  TicketView,
} from '../../../shared/tickets/ticket';
import { timelineKeys } from '../activities/timeline-queries';
import { apiRequest } from '../api/api-client';

export interface TicketQueueParams {
  assignee?: 'mine';
  status?: 'open' | 'pending';
  cursor?: string;
  limit?: number;
}

export const ticketKeys = {
  all: ['tickets'] as const,
  queues: () => [...ticketKeys.all, 'queue'] as const,
  queue: (params: TicketQueueParams) => [...ticketKeys.queues(), params] as const,
  stats: () => [...ticketKeys.all, 'stats'] as const,
  detail: (id: string) => [...ticketKeys.all, 'detail', id] as const,
  /** A contact's tickets (`GET /api/contacts/{id}/tickets`), for the contact page. */
  ofContact: (contactId: string) => [...ticketKeys.all, 'contact', contactId] as const,
  sla: () => [...ticketKeys.all, 'sla'] as const,
};

const ticketPath = (id: string) => `/api/tickets/${encodeURIComponent(id)}`;

export const ticketQueueQuery = (params: TicketQueueParams) =>
  queryOptions({
    queryKey: ticketKeys.queue(params),
    queryFn: ({ signal }) =>
      apiRequest<TicketsPage>('/api/tickets', { query: { limit: 25, ...params }, signal }),
    placeholderData: keepPreviousData,
  });

export const ticketStatsQuery = () =>
  queryOptions({
    queryKey: ticketKeys.stats(),
    queryFn: ({ signal }) => apiRequest<TicketStats>('/api/tickets/stats', { signal }),
  });

export const ticketQuery = (id: string) =>
  queryOptions({
    queryKey: ticketKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<TicketView>(ticketPath(id), { signal }),
  });

export const ticketSlaQuery = () =>
  queryOptions({
    queryKey: ticketKeys.sla(),
    queryFn: ({ signal }) => apiRequest<TicketSlaSettings>('/api/settings/ticket-sla', { signal }),
  });

/** A new or changed ticket changes the queue, the figures and its contact's tickets. */
function refreshAround(queryClient: ReturnType<typeof useQueryClient>, ticket: TicketView) {
  queryClient.setQueryData(ticketKeys.detail(ticket.id), ticket);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ticketKeys.queues() }),
    queryClient.invalidateQueries({ queryKey: ticketKeys.stats() }),
    queryClient.invalidateQueries({ queryKey: ticketKeys.ofContact(ticket.contactId) }),
    // the contact's overview and timeline show its open tickets and their entries
    queryClient.invalidateQueries({ queryKey: ['contacts', 'detail', ticket.contactId] }),
    queryClient.invalidateQueries({ queryKey: timelineKeys.all }),
  ]);
}

export function useOpenTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof TicketInput>) =>
      apiRequest<TicketView>('/api/tickets', { method: 'POST', body: input }),
    onSuccess: (ticket) => refreshAround(queryClient, ticket),
  });
}

export function useUpdateTicket(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, patch }: { version: number; patch: z.input<typeof TicketPatch> }) =>
      apiRequest<TicketView>(ticketPath(id), { method: 'PATCH', body: patch, version }),
    onSuccess: (ticket) => refreshAround(queryClient, ticket),
  });
}

export function usePutTicketSla() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: TicketSlaPolicy) =>
      apiRequest<TicketSlaSettings>('/api/settings/ticket-sla', { method: 'PUT', body: policy }),
    onSuccess: (settings) => queryClient.setQueryData(ticketKeys.sla(), settings),
  });
}
