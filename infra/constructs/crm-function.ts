import { join } from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { defaultMailFrom } from '../../shared/email/mail-from';
import type { FunctionSpec } from '../../shared/platform/capability';
import { archivePrefix, unmatchedArchive } from '../../shared/webhooks/archived-delivery';
import { lambdaBundling } from '../lambda-bundling';
import { acknowledgeWildcards, streamListWildcard, type WildcardAllowance, xrayWildcard } from './nag';
import { repoRoot } from './repo-root';
import type { SesSendingSettings } from './ses-sending';

/** What a function gets when it does not say otherwise. */
export const functionDefaults = {
  timeoutSeconds: 10,
  memoryMb: 512,
  logRetention: RetentionDays.ONE_MONTH,
} as const;

export type TableAccess = NonNullable<FunctionSpec['access']['table']>;

export interface CrmFunctionProps {
  /** The function, as its capability declares it (shared/registry/capability-registry.ts). */
  spec: FunctionSpec;
  /** Where the function's alarms go: errors and throttles, its dead letters, a stream falling behind. */
  alarmTopic?: ITopic;
  /** The CRM table; required when `spec.access.table` is set or the trigger is the table's stream. */
  table?: ITable;
  /** The CRM event bus; required when `spec.access.eventBus` is set. */
  eventBus?: IEventBus;
  /** The webhook archive bucket; required when `spec.access.archive` is set. */
  archiveBucket?: IBucket;
  /** The API's public base URL (the distribution's); required when `spec.publicApiUrl` is set. */
  publicApiUrl?: string;
  /** The Cognito user pool; required when `spec.access.userPool` is set. */
  userPool?: IUserPool;
  /** The deployment's SES sending settings (domain, configuration set, rate), for `spec.access.ses`. */
  ses?: SesSendingSettings;
}

/** What `userPool: 'manage'` allows on the one pool: the team's invite, roles and deactivation. */
export const userPoolManageActions = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminUserGlobalSignOut',
] as const;

const outputFormats = { esm: OutputFormat.ESM, cjs: OutputFormat.CJS } as const;

/** SendEmail on `identity/*`, limited by a `ses:FromAddress` condition to the one sender (bindSes). */
const sesIdentityWildcard: WildcardAllowance = {
  reason:
    'ses:SendEmail from capability function access `ses: send`: SES authorises against the sender and, ' +
    'while the account is in the SES sandbox, the recipient identity, so the resource is identity/*; a ' +
    'StringEquals ses:FromAddress condition allows the one configured sender (MAIL_FROM) only, and a ' +
    "StringLike condition only addresses on the deployment's verified SES domain (context sesDomain).",
  covers: ({ actions, resources }) =>
    actions.every((action) => action === 'ses:SendEmail') &&
    resources.every((resource) => resource.endsWith(':identity/*')),
};

const archiveObjectActions = new Set([
  's3:PutObject',
  's3:GetObject',
  's3:DeleteObject',
  's3:DeleteObjectVersion',
]);

/**
 * The webhook archive grants object actions under `webhooks/` of the one bucket, and intake PutObject
 * under `webhooks-unmatched/` (deliveries to unknown targets), nothing else.
 */
const archiveObjectsWildcard: WildcardAllowance = {
  reason:
    'Webhook archive access of a capability function (`archive: write|read|erase`): s3:PutObject, ' +
    's3:GetObject, or (erasing a person) s3:DeleteObject and s3:DeleteObjectVersion, only on ' +
    '"<archive bucket arn>/webhooks/*", the prefix every delivery is archived under (one object per ' +
    'delivery, named when it arrives, so no narrower resource exists); and for intake s3:PutObject on ' +
    '"<archive bucket arn>/webhooks-unmatched/*", where deliveries to unknown targets are kept a week.',
  covers: ({ actions, resources }) =>
    actions.every((action) => archiveObjectActions.has(action)) &&
    resources.every(
      (resource) =>
        resource.endsWith('/webhooks/*') ||
        (resource.endsWith('/webhooks-unmatched/*') && actions.every((action) => action === 's3:PutObject')),
    ),
};

/** grantReadData / grantReadWriteData also grant `<table>/index/*`: the GSIs of that one table. */
const tableIndexWildcard: WildcardAllowance = {
  reason:
    'Table grants from capability function access (grantReadData / grantReadWriteData) include ' +
    '"<table arn>/index/*" so queries can use the GSIs of shared/store/table.ts; the wildcard stays ' +
    'inside the one CRM table and carries only the actions of the declared access mode.',
  covers: ({ actions, resources }) =>
    actions.every((action) => action.startsWith('dynamodb:')) &&
    resources.filter((resource) => resource.includes('*')).every((resource) => resource.endsWith('/index/*')),
};

/**
 * The one way to deploy a handler of functions/: Node.js 22 on arm64, the shared esbuild settings
 * (infra/lambda-bundling.ts), its own log group with retention, JSON logs, X-Ray, source maps, and a role
 * that starts empty and receives exactly the grants its capability's `access` asks for.
 */
export class CrmFunction extends Construct {
  readonly spec: FunctionSpec;
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  /** Where events and stream records go after their last failed attempt (not for HTTP functions). */
  deadLetterQueue?: Queue;

  constructor(scope: Construct, id: string, props: CrmFunctionProps) {
    super(scope, id);
    const { spec } = props;
    this.spec = spec;

    this.logGroup = new LogGroup(this, 'Logs', { retention: functionDefaults.logRetention });
    // An own role instead of the default one, which would carry the AWSLambdaBasicExecutionRole managed
    // policy (logs on every log group of the account); this one may write to its own log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Seed CRM function ${spec.name}`,
    });
    this.logGroup.grantWrite(this.role);

    // Asynchronous and stream invocations have nobody waiting for a failure: it must land somewhere.
    const kind = spec.trigger.kind;
    const deadLetterQueue = kind === 'api' ? undefined : this.createDeadLetterQueue();
    const asyncInvoked = kind === 'event' || kind === 'schedule';

    this.function = new NodejsFunction(this, 'Function', {
      // EventBridge invokes asynchronously: Lambda retries twice, then the event goes to the queue
      ...(asyncInvoked ? { deadLetterQueue, retryAttempts: 2, maxEventAge: Duration.hours(6) } : {}),
      description: spec.description,
      entry: join(repoRoot, 'functions', `${spec.handler}.ts`),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      timeout: Duration.seconds(spec.timeoutSeconds ?? functionDefaults.timeoutSeconds),
      memorySize: spec.memoryMb ?? functionDefaults.memoryMb,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      tracing: Tracing.ACTIVE,
      environment: { NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        target: lambdaBundling.target,
        format: outputFormats[lambdaBundling.format],
        minify: lambdaBundling.minify,
        sourceMap: lambdaBundling.sourcemap,
        // Stack traces need file and line only; leaving the sources out keeps the zip small.
        sourcesContent: false,
        mainFields: [...lambdaBundling.mainFields],
        banner: lambdaBundling.banner,
        externalModules: [...lambdaBundling.externalModules],
        forceDockerBundling: false,
      },
    });

    if (spec.access.table) this.bindTable(props.table, spec.access.table);
    if (spec.access.eventBus) this.bindEventBus(props.eventBus);
    if (spec.access.archive) this.bindArchive(props.archiveBucket, spec.access.archive);
    if (spec.access.ses) this.bindSes(spec.access.ses, props.ses);
    if (spec.access.userPool) this.bindUserPool(props.userPool, spec.access.userPool);
    if (spec.publicApiUrl) {
      if (!props.publicApiUrl) throw new Error(`${spec.name} hands out addresses but got no publicApiUrl`);
      this.function.addEnvironment('PUBLIC_API_URL', props.publicApiUrl);
    }
    this.configureInvocation(spec.trigger);
    if (props.alarmTopic) this.createAlarms(props.alarmTopic);

    acknowledgeWildcards(this, [
      xrayWildcard,
      tableIndexWildcard,
      archiveObjectsWildcard,
      sesIdentityWildcard,
      ...(spec.trigger.kind === 'stream' ? [streamListWildcard] : []),
    ]);
    const runtimeReason =
      'Pinned to nodejs22.x on purpose: the bundles target node22 (infra/lambda-bundling.ts) and the ' +
      'project is tested on that major; moving to a newer runtime is its own tested change.';
    Validations.of(this.function).acknowledge(
      { id: 'AwsSolutions-L1', reason: runtimeReason },
      { id: 'Serverless-LambdaLatestVersion', reason: runtimeReason },
    );
  }

  /** Least privilege from the capability: `read` cannot write, and only the CRM table is reachable. */
  private bindTable(table: ITable | undefined, access: TableAccess): void {
    if (!table) throw new Error(`${this.spec.name} declares table access '${access}' but got no table`);
    switch (access) {
      case 'read':
        table.grantReadData(this.function);
        break;
      case 'readWrite':
        table.grantReadWriteData(this.function);
        break;
      default: {
        const unknown: never = access;
        throw new Error(`${this.spec.name}: unknown table access ${String(unknown)}`);
      }
    }
    this.function.addEnvironment('TABLE_NAME', table.tableName);
  }

  /** The team's Admin* actions on the one user pool (no other pool, no user-pool configuration), USER_POOL_ID. */
  private bindUserPool(
    userPool: IUserPool | undefined,
    access: NonNullable<FunctionSpec['access']['userPool']>,
  ): void {
    if (!userPool) throw new Error(`${this.spec.name} declares user pool access but got no user pool`);
    if (access !== 'manage') throw new Error(`${this.spec.name}: unknown user pool access ${String(access)}`);
    userPool.grant(this.function, ...userPoolManageActions);
    this.function.addEnvironment('USER_POOL_ID', userPool.userPoolId);
  }

  /** Publish rights on the one CRM bus, and its name in EVENT_BUS_NAME. */
  private bindEventBus(bus: IEventBus | undefined): void {
    if (!bus) throw new Error(`${this.spec.name} declares event bus access but got no bus`);
    bus.grantPutEventsTo(this.function);
    this.function.addEnvironment('EVENT_BUS_NAME', bus.eventBusName);
  }

  /**
   * SESv2 SendEmail from the one sender address (context `mailFrom`, MAIL_FROM): the identity is a
   * wildcard because SES also authorises against the recipient's identity while the account is in the
   * sandbox, and the `ses:FromAddress` condition pins the sender instead.
   */
  private bindSes(
    access: NonNullable<FunctionSpec['access']['ses']>,
    ses: SesSendingSettings | undefined,
  ): void {
    if (access !== 'send' && access !== 'settings')
      throw new Error(`${this.spec.name}: unknown ses access ${String(access)}`);
    if (ses) {
      if (ses.domain) this.function.addEnvironment('SES_DOMAIN', ses.domain);
      this.function.addEnvironment('SES_CONFIGURATION_SET', ses.configurationSetName);
      this.function.addEnvironment('SES_MAX_SEND_RATE', String(ses.maxSendRate));
    }
    if (access === 'settings') return;
    const mailFrom = String(this.node.tryGetContext('mailFrom') ?? defaultMailFrom);
    const stack = Stack.of(this);
    const identities = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' });
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [identities],
        conditions: { StringEquals: { 'ses:FromAddress': mailFrom } },
      }),
    );
    this.function.addEnvironment('MAIL_FROM', mailFrom);
    if (!ses) return;
    // marketing mail: any address on the verified domain, and the configuration set it is sent with
    if (ses.domain)
      this.function.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [identities],
          conditions: { StringLike: { 'ses:FromAddress': `*@${ses.domain}` } },
        }),
      );
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: ses.configurationSetName,
          }),
        ],
      }),
    );
  }

  /**
   * `write`: PutObject (intake); `read`: GetObject (processing); `erase`: every version of an object
   * deleted (the bucket is versioned: erasing a person must not leave older versions), listing versions
   * only under webhooks/. Objects only under webhooks/ (and, for `write`, PutObject under
   * webhooks-unmatched/); ARCHIVE_BUCKET.
   */
  private bindArchive(
    bucket: IBucket | undefined,
    access: NonNullable<FunctionSpec['access']['archive']>,
  ): void {
    if (!bucket) throw new Error(`${this.spec.name} declares archive access '${access}' but got no bucket`);
    const actions = {
      write: ['s3:PutObject'],
      read: ['s3:GetObject'],
      erase: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
    }[access];
    if (!actions) throw new Error(`${this.spec.name}: unknown archive access ${String(access)}`);
    this.function.addToRolePolicy(
      new PolicyStatement({ actions, resources: [bucket.arnForObjects(`${archivePrefix}*`)] }),
    );
    // intake keeps deliveries to unknown targets apart, a week at most (lifecycle rule), never read back
    if (access === 'write') {
      this.function.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:PutObject'],
          resources: [bucket.arnForObjects(`${unmatchedArchive.prefix}*`)],
        }),
      );
    }
    if (access === 'erase') {
      this.function.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:ListBucketVersions'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': ['webhooks/*'] } },
        }),
      );
    }
    this.function.addEnvironment('ARCHIVE_BUCKET', bucket.bucketName);
  }

  /**
   * Someone must hear of a failure nobody waits for: any error or throttle of the function (one metric
   * math alarm, so an alarm costs one resource per function), any message in its dead-letter queue, and
   * a table stream it reads more than five minutes behind. All go to the one alarm topic.
   */
  private createAlarms(topic: ITopic): void {
    const action = new SnsAction(topic);
    const failures = new Alarm(this, 'FailuresAlarm', {
      alarmDescription: `${this.spec.name}: errors or throttles in the last 5 minutes`,
      metric: new MathExpression({
        expression: 'errors + throttles',
        usingMetrics: {
          errors: this.function.metricErrors({ statistic: 'Sum' }),
          throttles: this.function.metricThrottles({ statistic: 'Sum' }),
        },
        period: Duration.minutes(5),
        label: 'errors + throttles',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    failures.addAlarmAction(action);
    if (this.deadLetterQueue) {
      const deadLetters = new Alarm(this, 'DeadLettersAlarm', {
        alarmDescription: `${this.spec.name}: a message waits in its dead-letter queue`,
        metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          statistic: 'Maximum',
          period: Duration.minutes(5),
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      deadLetters.addAlarmAction(action);
    }
    if (this.spec.trigger.kind === 'stream') {
      const iteratorAge = new Alarm(this, 'IteratorAgeAlarm', {
        alarmDescription: `${this.spec.name}: the table stream is read more than 5 minutes late`,
        metric: this.function.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }),
        threshold: 5 * 60 * 1000,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      iteratorAge.addAlarmAction(action);
    }
  }

  private createDeadLetterQueue(): Queue {
    const queue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the function; nothing moves messages on from it.',
    });
    Validations.of(queue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This queue is itself the dead-letter queue of the function; it has no queue of its own to redrive to.',
    });
    this.deadLetterQueue = queue;
    return queue;
  }

  /** What each way of being invoked needs: a queue for failures only when nobody waits for the answer. */
  private configureInvocation(trigger: FunctionSpec['trigger']): void {
    switch (trigger.kind) {
      case 'api':
        Validations.of(this.function).acknowledge({
          id: 'Serverless-LambdaDLQ',
          reason:
            'Invoked synchronously by the HTTP API: a failure is answered to the caller as a 5xx and ' +
            'nothing is retried or queued, so a dead-letter queue (used only for asynchronous ' +
            'invocations) would never receive anything.',
        });
        return;
      case 'event':
      case 'schedule': {
        // the dead-letter queue and retries were set when the function was created
        const invokeConfig = this.function.node.tryFindChild('EventInvokeConfig');
        if (invokeConfig) {
          Validations.of(invokeConfig).acknowledge({
            id: 'Serverless-LambdaAsyncFailureDestination',
            reason:
              'Failed asynchronous invocations already land somewhere: after its retries the event goes to ' +
              "the function's SQS dead-letter queue (DeadLetterConfig), the same queue the rule's target uses.",
          });
        }
        return;
      }
      case 'stream':
        Validations.of(this.function).acknowledge({
          id: 'Serverless-LambdaDLQ',
          reason:
            'Invoked by a DynamoDB stream event source mapping, whose on-failure destination is the SQS ' +
            'dead-letter queue beside it; a function dead-letter config applies to asynchronous invokes only.',
        });
        return;
      default: {
        const unknown: never = trigger;
        throw new Error(`${this.spec.name}: no invocation set-up for trigger kind ${String(unknown)}`);
      }
    }
  }
}
