import type { TestProject } from 'vitest/node';
import { startLocalCloud } from '../../infra/local/local-cloud';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    dynamoDbEndpoint: string;
    sesEndpoint: string;
    tableName: string;
  }
}

/**
 * Integration tests run against the real local services, started once per run: DynamoDB Local in memory
 * on a free port, the SES emulator, and the local API server calling the real handlers.
 */
export default async function setup(project: TestProject) {
  const cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, tableName: 'seed-crm-test' });
  project.provide('apiUrl', cloud.url);
  project.provide('dynamoDbEndpoint', cloud.dynamoDbEndpoint);
  project.provide('sesEndpoint', cloud.sesEndpoint);
  project.provide('tableName', cloud.tableName);
  return () => cloud.stop();
}
