import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { UserPool, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { crmTable } from '../../shared/store/table';
import { CrmUserPool } from '../constructs/crm-user-pool';
import { WebhookArchive } from '../constructs/webhook-archive';

export interface DataStackProps extends StackProps {
  /** Prefix of the Cognito hosted UI domain; unique per region across AWS. */
  authDomainPrefix: string;
}

/**
 * The stateful half: the table and the user pool. Both are retained on delete and protected from deletion,
 * so the stateless stack beside it can be destroyed and redeployed freely.
 */
export class DataStack extends Stack {
  readonly table: Table;
  readonly userPool: UserPool;
  readonly userPoolDomain: UserPoolDomain;
  /** Raw webhook deliveries, archived before anything else happens to them. */
  readonly archiveBucket: Bucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    // Every attribute of the layout comes from shared/store/table.ts, the runtime's own description.
    const key = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new Table(this, 'Table', {
      partitionKey: key(crmTable.partitionKey),
      sortKey: key(crmTable.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: crmTable.timeToLiveAttribute,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of Object.values(crmTable.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }

    const auth = new CrmUserPool(this, 'Auth', { domainPrefix: props.authDomainPrefix });
    this.userPool = auth.userPool;
    this.userPoolDomain = auth.domain;

    this.archiveBucket = new WebhookArchive(this, 'WebhookArchive').bucket;

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'WebhookArchiveBucket', { value: this.archiveBucket.bucketName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'HostedUiDomain', { value: this.userPoolDomain.baseUrl() });
  }
}
