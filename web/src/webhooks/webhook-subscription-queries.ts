import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type { DeliveryStatus, WebhookDelivery } from '../../../shared/outbound-webhooks/webhook-delivery';
import type {
  WebhookSubscription,
  WebhookSubscriptionInput,
  WebhookSubscriptionPatch,
} from '../../../shared/outbound-webhooks/webhook-subscription';
import type { Page } from '../../../shared/records/record-fields';
import { apiRequest } from '../api/api-client';
import { settingsResource } from '../api/resource-queries';
import { recordPath } from '../records/record-path';

export const webhookSubscriptions = settingsResource<
  WebhookSubscription,
  z.input<typeof WebhookSubscriptionInput>,
  z.input<typeof WebhookSubscriptionPatch>
>('webhook-subscriptions', '/api/settings/webhooks');

/** A subscription's page in the app. */
export const webhookPage = (id: string) => recordPath('/settings/webhooks', id);

export interface DeliveryListParams {
  status?: DeliveryStatus;
  cursor?: string;
}

const deliveryKeys = {
  all: (subscriptionId: string) =>
    [...webhookSubscriptions.keys.detail(subscriptionId), 'deliveries'] as const,
  list: (subscriptionId: string, params: DeliveryListParams) =>
    [...deliveryKeys.all(subscriptionId), params] as const,
};

/** A subscription's delivery log, newest first, a page at a time. */
export const deliveryListQuery = (subscriptionId: string, params: DeliveryListParams) =>
  queryOptions({
    queryKey: deliveryKeys.list(subscriptionId, params),
    queryFn: ({ signal }) =>
      apiRequest<Page<WebhookDelivery>>(`${webhookSubscriptions.pathOf(subscriptionId)}/deliveries`, {
        query: { limit: 20, ...params },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

/** Sends a delivery now (a test event, a redelivery); the log shows it once the answer is in. */
function useDeliveryAction(subscriptionId: string, pathOf: (id: string) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<WebhookDelivery>(pathOf(id), { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all(subscriptionId) }),
  });
}

export const useSendTestEvent = (subscriptionId: string) =>
  useDeliveryAction(subscriptionId, (id) => `${webhookSubscriptions.pathOf(id)}/test`);

export const useRedeliver = (subscriptionId: string) =>
  useDeliveryAction(
    subscriptionId,
    (deliveryId) => `/api/settings/webhooks/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
  );
