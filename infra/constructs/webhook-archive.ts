import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Bucket, ObjectOwnership, StorageClass } from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { accessLogBucket, privateBucketProps } from './private-bucket';

/** How long raw deliveries stay in S3 Standard, and how long they are kept at all (they hold personal data). */
export const archiveLifecycle = { glacierAfterDays: 90, expireAfterDays: 730 } as const;

/**
 * The raw webhook deliveries (docs/decisions/040-webhook-intake.md): private, TLS only, encrypted,
 * versioned (an archived delivery cannot be silently overwritten), in Glacier after 90 days and gone after
 * two years, with S3 access logs in a bucket of their own. Retained when the stack is deleted.
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
          transitions: [
            {
              storageClass: StorageClass.GLACIER,
              transitionAfter: Duration.days(archiveLifecycle.glacierAfterDays),
            },
          ],
          expiration: Duration.days(archiveLifecycle.expireAfterDays),
          noncurrentVersionExpiration: Duration.days(archiveLifecycle.glacierAfterDays),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
