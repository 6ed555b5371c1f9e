import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ContactOrdersPage } from '../../../shared/orders/order';
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
