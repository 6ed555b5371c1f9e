import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveLifecycle, unmatchedLifecycle } from '../../infra/constructs/webhook-archive';
import { registry } from '../../shared/registry/capability-registry';
import { unmatchedArchive } from '../../shared/webhooks/archived-delivery';
import { type SynthesizedSeedCrm, synthSeedCrm, type TemplateResource } from './synth-seed-crm';

let crm: SynthesizedSeedCrm;
beforeAll(() => {
  crm = synthSeedCrm();
});

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const archiveBucket = () => crm.resourceOf(crm.data.archiveBucket).resource;

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
    const policies = Object.values(
      crm.dataTemplate.findResources('AWS::S3::BucketPolicy'),
    ) as TemplateResource[];
    const own = policies.find(
      (policy) =>
        JSON.stringify(policy.Properties.Bucket) ===
        JSON.stringify({
          Ref: crm.data.getLogicalId(crm.data.archiveBucket.node.defaultChild as CfnElement),
        }),
    );
    expect(JSON.stringify(own?.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });

  const rules = () =>
    (archiveBucket().Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;

  it('moves deliveries to Glacier after 90 days and forgets them after two years', () => {
    expect(rules()[0]).toEqual(
      expect.objectContaining({
        Status: 'Enabled',
        Prefix: 'webhooks/',
        Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: archiveLifecycle.glacierAfterDays }],
        ExpirationInDays: archiveLifecycle.expireAfterDays,
      }),
    );
  });

  it('forgets deliveries to unknown targets, every version, within 7 days', () => {
    expect(
      unmatchedLifecycle.expireAfterDays + unmatchedLifecycle.noncurrentExpireAfterDays,
    ).toBeLessThanOrEqual(unmatchedArchive.retentionDays);
    // the prefix intake writes them under, and the _unrouted/ folder of the layout before it
    expect(rules().slice(1)).toEqual(
      ['webhooks-unmatched/', 'webhooks/_unrouted/'].map((prefix) =>
        expect.objectContaining({
          Status: 'Enabled',
          Prefix: prefix,
          ExpirationInDays: 6,
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        }),
      ),
    );
    expect(rules()).toHaveLength(3);
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

describe('archive access declared by the capabilities', () => {
  const withArchive = registry.functions.filter((fn) => fn.access.archive !== undefined);

  it('is declared by the webhook intake APIs (write), the processors (read) and erasure (erase)', () => {
    expect(withArchive.map((fn) => `${fn.name}:${fn.access.archive}`).sort()).toEqual(
      [
        'ProcessShopWebhook:read',
        'ProcessFormSubmission:read',
        'ShopsApi:write',
        'FormsApi:write',
        'ContactsApi:erase',
      ].sort(),
    );
  });

  const objectActions = {
    write: ['s3:PutObject'],
    read: ['s3:GetObject'],
    erase: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
  };

  it('grants exactly its object actions under webhooks/ of the archive bucket (intake: PutObject under webhooks-unmatched/ too), and names it', () => {
    expect(crm.app.functions.filter((fn) => fn.spec.access.archive).length).toBe(withArchive.length);
    for (const fn of crm.app.functions) {
      const s3 = crm
        .statementsOf(fn)
        .filter((statement) => asArray(statement.Action).some((action) => action.startsWith('s3:')));
      const access = fn.spec.access.archive;
      const environment = crm.resourceOf(fn.function).resource.Properties.Environment as
        | { Variables?: Record<string, unknown> }
        | undefined;
      const variables = environment?.Variables ?? {};
      expect('ARCHIVE_BUCKET' in variables, fn.spec.name).toBe(access !== undefined);
      if (!access) {
        expect(s3, fn.spec.name).toEqual([]);
        continue;
      }
      const objects = s3.filter((statement) => JSON.stringify(statement.Resource).includes('/webhooks/*'));
      // intake alone may add deliveries to unknown targets, under their own prefix, and nothing else there
      const unmatched = s3.filter((statement) =>
        JSON.stringify(statement.Resource).includes('/webhooks-unmatched/*'),
      );
      expect(
        unmatched.map((statement) => statement.Action),
        fn.spec.name,
      ).toEqual(access === 'write' ? ['s3:PutObject'] : []);
      expect(objects, fn.spec.name).toHaveLength(1);
      expect(asArray(objects[0]?.Action as string | string[]).sort()).toEqual(objectActions[access]);
      // the bucket's ARN, exported by the data stack, then the prefix
      expect(JSON.stringify(objects[0]?.Resource)).toMatch(/WebhookArchiveBucket.*\/webhooks\/\*/);
      // erasing deletes every version, so it may list the versions under webhooks/, nothing else
      const others = s3.filter((statement) => !objects.includes(statement) && !unmatched.includes(statement));
      if (access !== 'erase') expect(others, fn.spec.name).toEqual([]);
      else {
        expect(others, fn.spec.name).toHaveLength(1);
        expect(others[0]?.Action).toBe('s3:ListBucketVersions');
        expect(others[0]?.Condition).toEqual({ StringLike: { 's3:prefix': ['webhooks/*'] } });
      }
    }
  });
});

describe('the shop webhook processor and the abandoned-cart job', () => {
  const ruleOf = (name: string): TemplateResource | undefined => {
    const fn = crm.functionNamed(name);
    const { stack, logicalId } = crm.resourceOf(fn.function);
    return crm
      .ofType('AWS::Events::Rule')
      .find(
        (rule) =>
          rule.stack === stack && JSON.stringify(rule.resource.Properties.Targets).includes(logicalId),
      )?.resource;
  };

  it('is triggered by webhook.received of the shop sources, with retries and a dead-letter queue', () => {
    const fn = crm.functionNamed('ProcessShopWebhook');
    expect(crm.templateOf(fn)).toBe(crm.capabilityTemplates.get('shops'));
    expect(ruleOf('ProcessShopWebhook')?.Properties.EventPattern).toEqual({
      source: ['crm'],
      'detail-type': ['webhook.received'],
      detail: { source: ['shopify', 'woocommerce', 'shop'] },
    });
    expect(fn.deadLetterQueue).toBeDefined();
    expect(crm.resourceOf(fn.function).resource.Properties).toMatchObject({
      DeadLetterConfig: expect.anything(),
    });
  });

  it('runs the abandoned-cart job every 15 minutes', () => {
    expect(crm.templateOf(crm.functionNamed('RaiseAbandonedCarts'))).toBe(
      crm.capabilityTemplates.get('orders'),
    );
    expect(ruleOf('RaiseAbandonedCarts')?.Properties.ScheduleExpression).toBe('rate(15 minutes)');
  });
});
