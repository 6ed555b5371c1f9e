import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LocalCloud } from '../../infra/local/local-cloud';
import type { Role } from '../../shared/platform/roles';
import { documentClientOf, ScanCommand } from '../../shared/store/document-client';

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * For tests that start their own local cloud (to look at its bus): the API as a signed-in user, raw
 * posts as a shop would send them, the table, and a way to wait until everything written so far has
 * gone through the stream, the bus and its consumers.
 */
export function localCloudClient(cloud: LocalCloud) {
  const documents = documentClientOf(
    new DynamoDBClient({
      endpoint: cloud.dynamoDbEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );

  async function reply<T>(response: Response): Promise<Reply<T>> {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, headers: response.headers, body: body as T };
  }

  async function scan(pkPrefix?: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new ScanCommand({
          TableName: cloud.tableName,
          ...(pkPrefix
            ? {
                FilterExpression: 'begins_with(pk, :prefix)',
                ExpressionAttributeValues: { ':prefix': pkPrefix },
              }
            : {}),
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
  }

  return {
    documents,
    async apiAs(workspaceId: string, roles: Role[] = ['admin']) {
      const issued = await fetch(`${cloud.url}/api/local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspaceId, email: 'tester@example.com', roles }),
      });
      const { token } = (await issued.json()) as { token: string };
      return async <T = unknown>(
        method: string,
        path: string,
        body?: unknown,
        headers: Record<string, string> = {},
      ) =>
        reply<T>(
          await fetch(`${cloud.url}${path}`, {
            method,
            headers: {
              authorization: `Bearer ${token}`,
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              ...headers,
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          }),
        );
    },
    /** A delivery as a shop sends it: exact bytes, no token. */
    async post<T = unknown>(path: string, body: Buffer | string, headers: Record<string, string>) {
      return reply<T>(
        await fetch(`${cloud.url}${path}`, { method: 'POST', headers, body: body as BodyInit }),
      );
    },
    async itemsOf(workspaceId: string): Promise<Record<string, unknown>[]> {
      return scan(`WS#${workspaceId}#`);
    },
    /** Every item of the table, whatever its workspace (the erasure walk looks for a person everywhere). */
    allItems: () => scan(),
    /** Everything written so far went through the stream, the bus and every consumer (twice, for chains). */
    async drained(): Promise<void> {
      for (let round = 0; round < 3; round++) {
        for (const poller of cloud.streamPollers) await poller.drain();
        await cloud.eventBus.settled();
      }
    },
  };
}
