import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';

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

    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket of the webhook archive; logging it into itself would log its own log ' +
        'deliveries, and another bucket would only move the question.',
    });

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
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
