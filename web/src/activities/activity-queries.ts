import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { TimelinePage } from '../../../shared/activities/timeline-entry';
import { apiRequest } from '../api/api-client';
import { contactKeys } from '../contacts/contact-queries';

/** A contact's form submissions, newest first, with their consents: its timeline filtered to them. */
export const contactActivitiesQuery = (contactId: string, params: { cursor?: string; limit?: number }) =>
  queryOptions({
    queryKey: [...contactKeys.detail(contactId), 'activities', params] as const,
    queryFn: ({ signal }) =>
      apiRequest<TimelinePage>(`/api/contacts/${encodeURIComponent(contactId)}/activities`, {
        query: { limit: 10, type: 'form.submitted', ...params },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
