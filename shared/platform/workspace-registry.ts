import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '../store/document-client';
import { queryPagesAfter, scanAcrossWorkspaces } from '../store/queries';
import type { Store } from '../store/store';
import type { AuthContext } from './auth';
import { recordMemberActivity } from './member-activity';
import { platformKeys, workspaceRegistration } from './platform-keys';

/**
 * The list of workspaces that scheduled jobs walk: one item per workspace in one partition (`WORKSPACES`),
 * written the first time a workspace is used, listed with a Query in workspace id order (decision 100).
 */
export interface WorkspaceRegistry {
  /** Registers a workspace unless it is (idempotent). */
  register(workspaceId: string): Promise<void>;
  /** Every registered workspace whose id sorts after `after`, in id order, a page at a time. */
  list(options?: { after?: string }): AsyncIterable<string>;
}

// per process: `${table}|${workspace}` → its registration (in flight or done), so a warm Lambda writes once
const registered = new Map<string, Promise<void>>();

async function putRegistration(store: Store, workspaceId: string, now: Date): Promise<void> {
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          ...workspaceRegistration(workspaceId),
          entity: 'workspace',
          workspaceId,
          registeredAt: now.toISOString(),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/**
 * Puts the workspace's registry item once (a conditional put, so the first registration time stays) and
 * remembers in this process that it did: later calls cost nothing. A failed put is forgotten, so the next
 * call tries again.
 */
export function registerWorkspace(store: Store, workspaceId: string, now: Date = new Date()): Promise<void> {
  const memo = `${store.tableName}|${workspaceId}`;
  let registration = registered.get(memo);
  if (!registration) {
    registration = putRegistration(store, workspaceId, now);
    registered.set(memo, registration);
    registration.catch(() => registered.delete(memo));
  }
  return registration;
}

export async function* listWorkspaces(
  store: Store,
  options: { after?: string } = {},
): AsyncGenerator<string> {
  const prefix = platformKeys.workspaceRegistryPrefix();
  const after =
    options.after === undefined ? undefined : platformKeys.workspaceRegistration(options.after).sk;
  for await (const page of queryPagesAfter(store, { ...prefix, after })) {
    for (const item of page) yield String(item.workspaceId);
  }
}

export function dynamoWorkspaceRegistry(store: Store): WorkspaceRegistry {
  return {
    register: (workspaceId) => registerWorkspace(store, workspaceId),
    list: (options) => listWorkspaces(store, options),
  };
}

/**
 * One-off backfill for workspaces that existed before the registry: the workspaces the scheduled jobs serve
 * are those with shop connections or webhook subscriptions, exactly the items of the sparse acrossWorkspaces
 * index, so a Scan of that small index registers them all. Run once after deploying (docs/data-model.md).
 */
export async function backfillWorkspaceRegistry(store: Store, now: Date = new Date()): Promise<string[]> {
  const workspaces = new Set<string>();
  // a connection's id is `<workspaceId>.<ulid>`; a subscription stores its workspace
  for (const item of await scanAcrossWorkspaces(store, 'shopConnection')) {
    const id = String(item.id ?? '');
    workspaces.add(id.slice(0, id.indexOf('.')));
  }
  for (const item of await scanAcrossWorkspaces(store, 'webhookSubscription')) {
    workspaces.add(String(item.workspaceId ?? ''));
  }
  workspaces.delete('');
  for (const workspaceId of workspaces) await registerWorkspace(store, workspaceId, now);
  return [...workspaces];
}

/**
 * The HTTP stack's hook (`apiRouter`): registers each workspace that calls the API, once per process, and
 * keeps the caller's member item (last activity, at most once a minute; a deactivated member is refused).
 */
export const registerWorkspacesIn =
  (store: Store) =>
  async (workspaceId: string, auth?: AuthContext): Promise<void> => {
    await Promise.all([registerWorkspace(store, workspaceId), auth && recordMemberActivity(store, auth)]);
  };
