import { createDocumentClient } from '../platform/aws-clients';
import type { DocumentClient } from './document-client';
import { tableNameFromEnv } from './table';

/** The store port the domain operations receive: the real client in AWS, locally and in tests. */
export interface Store {
  client: DocumentClient;
  tableName: string;
}

export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): Store {
  return { client: createDocumentClient(env), tableName: tableNameFromEnv(env) };
}
