import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../platform/deps';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors';
import { isId, newId } from '../platform/ids';
import { GetCommand, PutCommand, UpdateCommand } from '../store/document-client';
import { deleteExistingItem, queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { outboundWebhooksKeys } from './outbound-webhooks-keys';
import { newWebhookSecret } from './webhook-signature';
import {
  maxSubscriptionsPerWorkspace,
  type WebhookSubscription,
  type WebhookSubscriptionInput,
  type WebhookSubscriptionPatch,
} from './webhook-subscription';
import { type WebhookUrlPolicy, webhookUrlProblem } from './webhook-url-policy';

/** After a rotation the previous secret still signs deliveries this long, so receivers can switch over. */
export const previousSecretValidityMs = 24 * 60 * 60 * 1000;

/** A subscription as stored: what the API shows, plus the secrets the sender signs with. */
export interface SubscriptionRecord extends WebhookSubscription {
  workspaceId: string;
  secret: string;
  previousSecret?: string;
}

type Item = Record<string, unknown>;

export function subscriptionRecordOf(item: Item): SubscriptionRecord {
  const { pk: _pk, sk: _sk, gsi4pk: _gsi4pk, gsi4sk: _gsi4sk, entity: _entity, ...record } = item;
  return record as unknown as SubscriptionRecord;
}

/** What a caller may see: the secret only when asked for (admins, create, rotate). */
export function publicSubscription(record: SubscriptionRecord, withSecret: boolean): WebhookSubscription {
  const { workspaceId: _workspaceId, previousSecret: _previous, secret, ...shown } = record;
  return withSecret ? { ...shown, secret } : shown;
}

/** The secrets deliveries are signed with now: the current one, and the previous one until it expires. */
export function signingSecrets(record: SubscriptionRecord, now: Date): string[] {
  const previousValid =
    record.previousSecret !== undefined &&
    record.previousSecretExpiresAt !== undefined &&
    Date.parse(record.previousSecretExpiresAt) > now.getTime();
  return previousValid ? [record.secret, record.previousSecret as string] : [record.secret];
}

function checkUrl(url: string, policy: WebhookUrlPolicy): void {
  const problem = webhookUrlProblem(url, policy);
  if (problem) throw new ValidationError({ url: problem });
}

/** Every subscription of a workspace, newest first: one Query (the partition holds at most 20). */
export async function listSubscriptionRecords(
  store: Store,
  workspaceId: string,
): Promise<SubscriptionRecord[]> {
  const items = await queryAllWithPrefix(
    store,
    outboundWebhooksKeys.webhookSubscriptionsPrefix(workspaceId),
    {
      newestFirst: true,
    },
  );
  return items.map(subscriptionRecordOf);
}

/** One GetItem; an id that cannot be a subscription's is simply not found. */
export async function getSubscriptionRecord(
  store: Store,
  workspaceId: string,
  id: string,
): Promise<SubscriptionRecord> {
  if (!isId(id)) throw new NotFoundError('subscription.not_found');
  const { Item } = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: outboundWebhooksKeys.webhookSubscription(workspaceId, id),
      ConsistentRead: true,
    }),
  );
  if (!Item) throw new NotFoundError('subscription.not_found');
  return subscriptionRecordOf(Item);
}

/**
 * Creates a subscription with a fresh secret (returned once here, then only to admins). The limit is
 * checked by counting first: two concurrent creates may pass it by one, which costs nothing.
 */
export async function createSubscription(
  { store, clock, urlPolicy }: Pick<Deps, 'store' | 'clock'> & { urlPolicy: WebhookUrlPolicy },
  workspaceId: string,
  input: WebhookSubscriptionInput,
): Promise<SubscriptionRecord> {
  checkUrl(input.url, urlPolicy);
  const existing = await listSubscriptionRecords(store, workspaceId);
  if (existing.length >= maxSubscriptionsPerWorkspace) throw new ConflictError('subscription.limit_reached');
  const now = clock();
  const id = newId(now.getTime());
  const record: SubscriptionRecord = {
    id,
    workspaceId,
    url: input.url,
    eventTypes: input.eventTypes,
    active: input.active,
    ...(input.description ? { description: input.description } : {}),
    secret: newWebhookSecret(),
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await store.client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...outboundWebhooksKeys.webhookSubscription(workspaceId, id),
        ...outboundWebhooksKeys.webhookSubscriptionAcrossWorkspaces(workspaceId, id),
        entity: 'webhookSubscription',
        ...record,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return record;
}

/** Runs a conditional update of an existing subscription at `expectedVersion` (any version when absent). */
async function updateRecord(
  store: Store,
  workspaceId: string,
  id: string,
  update: { sets: string[]; removes?: string[]; names: Item; values: Item },
  expectedVersion?: number,
): Promise<SubscriptionRecord> {
  if (!isId(id)) throw new NotFoundError('subscription.not_found');
  const condition =
    expectedVersion === undefined ? 'attribute_exists(pk)' : 'attribute_exists(pk) AND #version = :expected';
  try {
    const result = await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: outboundWebhooksKeys.webhookSubscription(workspaceId, id),
        UpdateExpression: `SET ${['#version = #version + :one', ...update.sets].join(', ')}${
          update.removes?.length ? ` REMOVE ${update.removes.join(', ')}` : ''
        }`,
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#version': 'version', ...update.names },
        ExpressionAttributeValues: {
          ':one': 1,
          ...(expectedVersion === undefined ? {} : { ':expected': expectedVersion }),
          ...update.values,
        },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return subscriptionRecordOf(result.Attributes ?? {});
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      if (!error.Item) throw new NotFoundError('subscription.not_found');
      throw new ConflictError('subscription.version_conflict');
    }
    throw error;
  }
}

export async function updateSubscription(
  { store, clock, urlPolicy }: Pick<Deps, 'store' | 'clock'> & { urlPolicy: WebhookUrlPolicy },
  workspaceId: string,
  id: string,
  patch: WebhookSubscriptionPatch,
  expectedVersion: number,
): Promise<SubscriptionRecord> {
  if (patch.url !== undefined) checkUrl(patch.url, urlPolicy);
  const names: Item = { '#updatedAt': 'updatedAt' };
  const values: Item = { ':updatedAt': clock().toISOString() };
  const sets = ['#updatedAt = :updatedAt'];
  const removes: string[] = [];
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    names[`#${name}`] = name;
    // a blank description is no description
    if (value === null || value === '') removes.push(`#${name}`);
    else {
      values[`:${name}`] = value;
      sets.push(`#${name} = :${name}`);
    }
  }
  return updateRecord(store, workspaceId, id, { sets, removes, names, values }, expectedVersion);
}

/** A new secret now; the previous one keeps signing (as a second signature) for 24 hours. */
export async function rotateSubscriptionSecret(
  { store, clock }: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  id: string,
): Promise<SubscriptionRecord> {
  const now = clock();
  return updateRecord(store, workspaceId, id, {
    // right-hand sides read the item as it was: the old secret becomes the previous one
    sets: [
      '#previousSecret = #secret',
      '#secret = :secret',
      '#previousSecretExpiresAt = :expiresAt',
      '#updatedAt = :updatedAt',
    ],
    names: {
      '#previousSecret': 'previousSecret',
      '#secret': 'secret',
      '#previousSecretExpiresAt': 'previousSecretExpiresAt',
      '#updatedAt': 'updatedAt',
    },
    values: {
      ':secret': newWebhookSecret(),
      ':expiresAt': new Date(now.getTime() + previousSecretValidityMs).toISOString(),
      ':updatedAt': now.toISOString(),
    },
  });
}

/** Deletes a subscription. Its pending deliveries are cancelled when they come due; its log expires. */
export async function deleteSubscription(store: Store, workspaceId: string, id: string): Promise<void> {
  if (!isId(id)) throw new NotFoundError('subscription.not_found');
  await deleteExistingItem(
    store,
    outboundWebhooksKeys.webhookSubscription(workspaceId, id),
    'subscription.not_found',
  );
}
