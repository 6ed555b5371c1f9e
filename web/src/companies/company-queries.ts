import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type { Company } from '../../../shared/companies/company';
import type { CompanyInput, CompanyPatch } from '../../../shared/companies/company-input';
import type { Page } from '../../../shared/records/record-fields';
import { apiRequest } from '../api/api-client';
import { contactKeys } from '../contacts/contact-queries';

export interface CompanyListParams {
  q?: string;
  tag?: string;
  /** The companies this member owns, newest first. */
  ownerId?: string;
  cursor?: string;
  limit?: number;
}

export const companyKeys = {
  all: ['companies'] as const,
  lists: () => [...companyKeys.all, 'list'] as const,
  list: (params: CompanyListParams) => [...companyKeys.lists(), params] as const,
  detail: (id: string) => [...companyKeys.all, 'detail', id] as const,
};

const companyPath = (id: string) => `/api/companies/${encodeURIComponent(id)}`;

export const companyListQuery = (params: CompanyListParams) =>
  queryOptions({
    queryKey: companyKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest<Page<Company>>('/api/companies', { query: { limit: 25, ...params }, signal }),
    placeholderData: keepPreviousData,
  });

export const companyQuery = (id: string) =>
  queryOptions({
    queryKey: companyKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Company>(companyPath(id), { signal }),
  });

export function useCreateCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof CompanyInput>) =>
      apiRequest<Company>('/api/companies', { method: 'POST', body: input }),
    onSuccess: (company) => {
      queryClient.setQueryData(companyKeys.detail(company.id), company);
      return queryClient.invalidateQueries({ queryKey: companyKeys.lists() });
    },
  });
}

export function useUpdateCompany(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, patch }: { version: number; patch: z.input<typeof CompanyPatch> }) =>
      apiRequest<Company>(companyPath(id), { method: 'PATCH', body: patch, version }),
    onSuccess: (company) => {
      queryClient.setQueryData(companyKeys.detail(company.id), company);
      return queryClient.invalidateQueries({ queryKey: companyKeys.lists() });
    },
  });
}

export function useDeleteCompany(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(companyPath(id), { method: 'DELETE' }),
    onSuccess: () => {
      // the page showing it is leaving; a later visit refetches and finds it gone
      void queryClient.invalidateQueries({ queryKey: companyKeys.detail(id), refetchType: 'none' });
      // deleting a company unlinks its contacts
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: companyKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: contactKeys.all }),
      ]);
    },
  });
}
