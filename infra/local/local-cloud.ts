import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { defaultTableName } from '../../shared/store/table';
import { startDynamoDbLocal } from './dynamodb-local';
import { ensureTable } from './ensure-table';
import { startLocalApi } from './http-server';
import { createLocalAuth } from './local-auth';
import { startSesLocal } from './ses-local';

export interface LocalCloudOptions {
  /** HTTP port of the API and web app; 0 picks a free one. */
  port?: number;
  /** Where DynamoDB Local and the local auth key keep their data; ignored when `inMemory`. */
  dataDir?: string;
  inMemory?: boolean;
  tableName?: string;
  quiet?: boolean;
  webDir?: string;
}

export interface LocalCloud {
  url: string;
  dynamoDbEndpoint: string;
  sesEndpoint: string;
  tableName: string;
  stop(): Promise<void>;
}

export const repoRoot = resolve(import.meta.dirname, '..', '..');

/**
 * The whole CRM on this machine: DynamoDB Local, the SES emulator, and the HTTP server that calls the
 * same handler modules the CDK stack deploys. The handlers find the services through the same
 * environment variables they read in AWS (plus the local `*_ENDPOINT` overrides).
 */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const log = options.quiet ? () => undefined : (line: string) => console.log(line);
  const dataDir = options.inMemory ? undefined : resolve(options.dataDir ?? join(repoRoot, '.crm-data'));
  if (dataDir) mkdirSync(join(dataDir, 'dynamodb'), { recursive: true });
  const tableName = options.tableName ?? defaultTableName;

  const dynamo = await startDynamoDbLocal({ dataDir: dataDir && join(dataDir, 'dynamodb') });
  const stops: Array<() => Promise<void>> = [dynamo.stop];
  try {
    const ses = await startSesLocal();
    stops.push(ses.stop);
    Object.assign(process.env, {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.endpoint,
      AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    });
    const admin = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const table = await ensureTable(admin, tableName);
    admin.destroy();
    log(
      `DynamoDB Local  ${dynamo.endpoint}  (table ${tableName} ${table}${dataDir ? `, data in ${dataDir}` : ', in memory'})`,
    );
    log(`SES emulator    ${ses.endpoint}  (mailbox viewer at /, JSON at /store)`);

    const auth = await createLocalAuth(dataDir);
    const api = await startLocalApi({
      port: options.port ?? 3000,
      auth,
      webDir: options.webDir ?? join(repoRoot, 'web', 'dist'),
      log,
    });
    stops.push(() => new Promise<void>((done) => api.server.close(() => done())));
    api.server.closeIdleConnections?.();
    return {
      url: api.url,
      dynamoDbEndpoint: dynamo.endpoint,
      sesEndpoint: ses.endpoint,
      tableName,
      stop: async () => {
        api.server.closeAllConnections?.();
        for (const stop of stops.reverse()) await stop();
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop();
    throw error;
  }
}
