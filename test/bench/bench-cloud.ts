import { Agent, request } from 'node:http';
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
  // node:http on a kept-alive connection, as the SDK reaches DynamoDB Local for the baseline: the client's
  // own cost (fetch adds ~0.4 ms a call) is not the API's, and both sides now pay the same HTTP stack.
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const api = (method: string, path: string, body?: unknown) =>
    new Promise<{ id: string } | undefined>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const sending = request(
        `${cloud.url}${path}`,
        {
          method,
          agent,
          headers:
            payload === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(payload) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((response.statusCode ?? 500) >= 300)
              return reject(new Error(`${method} ${path} ${response.statusCode} ${text}`));
            resolve(text ? (JSON.parse(text) as { id: string }) : undefined);
          });
        },
      );
      sending.on('error', reject);
      sending.end(payload);
    });
  return { sent, client, store, api };
}
