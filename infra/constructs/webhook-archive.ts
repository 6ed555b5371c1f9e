import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Bucket, ObjectOwnership, StorageClass } from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { archivePrefix, unmatchedArchive } from '../../shared/webhooks/archived-delivery';
import { accessLogBucket, privateBucketProps } from './private-bucket';

/** How long raw deliveries stay in S3 Standard, and how long they are kept at all (they hold personal data). */
export const archiveLifecycle = { glacierAfterDays: 90, expireAfterDays: 730 } as const;

/**
 * Deliveries to unknown targets (webhooks-unmatched/) and those of the layout before it (webhooks/_unrouted/):
 * expired after 6 days and their noncurrent version a day later, so that nothing of them is older than
 * `unmatchedArchive.retentionDays` (7) but for S3's own lag in running lifecycle rules.
 */
export const unmatchedLifecycle = {
  prefixes: [unmatchedArchive.prefix, unmatchedArchive.legacyPrefix],
  expireAfterDays: unmatchedArchive.retentionDays - 1,
  noncurrentExpireAfterDays: 1,
} as const;

/**
 * The raw webhook deliveries (docs/decisions/040-webhook-intake.md): private, TLS only, encrypted,
 * versioned (an archived delivery cannot be silently overwritten), in Glacier after 90 days and gone after
 * two years; those to unknown targets gone within a week; S3 access logs in a bucket of their own.
 * Retained when the stack is deleted.
 */
export class WebhookArchive extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // access logs delivered under a bucket policy scoped to the log bucket, not the legacy ACL
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);

    this.logBucket = accessLogBucket(this, {
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      logsOf: 'the webhook archive',
    });

    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucketProps,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'webhook-archive/',
      lifecycleRules: [
        {
          id: 'Deliveries',
          prefix: archivePrefix,
          transitions: [
            {
              storageClass: StorageClass.GLACIER,
              transitionAfter: Duration.days(archiveLifecycle.glacierAfterDays),
            },
          ],
          expiration: Duration.days(archiveLifecycle.expireAfterDays),
          noncurrentVersionExpiration: Duration.days(archiveLifecycle.glacierAfterDays),
        },
        // overlapping webhooks/ above for the old _unrouted/ folder: S3 honours the shorter expiration
        ...unmatchedLifecycle.prefixes.map((prefix, index) => ({
          id: `Unmatched${index}`,
          prefix,
          expiration: Duration.days(unmatchedLifecycle.expireAfterDays),
          noncurrentVersionExpiration: Duration.days(unmatchedLifecycle.noncurrentExpireAfterDays),
        })),
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
