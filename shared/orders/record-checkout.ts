import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../platform/deps';
import { UpdateCommand } from '../store/document-client';
import type { CheckoutData } from './order';
import { ordersKeys } from './orders-keys';
import type { OrderOwner, ShopContext } from './record-order';

const hourMs = 60 * 60 * 1000;

/** When a checkout last changed at `updatedAt` counts as abandoned. */
export function abandonAfterOf(updatedAt: string, abandonAfterHours: number): string {
  return new Date(new Date(updatedAt).getTime() + abandonAfterHours * hourMs).toISOString();
}

/**
 * Keeps the latest state of a shop's checkout, and its place in the due index (the scheduled job's
 * queue) at `updatedAt + abandonAfterHours`. One conditional UpdateItem: a checkout that was completed
 * (by its order, or the shop says so) or already declared abandoned, or a state older than the one
 * stored (deliveries arrive out of order), changes nothing. Returns whether it was written.
 */
export async function recordCheckout(
  { store, clock }: Deps,
  context: ShopContext,
  data: CheckoutData,
  owner: OrderOwner,
  abandonAfterHours: number,
): Promise<boolean> {
  const { workspaceId, connectionKey } = context;
  const abandonAfter = abandonAfterOf(data.updatedAt, abandonAfterHours);
  const fields: Record<string, unknown> = {
    entity: 'checkout',
    connectionId: context.connectionId,
    source: context.source,
    token: data.token,
    updatedAt: data.updatedAt,
    currency: data.currency,
    total: data.total,
    recoveryUrl: data.recoveryUrl,
    lineItems: data.lineItems,
    lineItemCount: data.lineItemCount,
    email: owner.email,
    contactId: owner.contactId,
    // filed under its contact, so that erasing the contact finds it
    ...(owner.contactId
      ? ordersKeys.contactCheckout(workspaceId, owner.contactId, data.updatedAt, connectionKey, data.token)
      : {}),
    abandonAfter,
    ...(data.completedAt
      ? { completedAt: data.completedAt }
      : ordersKeys.dueCheckout(workspaceId, connectionKey, data.token, abandonAfter)),
  };
  const present = Object.entries(fields).filter(([, value]) => value !== undefined);
  const names = Object.fromEntries(present.map(([name], at) => [`#f${at}`, name]));
  const values = Object.fromEntries(present.map(([, value], at) => [`:f${at}`, value]));
  try {
    await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: ordersKeys.checkout(workspaceId, connectionKey, data.token),
        UpdateExpression: `SET ${present.map((_, at) => `#f${at} = :f${at}`).join(', ')}, createdAt = if_not_exists(createdAt, :now)`,
        ConditionExpression:
          'attribute_not_exists(completedAt) AND attribute_not_exists(abandonedAt) AND ' +
          '(attribute_not_exists(#updatedAt) OR #updatedAt <= :updatedAt)',
        ExpressionAttributeNames: { ...names, '#updatedAt': 'updatedAt' },
        ExpressionAttributeValues: { ...values, ':updatedAt': data.updatedAt, ':now': clock().toISOString() },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
