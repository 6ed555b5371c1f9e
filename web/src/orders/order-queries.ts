import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ContactCheckoutsPage, ContactOrdersPage } from '../../../shared/orders/order';
import { apiRequest } from '../api/api-client';
import { contactKeys } from '../contacts/contact-queries';

/** A contact's orders, newest first, with its purchase statistics. */
export const contactOrdersQuery = (contactId: string, params: { cursor?: string; limit?: number }) =>
  queryOptions({
    queryKey: [...contactKeys.detail(contactId), 'orders', params] as const,
    queryFn: ({ signal }) =>
      apiRequest<ContactOrdersPage>(`/api/contacts/${encodeURIComponent(contactId)}/orders`, {
        query: { limit: 10, ...params },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

/** A contact's open and abandoned carts, newest first. */
export const contactCheckoutsQuery = (contactId: string, params: { cursor?: string; limit?: number }) =>
  queryOptions({
    queryKey: [...contactKeys.detail(contactId), 'checkouts', params] as const,
    queryFn: ({ signal }) =>
      apiRequest<ContactCheckoutsPage>(`/api/contacts/${encodeURIComponent(contactId)}/checkouts`, {
        query: { limit: 10, ...params },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
