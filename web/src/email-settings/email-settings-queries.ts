import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type {
  EmailPreferences,
  EmailPreferencesInput,
  EmailSettings,
  EmailSettingsInput,
  Suppression,
  SuppressionPage,
} from '../../../shared/email/email-settings';
import { apiRequest } from '../api/api-client';
import { ApiError } from '../api/api-error';

const settingsKey = ['email', 'settings'] as const;

/** The workspace's sending settings; `null` until an admin sets them (the API answers 404 then). */
export const emailSettingsQuery = () =>
  queryOptions({
    queryKey: settingsKey,
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest<EmailSettings>('/api/settings/email', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });

export function usePutEmailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof EmailSettingsInput>) =>
      apiRequest<EmailSettings>('/api/settings/email', { method: 'PUT', body: input }),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
  });
}

const suppressionsKey = ['email', 'suppressions'] as const;

export const suppressionsQuery = (cursor: string | undefined) =>
  queryOptions({
    queryKey: [...suppressionsKey, { cursor }] as const,
    queryFn: ({ signal }) =>
      apiRequest<z.output<typeof SuppressionPage>>('/api/email/suppressions', {
        query: { limit: 50, cursor },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export function useAddSuppression() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) =>
      apiRequest<Suppression>('/api/email/suppressions', { method: 'POST', body: { email } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: suppressionsKey }),
  });
}

export function useRemoveSuppression() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (addressHash: string) =>
      apiRequest<void>(`/api/email/suppressions/${encodeURIComponent(addressHash)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: suppressionsKey }),
  });
}

const preferencesKey = (contactId: string) => ['email', 'preferences', contactId] as const;
const preferencesPath = (contactId: string) =>
  `/api/contacts/${encodeURIComponent(contactId)}/email-preferences`;

export const emailPreferencesQuery = (contactId: string) =>
  queryOptions({
    queryKey: preferencesKey(contactId),
    queryFn: ({ signal }) => apiRequest<EmailPreferences>(preferencesPath(contactId), { signal }),
  });

export function usePutEmailPreferences(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof EmailPreferencesInput>) =>
      apiRequest<EmailPreferences>(preferencesPath(contactId), { method: 'PUT', body: input }),
    onSuccess: (preferences) => {
      queryClient.setQueryData(preferencesKey(contactId), preferences);
      // the change is on the contact's timeline and overview as a consent change
      return queryClient.invalidateQueries({ queryKey: ['timeline'] });
    },
  });
}
