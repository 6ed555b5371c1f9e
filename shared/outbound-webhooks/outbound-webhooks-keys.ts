import { type KeyPair, ws } from '../store/key-parts';

/**
 * The outbound webhooks capability: subscriptions and their deliveries.
 * Built here and nowhere else (keys.ts gathers them); golden tests pin the strings.
 */
export const outboundWebhooksKeys = {
  // --- outbound webhooks ---
  /** Outbound webhook subscriptions of a workspace, one partition: each CRM event reads it in one Query. */
  webhookSubscription: (workspaceId: string, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTIONS`,
    sk: `SUBSCRIPTION#${id}`,
  }),
  webhookSubscriptionsPrefix: (workspaceId: string) => ({
    pk: `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTIONS`,
    skPrefix: 'SUBSCRIPTION#',
  }),
  /** GSI acrossWorkspaces (sparse, scanned by the retry job): every subscription, so it knows whom to sweep. */
  webhookSubscriptionAcrossWorkspaces: (workspaceId: string, id: string) => ({
    gsi4pk: `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTIONS`,
    gsi4sk: id,
  }),
  /** One outbound delivery: an event for a subscription, with its attempts. */
  outboundDelivery: (workspaceId: string, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#OUTBOUND_DELIVERY#${id}`,
    sk: 'OUTBOUND_DELIVERY',
  }),
  /** GSI byParent: the delivery log of a subscription, newest first. */
  outboundDeliveryOfSubscription: (workspaceId: string, subscriptionId: string, id: string) => ({
    gsi3pk: `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTION#${subscriptionId}#DELIVERIES`,
    gsi3sk: id,
  }),
  outboundDeliveriesPartition: (workspaceId: string, subscriptionId: string) =>
    `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTION#${subscriptionId}#DELIVERIES`,
  /** GSI byCollection: the deliveries of a subscription in one status, newest first. */
  outboundDeliveryInStatus: (workspaceId: string, subscriptionId: string, status: string, id: string) => ({
    gsi1pk: `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTION#${subscriptionId}#DELIVERIES#${status}`,
    gsi1sk: id,
  }),
  outboundDeliveriesInStatusPartition: (workspaceId: string, subscriptionId: string, status: string) =>
    `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTION#${subscriptionId}#DELIVERIES#${status}`,
  /** GSI byName, its sort key ordered by time here: a workspace's pending deliveries by next attempt. */
  outboundDeliveryDue: (workspaceId: string, nextAttemptAt: string, id: string) => ({
    gsi2pk: `${ws(workspaceId)}#OUTBOUND_DELIVERIES_DUE`,
    gsi2sk: `${nextAttemptAt}#${id}`,
  }),
  outboundDeliveriesDuePartition: (workspaceId: string) => `${ws(workspaceId)}#OUTBOUND_DELIVERIES_DUE`,
};
