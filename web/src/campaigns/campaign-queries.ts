import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type {
  Audience,
  AudienceCount,
  Campaign,
  CampaignInput,
  CampaignPage,
  CampaignPatch,
  CampaignReport,
  CampaignStatus,
  RecipientPage,
  RecipientStatus,
  ScheduleInput,
} from '../../../shared/campaigns/campaign';
import type { Deliverability } from '../../../shared/email/email-settings';
import type {
  EmailTemplate,
  EmailTemplatePage,
  TemplatePreview,
} from '../../../shared/email-templates/email-template';
import { apiRequest } from '../api/api-client';
import { isRunning, pollEvery, reportRefreshMs } from './campaign-format';

const base = '/api/email/campaigns';
const pathOf = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (page: { cursor?: string; status?: CampaignStatus }) => ['campaigns', 'list', page] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  report: (id: string) => ['campaigns', 'detail', id, 'report'] as const,
  recipients: (id: string, page: { cursor?: string; status?: RecipientStatus }) =>
    ['campaigns', 'detail', id, 'recipients', page] as const,
};

export const campaignsQuery = (page: { cursor?: string; status?: CampaignStatus }) =>
  queryOptions({
    queryKey: campaignKeys.list(page),
    queryFn: ({ signal }) =>
      apiRequest<z.output<typeof CampaignPage>>(base, { query: { limit: 25, ...page }, signal }),
    placeholderData: keepPreviousData,
    // the list shows progress too: it follows while any campaign on it runs
    refetchInterval: (query) =>
      query.state.data?.items.some((campaign) => isRunning(campaign.status)) ? pollEvery : false,
  });

export const campaignQuery = (id: string) =>
  queryOptions({
    queryKey: campaignKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Campaign>(pathOf(id), { signal }),
    refetchInterval: (query) => (query.state.data && isRunning(query.state.data.status) ? pollEvery : false),
  });

export const campaignReportQuery = (campaign: Pick<Campaign, 'id' | 'status' | 'completedAt'>) =>
  queryOptions({
    queryKey: campaignKeys.report(campaign.id),
    queryFn: ({ signal }) => apiRequest<CampaignReport>(`${pathOf(campaign.id)}/report`, { signal }),
    refetchInterval: () => reportRefreshMs(campaign),
  });

/** The recipients change as the campaign sends and as SES reports: followed as the report is. */
export const campaignRecipientsQuery = (
  campaign: Pick<Campaign, 'id' | 'status' | 'completedAt'>,
  page: { cursor?: string; status?: RecipientStatus },
) =>
  queryOptions({
    queryKey: campaignKeys.recipients(campaign.id, page),
    refetchInterval: () => reportRefreshMs(campaign),
    queryFn: ({ signal }) =>
      apiRequest<z.output<typeof RecipientPage>>(`${pathOf(campaign.id)}/recipients`, {
        query: { limit: 25, ...page },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

/** Who an audience reaches now; the wizard asks again as the audience changes (debounced). */
export const audienceCountQuery = (audience: Audience | undefined) =>
  queryOptions({
    queryKey: ['campaigns', 'audience-count', audience] as const,
    queryFn: ({ signal }) =>
      apiRequest<AudienceCount>(`${base}/audience-count`, { method: 'POST', body: { audience }, signal }),
    enabled: audience !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });

export const deliverabilityQuery = () =>
  queryOptions({
    queryKey: ['email', 'deliverability'] as const,
    queryFn: ({ signal }) => apiRequest<Deliverability>('/api/email/deliverability', { signal }),
  });

export const templatesQuery = () =>
  queryOptions({
    queryKey: ['email-templates', 'list', 'for-campaigns'] as const,
    queryFn: ({ signal }) =>
      apiRequest<z.output<typeof EmailTemplatePage>>('/api/email/templates', {
        query: { limit: 100 },
        signal,
      }),
  });

export const templateQuery = (id: string | undefined) =>
  queryOptions({
    queryKey: ['email-templates', 'detail', id] as const,
    queryFn: ({ signal }) =>
      apiRequest<EmailTemplate>(`/api/email/templates/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined,
    // a template just saved compiles within a second or two: follow it until it is ready or invalid
    refetchInterval: (query) => (query.state.data?.compile.status === 'compiling' ? pollEvery : false),
  });

/** The template merged with its fallbacks (no contact): what the campaign will look like. */
export const templatePreviewQuery = (id: string | undefined, version: number | undefined) =>
  queryOptions({
    queryKey: ['email-templates', 'detail', id, 'preview', version] as const,
    queryFn: ({ signal }) =>
      apiRequest<TemplatePreview>(`/api/email/templates/${encodeURIComponent(id ?? '')}/preview`, { signal }),
    enabled: id !== undefined && version !== undefined,
  });

function useStored() {
  const queryClient = useQueryClient();
  return (campaign: Campaign) => {
    queryClient.setQueryData(campaignKeys.detail(campaign.id), campaign);
    return queryClient.invalidateQueries({ queryKey: ['campaigns', 'list'] });
  };
}

export function useCreateCampaign() {
  const stored = useStored();
  return useMutation({
    mutationFn: (input: z.input<typeof CampaignInput>) =>
      apiRequest<Campaign>(base, { method: 'POST', body: input }),
    onSuccess: stored,
  });
}

export function useUpdateCampaign() {
  const stored = useStored();
  return useMutation({
    mutationFn: ({ campaign, patch }: { campaign: Campaign; patch: z.input<typeof CampaignPatch> }) =>
      apiRequest<Campaign>(pathOf(campaign.id), { method: 'PATCH', body: patch, version: campaign.version }),
    onSuccess: stored,
  });
}

export function useScheduleCampaign() {
  const stored = useStored();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ScheduleInput }) =>
      apiRequest<Campaign>(`${pathOf(id)}/schedule`, { method: 'POST', body: input }),
    onSuccess: stored,
  });
}

/** Pause, resume or cancel: each answers the campaign in its new state. */
export function useCampaignAction(id: string, action: 'pause' | 'resume' | 'cancel') {
  const stored = useStored();
  return useMutation({
    // an empty body: the route may take a strict empty object, and one without a body ignores it
    mutationFn: () => apiRequest<Campaign>(`${pathOf(id)}/${action}`, { method: 'POST', body: {} }),
    onSuccess: stored,
  });
}

export function useDeleteCampaign(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(pathOf(id), { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(id), refetchType: 'none' });
      return queryClient.invalidateQueries({ queryKey: ['campaigns', 'list'] });
    },
  });
}
