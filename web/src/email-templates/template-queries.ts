import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type {
  EmailTemplate,
  EmailTemplateInput,
  EmailTemplatePage,
  EmailTemplatePatch,
  MergeFieldCatalog,
  TemplatePreview,
} from '../../../shared/email-templates/email-template';
import { apiRequest } from '../api/api-client';

const basePath = '/api/email/templates';
const pathOf = (id: string) => `${basePath}/${encodeURIComponent(id)}`;

export const templateKeys = {
  all: ['email-templates'] as const,
  list: () => ['email-templates', 'list'] as const,
  detail: (id: string) => ['email-templates', 'detail', id] as const,
  preview: (id: string, version: number, contactId: string | null) =>
    ['email-templates', 'detail', id, 'preview', version, contactId] as const,
};

export const templatesQuery = () =>
  queryOptions({
    queryKey: templateKeys.list(),
    queryFn: ({ signal }) =>
      apiRequest<z.output<typeof EmailTemplatePage>>(basePath, { query: { limit: 100 }, signal }),
  });

/** A template; read again every second while the server compiles it (it takes about one). */
export const templateQuery = (id: string) =>
  queryOptions({
    queryKey: templateKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<EmailTemplate>(pathOf(id), { signal }),
    refetchInterval: (query) => (query.state.data?.compile.status === 'compiling' ? 1000 : false),
  });

export const mergeFieldsQuery = () =>
  queryOptions({
    queryKey: ['email-merge-fields'] as const,
    queryFn: ({ signal }) =>
      apiRequest<z.output<typeof MergeFieldCatalog>>('/api/email/merge-fields', { signal }),
    staleTime: 60_000,
  });

/** The server's compiled template merged for a contact (or with fallbacks), for one compiled version. */
export const templatePreviewQuery = (id: string, version: number, contactId: string | null) =>
  queryOptions({
    queryKey: templateKeys.preview(id, version, contactId),
    queryFn: ({ signal }) =>
      apiRequest<TemplatePreview>(`${pathOf(id)}/preview`, {
        query: { contactId: contactId ?? undefined },
        signal,
      }),
  });

function useStored() {
  const queryClient = useQueryClient();
  return (template: EmailTemplate) => {
    queryClient.setQueryData(templateKeys.detail(template.id), template);
    return queryClient.invalidateQueries({ queryKey: templateKeys.list() });
  };
}

export function useCreateTemplate() {
  const stored = useStored();
  return useMutation({
    mutationFn: (input: z.input<typeof EmailTemplateInput>) =>
      apiRequest<EmailTemplate>(basePath, { method: 'POST', body: input }),
    onSuccess: stored,
  });
}

export function useUpdateTemplate(id: string) {
  const stored = useStored();
  return useMutation({
    mutationFn: ({ version, patch }: { version: number; patch: z.input<typeof EmailTemplatePatch> }) =>
      apiRequest<EmailTemplate>(pathOf(id), { method: 'PATCH', body: patch, version }),
    onSuccess: stored,
  });
}

export function useDeleteTemplate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<undefined>(pathOf(id), { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: templateKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: templateKeys.list() });
    },
  });
}

export function useSendTestEmail(id: string) {
  return useMutation({
    mutationFn: (contactId: string | null) =>
      apiRequest<{ to: string; messageId: string }>(`${pathOf(id)}/test-send`, {
        method: 'POST',
        body: contactId ? { contactId } : {},
      }),
  });
}
