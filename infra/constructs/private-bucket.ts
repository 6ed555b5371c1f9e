import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, type ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** Every bucket of the CRM: never public, encrypted at rest, reachable over TLS only. */
export const privateBucketProps = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  encryption: BucketEncryption.S3_MANAGED,
  enforceSSL: true,
} as const;

/**
 * The bucket that receives the access logs of `logsOf` (kept 90 days, retained when the stack goes). It has
 * no access log of its own, which cdk-nag's S1 asks for: acknowledged here, with the reason.
 */
export function accessLogBucket(
  scope: Construct,
  { objectOwnership, logsOf }: { objectOwnership: ObjectOwnership; logsOf: string },
): Bucket {
  const bucket = new Bucket(scope, 'AccessLogs', {
    ...privateBucketProps,
    objectOwnership,
    lifecycleRules: [{ expiration: Duration.days(90) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason:
      `This is the access-log bucket of ${logsOf}; logging it into itself would log its own log ` +
      'deliveries, and another bucket would only move the question.',
  });
  return bucket;
}
