import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type {
  ContactList,
  ContactListsResponse,
  ContactListWithCount,
  ListInput,
  ListMembership,
  ListMembersPage,
  ListPatch,
} from '../../../shared/lists/list';
import { apiRequest } from '../api/api-client';
import { settingsResource } from '../api/resource-queries';

/** The lists, and one list with its member count (its route, create and update all answer the count). */
export const lists = settingsResource<
  ContactList,
  z.input<typeof ListInput>,
  z.input<typeof ListPatch>,
  ContactListWithCount
>('lists', '/api/lists');

export const listMembersQuery = (id: string, page: { cursor?: string; limit: number }) =>
  queryOptions({
    queryKey: [...lists.keys.detail(id), 'members', page] as const,
    queryFn: ({ signal }) =>
      apiRequest<ListMembersPage>(`${lists.pathOf(id)}/members`, { query: page, signal }),
    placeholderData: keepPreviousData,
  });

const contactListsKey = (contactId: string) => ['contact-lists', contactId] as const;

export const contactListsQuery = (contactId: string) =>
  queryOptions({
    queryKey: contactListsKey(contactId),
    queryFn: ({ signal }) =>
      apiRequest<ContactListsResponse>(`/api/contacts/${encodeURIComponent(contactId)}/lists`, { signal }),
  });

const memberPath = (listId: string, contactId: string) =>
  `${lists.pathOf(listId)}/members/${encodeURIComponent(contactId)}`;

/** Joining and leaving change the contact's lists and the list's members and count. */
function useMembershipChange(method: 'PUT' | 'DELETE') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ listId, contactId }: { listId: string; contactId: string }) =>
      apiRequest<ListMembership | undefined>(memberPath(listId, contactId), { method }),
    onSuccess: (_, { listId, contactId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contactListsKey(contactId) }),
        queryClient.invalidateQueries({ queryKey: lists.keys.detail(listId) }),
      ]),
  });
}

export const useAddListMember = () => useMembershipChange('PUT');
export const useRemoveListMember = () => useMembershipChange('DELETE');
