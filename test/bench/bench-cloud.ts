import type { startLocalCloud } from '../../infra/local/local-cloud';
import { countingStore } from '../support/counting-store';

type LocalCloud = Awaited<ReturnType<typeof startLocalCloud>>;

/**
 * What a latency section needs of its local cloud: a store on its DynamoDB Local that notes the name of
 * every command it sends (`sent`: empty it, run an operation, read what it sent), and the API as an admin
 * of the `bench` workspace.
 */
export async function benchCloud(cloud: LocalCloud) {
  const { store, sent } = countingStore(cloud.dynamoDbEndpoint, cloud.tableName);
  const { client } = store;
  const { token } = (await (
    await fetch(`${cloud.url}/api/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceId: 'bench', email: 'bench@example.com', roles: ['admin'] }),
    })
  ).json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${cloud.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (r) => {
      const text = await r.text();
      if (r.status >= 300) throw new Error(`${method} ${path} ${r.status} ${text}`);
      return text ? (JSON.parse(text) as { id: string }) : undefined;
    });
  return { sent, client, store, api };
}
