import { EmailAddress } from '../contacts/email-address';
import { PhoneNumber } from '../contacts/phone-number';
import { upsertContactByEmail } from '../contacts/upsert-contact-by-email';
import { recordCheckout } from '../orders/record-checkout';
import { type OrderOwner, recordOrder, type ShopContext } from '../orders/record-order';
import type { Deps } from '../platform/deps';
import { isSingleLineText } from '../platform/single-line-text';
import type { Archive } from '../webhooks/archive';
import { ArchivedDelivery, bodyOf } from '../webhooks/archived-delivery';
import type { WebhookReceivedDetail } from '../webhooks/webhook-events';
import {
  type DeliveryKey,
  linkDeliveryToContact,
  markDeliveryFailed,
  markDeliveryProcessed,
} from '../webhooks/webhook-inbox';
import { parseConnectionId } from './connection-id';
import { defaultAbandonAfterHours, ShopProvider } from './shop-connection';
import { findShopConnection } from './shop-connections-store';
import type { ShopCustomer } from './shop-event';
import { shopWebhookProviders } from './shop-webhook-endpoint';

export interface ProcessDeps extends Deps {
  archive: Archive;
}

/** The contact a delivery is about: found or created by email (filling gaps only); none without an email. */
async function ownerOf(deps: Deps, workspaceId: string, customer: ShopCustomer): Promise<OrderOwner> {
  const email = EmailAddress.safeParse(customer.email);
  if (!email.success) return {};
  const phone = PhoneNumber.safeParse(customer.phone);
  // a shop's customer name is kept as the API would take it, or left out: the order still counts
  const name = (value: string | undefined) => {
    const text = value?.trim().slice(0, 100);
    return text && isSingleLineText(text) ? text : undefined;
  };
  const { contact, created } = await upsertContactByEmail(deps, workspaceId, {
    email: email.data,
    ...(name(customer.firstName) ? { firstName: name(customer.firstName) } : {}),
    ...(name(customer.lastName) ? { lastName: name(customer.lastName) } : {}),
    ...(customer.phone && phone.success ? { phone: phone.data } : {}),
  });
  return {
    contactId: contact.id,
    email: email.data,
    newContact: created,
    ...(contact.companyId ? { companyId: contact.companyId } : {}),
  };
}

/**
 * Processes one accepted shop delivery (a webhook.received event). Events arrive at least once and an
 * admin may replay one: every step is idempotent, so running it again changes nothing. Primary course:
 * 1. load the archived body and read it with the platform's parser (the same intake used);
 * 2. find or create the contact by email (filling gaps only), and link the delivery to it (erasure);
 * 3. record what it means: an order (exactly once, with the purchase statistics, in one transaction that
 *    also marks the delivery processed), a checkout (with its abandonment time), or just the contact.
 * A failure is written on the inbox item (status, attempts, last error) and thrown again, so that Lambda
 * (or the local bus) retries and finally dead-letters the event; replaying it is safe.
 */
export async function processShopDelivery(deps: ProcessDeps, detail: WebhookReceivedDetail): Promise<void> {
  const { workspaceId } = detail;
  const source = ShopProvider.parse(detail.source);
  const ref = parseConnectionId(detail.connectionId);
  if (!ref || ref.workspaceId !== workspaceId)
    throw new Error(
      `webhook.received ${detail.eventId} names connection ${detail.connectionId} outside ${workspaceId}`,
    );
  const key: DeliveryKey = { source, targetKey: ref.key, deliveryId: detail.deliveryId };

  try {
    const archived = ArchivedDelivery.parse(JSON.parse(await deps.archive.get(detail.archiveKey)));
    const event = shopWebhookProviders[source].eventOf(detail.topic, bodyOf(archived));
    const owner = await ownerOf(deps, workspaceId, event.customer);
    if (owner.contactId)
      await linkDeliveryToContact(deps.store, workspaceId, owner.contactId, {
        key,
        inboxId: detail.inboxId,
        archiveKey: detail.archiveKey,
      });
    const context: ShopContext = {
      workspaceId,
      connectionId: detail.connectionId,
      connectionKey: ref.key,
      source,
    };
    switch (event.kind) {
      case 'order':
        await recordOrder(deps, context, event.order, owner, { key, inboxId: detail.inboxId });
        return;
      case 'checkout': {
        // a deleted connection still has its deliveries processed, with the default threshold
        const connection = await findShopConnection(deps.store, ref);
        await recordCheckout(
          deps,
          context,
          event.checkout,
          owner,
          connection?.abandonAfterHours ?? defaultAbandonAfterHours,
        );
        break;
      }
      case 'customer':
        break;
    }
    await markDeliveryProcessed(deps.store, workspaceId, key, detail.inboxId, deps.clock());
  } catch (error) {
    await markDeliveryFailed(deps.store, workspaceId, key, detail.inboxId, error).catch(() => undefined);
    throw error;
  }
}
