import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import type { Role } from '../../shared/platform/roles';
import { documentClientOf, ScanCommand } from '../../shared/store/document-client';

export interface ApiReply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A fresh workspace id per test, so tests never see each other's data. */
export function newWorkspaceId(prefix = 'ws'): string {
  return `${prefix}-${randomUUID().slice(0, 13)}`;
}

export async function tokenFor(workspaceId: string, roles: Role[] = ['admin'], email = 'tester@example.com') {
  const response = await fetch(`${inject('apiUrl')}/api/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspaceId, email, roles }),
  });
  if (response.status !== 200)
    throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Calls the local API as a signed-in user of one workspace (another email is another member). */
export async function apiAs(workspaceId: string, roles: Role[] = ['admin'], email?: string) {
  const token = await tokenFor(workspaceId, roles, email);
  async function call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiReply<T>> {
    const response = await fetch(`${inject('apiUrl')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  }
  // every authorised request keeps the caller's membership (decision 151): the first one creates it, so it
  // happens here, and a test's before/after comparison of its own first request is not about the membership
  const joined = await call('GET', '/api/settings/members');
  if (joined.status !== 200) throw new Error(`the caller could not join its workspace: ${joined.status}`);
  // the workspace it calls, for fixtures that seed what the API cannot create (team members)
  return Object.assign(call, { workspaceId });
}

export type Api = Awaited<ReturnType<typeof apiAs>>;

/**
 * A member item without its last activity: any request of the member may write it (at most once a minute),
 * the control requests of a test included, so before/after comparisons leave it out.
 */
function withoutActivity(item: Record<string, unknown>): Record<string, unknown> {
  if (item.entity !== 'member') return item;
  const { lastActiveAt: _, ...rest } = item;
  return rest;
}

/** Direct read access to the test table, to prove what a request did or did not write. */
export function testTable() {
  const client = documentClientOf(
    new DynamoDBClient({
      endpoint: inject('dynamoDbEndpoint'),
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const tableName = inject('tableName');
  return {
    client,
    tableName,
    /**
     * Every item of one workspace, sorted, for before/after comparisons. Leaves out the event consumers'
     * dedupe claims (decision 100): they are written asynchronously for events of earlier changes, by the
     * frame, never by the request under test; and members' last activity (withoutActivity).
     */
    async itemsOf(workspaceId: string): Promise<Record<string, unknown>[]> {
      const items: Record<string, unknown>[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: tableName,
            FilterExpression: 'begins_with(pk, :prefix)',
            ExpressionAttributeValues: { ':prefix': `WS#${workspaceId}#` },
            ExclusiveStartKey: startKey,
          }),
        );
        items.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return items
        .filter((item) => item.entity !== 'eventHandled')
        .map(withoutActivity)
        .sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
    },
    /**
     * The workspace's items without its members: what a request wrote besides the caller's own membership,
     * which every authorised request keeps (decision 151), refused ones included.
     */
    async itemsBesidesMembersOf(workspaceId: string): Promise<Record<string, unknown>[]> {
      return (await this.itemsOf(workspaceId)).filter((item) => item.entity !== 'member');
    },
  };
}
