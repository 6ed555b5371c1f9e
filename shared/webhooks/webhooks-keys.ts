import { type KeyPair, ws } from '../store/key-parts';

/**
 * Webhook intake: the inbox of deliveries.
 * Built here and nowhere else (keys.ts gathers them); golden tests pin the strings.
 */
export const webhooksKeys = {
  /** Inbox entry of a webhook delivery: keyed by the provider's delivery id, so a redelivery collides. */
  webhookDelivery: (workspaceId: string, source: string, targetId: string, deliveryId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#WEBHOOK#${source}#${targetId}#${deliveryId}`,
    sk: 'WEBHOOK',
  }),
  /** GSI byCollection: every delivery of a workspace, newest first; one delivery by its inbox id. */
  webhookDeliveryCollection: (workspaceId: string, inboxId: string) => ({
    gsi1pk: `${ws(workspaceId)}#WEBHOOKS`,
    gsi1sk: inboxId,
  }),
  webhookDeliveriesPartition: (workspaceId: string) => `${ws(workspaceId)}#WEBHOOKS`,
  /** GSI byParent: the deliveries in one status (received, processed, failed), newest first. */
  webhookDeliveryStatus: (workspaceId: string, status: string, inboxId: string) => ({
    gsi3pk: `${ws(workspaceId)}#WEBHOOKS#${status}`,
    gsi3sk: inboxId,
  }),
  webhookDeliveryStatusPartition: (workspaceId: string, status: string) =>
    `${ws(workspaceId)}#WEBHOOKS#${status}`,
};
