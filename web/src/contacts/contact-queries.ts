import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type { Contact } from '../../../shared/contacts/contact';
import type { ContactInput, ContactPatch } from '../../../shared/contacts/contact-input';
import type { Page } from '../../../shared/records/record-fields';
import { apiRequest } from '../api/api-client';
import { contactBatchReader } from './contact-batch-reader';

export interface ContactListParams {
  /** Name prefix. */
  q?: string;
  /** Exact email address. */
  email?: string;
  tag?: string;
  /** The contacts linked to this company, newest first. */
  companyId?: string;
  /** The contacts this member owns, newest first. */
  ownerId?: string;
  cursor?: string;
  limit?: number;
}

export const contactKeys = {
  all: ['contacts'] as const,
  lists: () => [...contactKeys.all, 'list'] as const,
  list: (params: ContactListParams) => [...contactKeys.lists(), params] as const,
  detail: (id: string) => [...contactKeys.all, 'detail', id] as const,
};

const contactPath = (id: string) => `/api/contacts/${encodeURIComponent(id)}`;
const looksLikeEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The search box: an email address finds its one contact, anything else is a name prefix. */
export function contactSearchParams(search: string): Pick<ContactListParams, 'q' | 'email'> {
  const text = search.trim();
  if (!text) return {};
  return looksLikeEmail.test(text) ? { email: text.toLowerCase() } : { q: text.slice(0, 100) };
}

export const contactListQuery = (params: ContactListParams) =>
  queryOptions({
    queryKey: contactKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest<Page<Contact>>('/api/contacts', { query: { limit: 25, ...params }, signal }),
    placeholderData: keepPreviousData,
  });

export const contactQuery = (id: string) =>
  queryOptions({
    queryKey: contactKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Contact>(contactPath(id), { signal }),
  });

const readBatched = contactBatchReader();

/**
 * One contact read together with the others asked for at the same moment (one `?ids=` request for a board
 * of cards), cached under the same key as `contactQuery`: the deal page and the others reuse it.
 */
export const batchedContactQuery = (id: string) =>
  queryOptions({ queryKey: contactKeys.detail(id), queryFn: () => readBatched(id) });

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ContactInput>) =>
      apiRequest<Contact>('/api/contacts', { method: 'POST', body: input }),
    onSuccess: (contact) => {
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      return queryClient.invalidateQueries({ queryKey: contactKeys.lists() });
    },
  });
}

export function useUpdateContact(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, patch }: { version: number; patch: z.input<typeof ContactPatch> }) =>
      apiRequest<Contact>(contactPath(id), { method: 'PATCH', body: patch, version }),
    onSuccess: (contact) => {
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      return queryClient.invalidateQueries({ queryKey: contactKeys.lists() });
    },
  });
}

export function useDeleteContact(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(contactPath(id), { method: 'DELETE' }),
    onSuccess: () => {
      // the page showing it is leaving; a later visit refetches and finds it gone
      void queryClient.invalidateQueries({ queryKey: contactKeys.detail(id), refetchType: 'none' });
      return queryClient.invalidateQueries({ queryKey: contactKeys.lists() });
    },
  });
}
