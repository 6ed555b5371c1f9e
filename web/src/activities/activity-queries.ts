import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ContactActivitiesPage } from '../../../shared/forms/contact-activities';
import { apiRequest } from '../api/api-client';
import { contactKeys } from '../contacts/contact-queries';

/** A contact's form submissions, newest first, with their consents. */
export const contactActivitiesQuery = (contactId: string, params: { cursor?: string; limit?: number }) =>
  queryOptions({
    queryKey: [...contactKeys.detail(contactId), 'activities', params] as const,
    queryFn: ({ signal }) =>
      apiRequest<ContactActivitiesPage>(`/api/contacts/${encodeURIComponent(contactId)}/activities`, {
        query: { limit: 10, ...params },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
