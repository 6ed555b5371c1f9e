import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { sendingConfigFromEnv } from '../../shared/email/sending-config';
import type { FunctionSpec, StreamTrigger } from '../../shared/platform/capability';
import { registry } from '../../shared/registry/capability-registry';
import { defaultTableName } from '../../shared/store/table';
import { startCognitoLocal } from './cognito-local';
import { startDynamoDbLocal } from './dynamodb-local';
import { type StreamPoller, startStreamPoller } from './dynamodb-stream-poller';
import { ensureTable } from './ensure-table';
import { matchesPattern } from './event-bus/event-pattern-matcher';
import { rulesFromFunctions } from './event-bus/event-rules';
import { type LocalEventBus, startLocalEventBus } from './event-bus/local-event-bus';
import { invokeFunction } from './function-runner';
import { startLocalApi } from './http-server';
import { createLocalAuth } from './local-auth';
import { LocalUsers } from './local-users';
import { startSesFront } from './ses-front';
import { startSesLocal } from './ses-local';
import { expireUnmatchedDeliveries } from './unmatched-expiry';

export interface LocalCloudOptions {
  /** HTTP port of the API and web app; 0 picks a free one. */
  port?: number;
  /** Where DynamoDB Local and the local auth key keep their data; ignored when `inMemory`. */
  dataDir?: string;
  inMemory?: boolean;
  tableName?: string;
  quiet?: boolean;
  webDir?: string;
  /**
   * The API's public base URL for the addresses it hands out (form snippets, confirmation links), when
   * it is reached some other way than this server's own address (a tunnel, say). Defaults to that address.
   */
  publicApiUrl?: string;
  /**
   * SES's send quota as the local SES front enforces it (TooManyRequestsException above it), and as the
   * senders read it (SES_MAX_SEND_RATE); unset: SES_MAX_SEND_RATE if set, else no limit locally.
   */
  sesMaxSendRate?: number;
}

/** The CRM's own bus locally (EVENT_BUS_NAME); AWS service events (SES) come on the `default` bus. */
export const localAppBusName = 'seed-crm';

export interface LocalCloud {
  url: string;
  dynamoDbEndpoint: string;
  /** The SES front (SES_ENDPOINT): the SESv2 API with tracking and events; its /store is the mailbox. */
  sesEndpoint: string;
  /** The emulator behind the front. */
  sesEmulatorEndpoint: string;
  eventBridgeEndpoint: string;
  tableName: string;
  eventBus: LocalEventBus;
  /** One poller per stream-triggered function of the registry. */
  streamPollers: StreamPoller[];
  stop(): Promise<void>;
}

const byName = (name: string): FunctionSpec => {
  const spec = registry.functions.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`${name} is not in the registry`);
  return spec;
};

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
    // the same rules the CDK stack deploys, from the same registry entries
    const rules = rulesFromFunctions(registry.functions, { appBus: localAppBusName });
    const archiveDir = dataDir
      ? join(dataDir, 'webhook-archive')
      : mkdtempSync(join(tmpdir(), 'seed-crm-webhook-archive-'));
    // the bucket's lifecycle rule for deliveries to unknown targets: at start, then hourly
    const expireUnmatched = () =>
      expireUnmatchedDeliveries(archiveDir, new Date()).catch((error: unknown) =>
        console.error('expiring unmatched webhook deliveries failed', error),
      );
    await expireUnmatched();
    const expiry = setInterval(expireUnmatched, 60 * 60 * 1000).unref();
    stops.push(async () => clearInterval(expiry));
    const eventBus = await startLocalEventBus({
      rules,
      log,
      invoke: (functionName, event) => invokeFunction(byName(functionName), event),
    });
    stops.push(eventBus.stop);
    const configuredRate = Number(process.env.SES_MAX_SEND_RATE);
    const sesMaxSendRate =
      options.sesMaxSendRate ??
      (Number.isFinite(configuredRate) && configuredRate > 0 ? configuredRate : undefined);
    if (options.sesMaxSendRate) process.env.SES_MAX_SEND_RATE = String(options.sesMaxSendRate);
    const sesFront = await startSesFront({
      emulatorEndpoint: ses.endpoint,
      publish: (event) => eventBus.publishServiceEvent(event),
      configurationSet: sendingConfigFromEnv().configurationSet,
      ...(sesMaxSendRate ? { maxSendRate: sesMaxSendRate } : {}),
    });
    stops.push(sesFront.stop);
    Object.assign(process.env, {
      EVENT_BUS_NAME: localAppBusName,
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: sesFront.endpoint,
      EVENTBRIDGE_ENDPOINT: eventBus.endpoint,
      AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
      // raw webhook deliveries: the S3 bucket's stand-in (a throwaway folder when in memory)
      ARCHIVE_DIR: archiveDir,
      ALLOW_INSECURE_WEBHOOK_URLS: 'true', // outbound webhooks may go to http://127.0.0.1 (local only)
    });
    // the user pool: the team functions administer it through the Cognito SDK, the local sign-in reads it
    const users = new LocalUsers(dataDir && join(dataDir, 'local-users.json'));
    const cognito = await startCognitoLocal(users);
    stops.push(cognito.stop);
    Object.assign(process.env, { COGNITO_ENDPOINT: cognito.endpoint, USER_POOL_ID: 'local' });
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
    log(
      `SES             ${sesFront.endpoint}  (SES front: tracking and events; mailbox viewer at /, JSON at /store)`,
    );
    log(
      `Cognito         ${cognito.endpoint}  (the user pool's Admin* API, users shared with the local sign-in)`,
    );
    log(`EventBridge     ${eventBus.endpoint}  (${rules.length} rules from the registry)`);

    // Lambda's event source mappings on the table's stream, with the registry's filters
    const streamPollers: StreamPoller[] = [];
    for (const spec of registry.functions) {
      if (spec.trigger.kind !== 'stream') continue;
      const trigger: StreamTrigger = spec.trigger;
      const poller = await startStreamPoller({
        endpoint: dynamo.endpoint,
        tableName,
        batchSize: trigger.batchSize,
        log,
        handler: async (event) => {
          const Records = event.Records.filter((record) => matchesPattern(trigger.filter, record));
          if (Records.length === 0) return { batchItemFailures: [] };
          return (await invokeFunction(spec, { Records })) as DynamoDBBatchResponse;
        },
      });
      streamPollers.push(poller);
      stops.push(poller.stop);
    }

    const auth = await createLocalAuth(dataDir);
    const api = await startLocalApi({
      port: options.port ?? 3000,
      auth,
      users,
      webDir: options.webDir ?? join(repoRoot, 'web', 'dist'),
      log,
    });
    stops.push(() => new Promise<void>((done) => api.server.close(() => done())));
    // links in mail and snippets come from configuration, as in AWS: here, the server's own address
    process.env.PUBLIC_API_URL = options.publicApiUrl ?? api.url;
    api.server.closeIdleConnections?.();
    return {
      url: api.url,
      dynamoDbEndpoint: dynamo.endpoint,
      sesEndpoint: sesFront.endpoint,
      sesEmulatorEndpoint: ses.endpoint,
      eventBridgeEndpoint: eventBus.endpoint,
      tableName,
      eventBus,
      streamPollers,
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
