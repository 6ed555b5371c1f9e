import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DocumentClient, documentClientOf } from '../store/document-client';

/**
 * The real AWS SDK clients. In AWS they use the function's role; in the local cloud the same code is
 * pointed at DynamoDB Local / the SES emulator by `*_ENDPOINT` variables, with throwaway credentials.
 */
function localOptions(endpoint: string | undefined) {
  return endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {};
}

export function region(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
}

// one client per endpoint and region in a process: a capability's route modules share its connections
const documentClients = new Map<string, DocumentClient>();

export function createDocumentClient(env: NodeJS.ProcessEnv = process.env): DocumentClient {
  const key = `${region(env)}|${env.DYNAMODB_ENDPOINT ?? ''}`;
  const known = documentClients.get(key);
  if (known) return known;
  const created = newDocumentClient(env);
  documentClients.set(key, created);
  return created;
}

function newDocumentClient(env: NodeJS.ProcessEnv): DocumentClient {
  return documentClientOf(
    new DynamoDBClient({ region: region(env), ...localOptions(env.DYNAMODB_ENDPOINT) }),
  );
}
