import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ConflictError, NotFoundError } from '../platform/errors';
import { expectVersion } from '../records/version-check';
import { GetCommand, PutCommand } from '../store/document-client';
import { deleteExistingItem, queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { type ConnectionRef, newConnectionId, parseConnectionId } from './connection-id';
import {
  defaultAbandonAfterHours,
  type ShopConnection,
  type ShopConnectionInput,
  type ShopConnectionPatch,
  webhookPathOf,
} from './shop-connection';
import { shopsKeys } from './shops-keys';

/** After a secret changes, deliveries signed with the old one are still accepted this long. */
const secretGraceMs = 24 * 60 * 60 * 1000;

/** The stored connection: what the API shows plus the secret(s), which only admins and intake see. */
export interface StoredShopConnection extends Omit<ShopConnection, 'secret'> {
  secret: string;
  previousSecret?: string;
}

/** 32 random bytes, base64url: what generic and WooCommerce connections sign with unless given one. */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What a caller sees: the secrets only for admins, the previous secret never. */
export function presentConnection(stored: StoredShopConnection, withSecret: boolean): ShopConnection {
  const { secret, previousSecret: _previous, ...rest } = stored;
  return withSecret ? { ...rest, secret } : rest;
}

/** The secrets a delivery may be signed with now: the current one, and the previous during its grace. */
export function acceptedSecrets(stored: StoredShopConnection, now: Date): string[] {
  const previousValid =
    stored.previousSecret !== undefined &&
    stored.previousSecretValidUntil !== undefined &&
    now.toISOString() < stored.previousSecretValidUntil;
  return previousValid ? [stored.secret, stored.previousSecret as string] : [stored.secret];
}

/** In the settings partition, and in the sparse index scheduled jobs scan to find workspaces with shops. */
function connectionItem(workspaceId: string, ref: ConnectionRef, connection: StoredShopConnection) {
  return {
    ...shopsKeys.shopConnection(workspaceId, ref.key),
    ...shopsKeys.shopConnectionAcrossWorkspaces(workspaceId, ref.key),
    entity: 'shopConnection',
    ...connection,
  };
}

function fromItem(item: Record<string, unknown>): StoredShopConnection {
  const { pk: _pk, sk: _sk, gsi4pk: _gsi4pk, gsi4sk: _gsi4sk, entity: _entity, ...connection } = item;
  return connection as unknown as StoredShopConnection;
}

/** The connection a path names, in the caller's workspace only: anything else is not found. */
function refIn(workspaceId: string, connectionId: string): ConnectionRef {
  const ref = parseConnectionId(connectionId);
  if (!ref || ref.workspaceId !== workspaceId) throw new NotFoundError('shop.not_found');
  return ref;
}

export async function findShopConnection(
  store: Store,
  ref: ConnectionRef,
): Promise<StoredShopConnection | undefined> {
  const result = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: shopsKeys.shopConnection(ref.workspaceId, ref.key),
      ConsistentRead: true,
    }),
  );
  return result.Item ? fromItem(result.Item) : undefined;
}

export async function getShopConnection(
  store: Store,
  workspaceId: string,
  connectionId: string,
): Promise<StoredShopConnection> {
  const found = await findShopConnection(store, refIn(workspaceId, connectionId));
  if (!found) throw new NotFoundError('shop.not_found');
  return found;
}

/** All connections of a workspace: one Query on its settings partition (a handful of shops at most). */
export async function listShopConnections(
  store: Store,
  workspaceId: string,
): Promise<StoredShopConnection[]> {
  return (await queryAllWithPrefix(store, shopsKeys.shopConnectionsPrefix(workspaceId))).map(fromItem);
}

export async function createShopConnection(
  store: Store,
  workspaceId: string,
  input: ShopConnectionInput,
  now: Date,
): Promise<StoredShopConnection> {
  const id = newConnectionId(workspaceId, now);
  const ref = parseConnectionId(id) as ConnectionRef;
  const timestamp = now.toISOString();
  const connection: StoredShopConnection = {
    id,
    provider: input.provider,
    name: input.name,
    abandonAfterHours: input.abandonAfterHours ?? defaultAbandonAfterHours,
    webhookPath: webhookPathOf(input.provider, id),
    secret: input.secret ?? generateSecret(),
    secretUpdatedAt: timestamp,
    version: 1,
    createdAt: timestamp,
    updatedAt: timestamp,
  };
  await store.client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: connectionItem(workspaceId, ref, connection),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return connection;
}

/** The next state when the secret changes: the old one stays valid for a day, then is forgotten. */
function withNewSecret(current: StoredShopConnection, secret: string, now: Date): StoredShopConnection {
  if (secret === current.secret) return current;
  return {
    ...current,
    secret,
    previousSecret: current.secret,
    previousSecretValidUntil: new Date(now.getTime() + secretGraceMs).toISOString(),
    secretUpdatedAt: now.toISOString(),
  };
}

async function replaceConnection(
  store: Store,
  workspaceId: string,
  ref: ConnectionRef,
  next: StoredShopConnection,
  expectedVersion: number,
): Promise<void> {
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: connectionItem(workspaceId, ref, next),
        ...expectVersion(expectedVersion),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      if (!error.Item) throw new NotFoundError('shop.not_found');
      throw new ConflictError('shop.version_conflict');
    }
    throw error;
  }
}

export async function updateShopConnection(
  store: Store,
  workspaceId: string,
  connectionId: string,
  patch: ShopConnectionPatch,
  expectedVersion: number,
  now: Date,
): Promise<StoredShopConnection> {
  const ref = refIn(workspaceId, connectionId);
  const current = await getShopConnection(store, workspaceId, connectionId);
  if (current.version !== expectedVersion) throw new ConflictError('shop.version_conflict');
  const changed = patch.secret === undefined ? current : withNewSecret(current, patch.secret, now);
  const next: StoredShopConnection = {
    ...changed,
    name: patch.name ?? current.name,
    abandonAfterHours: patch.abandonAfterHours ?? current.abandonAfterHours,
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  await replaceConnection(store, workspaceId, ref, next, expectedVersion);
  return next;
}

/**
 * A new generated secret, the old one accepted for 24 hours. Shopify connections refuse: Shopify signs
 * with the app's secret, which the admin enters (PATCH `secret`) after rotating it at Shopify.
 */
export async function rotateShopConnectionSecret(
  store: Store,
  workspaceId: string,
  connectionId: string,
  now: Date,
): Promise<StoredShopConnection> {
  const ref = refIn(workspaceId, connectionId);
  for (let attempt = 1; ; attempt++) {
    const current = await getShopConnection(store, workspaceId, connectionId);
    if (current.provider === 'shopify') throw new ConflictError('shop.secret_from_shopify');
    const next = {
      ...withNewSecret(current, generateSecret(), now),
      version: current.version + 1,
      updatedAt: now.toISOString(),
    };
    try {
      await replaceConnection(store, workspaceId, ref, next, current.version);
      return next;
    } catch (error) {
      // someone else changed it meanwhile: rotate what is there now
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
}

export async function deleteShopConnection(store: Store, workspaceId: string, connectionId: string) {
  const ref = refIn(workspaceId, connectionId);
  await deleteExistingItem(store, shopsKeys.shopConnection(workspaceId, ref.key), 'shop.not_found');
}
