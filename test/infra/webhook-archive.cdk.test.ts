import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../functions/manifest';
import { archiveLifecycle } from '../../infra/constructs/webhook-archive';
import { type SynthesizedSeedCrm, synthSeedCrm } from './synth-seed-crm';

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

let crm: SynthesizedSeedCrm;
let appResources: Record<string, Resource>;
beforeAll(() => {
  crm = synthSeedCrm();
  appResources = crm.appTemplate.toJSON().Resources;
});

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const archiveBucket = () =>
  crm.dataTemplate.toJSON().Resources[
    crm.data.getLogicalId(crm.data.archiveBucket.node.defaultChild as CfnElement)
  ] as Resource;

function statementsOf(name: string): Statement[] {
  const fn = crm.app.functions.find((candidate) => candidate.spec.name === name);
  if (!fn) throw new Error(`no function ${name}`);
  const role = JSON.stringify({ Ref: crm.app.getLogicalId(fn.role.node.defaultChild as CfnElement) });
  return Object.values(appResources)
    .filter((resource) => resource.Type === 'AWS::IAM::Policy')
    .filter((policy) => (policy.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === role))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

describe('the webhook archive bucket', () => {
  it('is private, TLS only, encrypted, versioned and retained', () => {
    const bucket = archiveBucket();
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(bucket.DeletionPolicy).toBe('Retain');
    const policies = Object.values(crm.dataTemplate.findResources('AWS::S3::BucketPolicy')) as Resource[];
    const own = policies.find(
      (policy) =>
        JSON.stringify(policy.Properties.Bucket) ===
        JSON.stringify({
          Ref: crm.data.getLogicalId(crm.data.archiveBucket.node.defaultChild as CfnElement),
        }),
    );
    expect(JSON.stringify(own?.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });

  it('moves deliveries to Glacier after 90 days and forgets them after two years', () => {
    const rules = (archiveBucket().Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] })
      .Rules;
    expect(rules).toEqual([
      expect.objectContaining({
        Status: 'Enabled',
        Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: archiveLifecycle.glacierAfterDays }],
        ExpirationInDays: archiveLifecycle.expireAfterDays,
      }),
    ]);
  });

  it('logs its access to a log bucket of its own', () => {
    const logging = archiveBucket().Properties.LoggingConfiguration as { DestinationBucketName: unknown };
    expect(logging.DestinationBucketName).toEqual({
      Ref: crm.data.getLogicalId(
        crm.data.node.findChild('WebhookArchive').node.findChild('AccessLogs').node
          .defaultChild as CfnElement,
      ),
    });
  });
});

describe('archive access from the manifest', () => {
  const withArchive = functions.filter((fn) => 'archive' in fn.access);

  it('is declared by the webhook receivers (write) and the shop processor (read)', () => {
    expect(
      withArchive.map((fn) => `${fn.name}:${(fn.access as { archive: string }).archive}`).sort(),
    ).toEqual(
      expect.arrayContaining([
        'ProcessShopWebhook:read',
        'ReceiveShopWebhook:write',
        'ReceiveShopifyWebhook:write',
        'ReceiveWooCommerceWebhook:write',
      ]),
    );
  });

  it('grants exactly PutObject or GetObject under webhooks/ of the archive bucket, and names it', () => {
    for (const fn of crm.app.functions) {
      const s3 = statementsOf(fn.spec.name).filter((statement) =>
        asArray(statement.Action).some((action) => action.startsWith('s3:')),
      );
      const access = fn.spec.access.archive;
      const resource = appResources[crm.app.getLogicalId(fn.function.node.defaultChild as CfnElement)];
      const environment = resource?.Properties.Environment as
        | { Variables?: Record<string, unknown> }
        | undefined;
      const variables = environment?.Variables ?? {};
      expect('ARCHIVE_BUCKET' in variables, fn.spec.name).toBe(access !== undefined);
      if (!access) {
        expect(s3, fn.spec.name).toEqual([]);
        continue;
      }
      expect(s3, fn.spec.name).toHaveLength(1);
      expect(asArray(s3[0]?.Action as string | string[])).toEqual([
        access === 'write' ? 's3:PutObject' : 's3:GetObject',
      ]);
      expect(JSON.stringify(s3[0]?.Resource)).toMatch(/WebhookArchiveBucket.*\/webhooks\/\*/);
    }
  });
});

describe('the shop webhook processor and the abandoned-cart job', () => {
  it('is triggered by webhook.received of the shop sources, with retries and a dead-letter queue', () => {
    const fn = crm.app.functions.find((candidate) => candidate.spec.name === 'ProcessShopWebhook');
    const rules = Object.values(crm.appTemplate.findResources('AWS::Events::Rule')) as Resource[];
    const rule = rules.find((candidate) =>
      JSON.stringify(candidate.Properties.Targets).includes(
        crm.app.getLogicalId(fn?.function.node.defaultChild as CfnElement),
      ),
    );
    expect(rule?.Properties.EventPattern).toEqual({
      source: ['crm'],
      'detail-type': ['webhook.received'],
      detail: { source: ['shopify', 'woocommerce', 'shop'] },
    });
    expect(fn?.deadLetterQueue).toBeDefined();
    expect(
      appResources[crm.app.getLogicalId(fn?.function.node.defaultChild as CfnElement)]?.Properties,
    ).toMatchObject({
      DeadLetterConfig: expect.anything(),
    });
  });

  it('runs the abandoned-cart job every 15 minutes', () => {
    const fn = crm.app.functions.find((candidate) => candidate.spec.name === 'RaiseAbandonedCarts');
    const rules = Object.values(crm.appTemplate.findResources('AWS::Events::Rule')) as Resource[];
    const rule = rules.find((candidate) =>
      JSON.stringify(candidate.Properties.Targets).includes(
        crm.app.getLogicalId(fn?.function.node.defaultChild as CfnElement),
      ),
    );
    expect(rule?.Properties.ScheduleExpression).toBe('rate(15 minutes)');
  });
});
