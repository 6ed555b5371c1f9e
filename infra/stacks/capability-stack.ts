import { Duration, NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type EventPattern, type IEventBus, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { type Capability, type FunctionSpec, pascalCaseOf } from '../../shared/platform/capability';
import { CrmFunction } from '../constructs/crm-function';
import type { CrmHttpApi } from '../constructs/crm-http-api';
import type { SesSendingSettings } from '../constructs/ses-sending';

/** The construct id of a capability's nested stack: `outbound-webhooks` → `OutboundWebhooksCapability`. */
export const capabilityStackId = (capability: string) => `${pascalCaseOf(capability)}Capability`;

export interface CapabilityStackProps extends NestedStackProps {
  capability: Capability;
  api: CrmHttpApi;
  table: ITable;
  eventBus: IEventBus;
  archiveBucket: IBucket;
  /** The Cognito user pool, for functions that manage its users (`access.userPool`). */
  userPool: IUserPool;
  alarmTopic: ITopic;
  /** The API's public base URL, for the functions that hand out addresses (PUBLIC_API_URL). */
  publicApiUrl: string;
  /** The deployment's SES sending settings, for the functions with `access.ses`. */
  ses?: SesSendingSettings;
  /** What CloudFront's origin header carries (a dynamic reference): API functions refuse requests without it. */
  originVerifyValue?: string;
}

/**
 * One capability's functions and their triggers, in a nested stack of its own: its API function behind
 * its routes (one integration, one permission, a resource per route), and its background functions with
 * their rules, schedules or stream mapping. A stack per capability keeps every stack far from
 * CloudFormation's 500 resources as the product grows (decision 080).
 */
export class CapabilityStack extends NestedStack {
  readonly functions: CrmFunction[] = [];

  constructor(scope: Construct, id: string, props: CapabilityStackProps) {
    super(scope, id, { ...props, description: `Seed CRM capability ${props.capability.name}` });
    for (const spec of props.capability.functions) {
      const fn = new CrmFunction(this, spec.name, {
        spec,
        table: props.table,
        eventBus: props.eventBus,
        archiveBucket: props.archiveBucket,
        userPool: props.userPool,
        alarmTopic: props.alarmTopic,
        publicApiUrl: props.publicApiUrl,
        ...(props.ses ? { ses: props.ses } : {}),
      });
      this.functions.push(fn);
      if (spec.trigger.kind === 'api' && props.originVerifyValue)
        fn.function.addEnvironment('ORIGIN_VERIFY_SECRET', props.originVerifyValue);
      this.wire(fn, spec, props);
    }
  }

  private wire(fn: CrmFunction, spec: FunctionSpec, props: CapabilityStackProps): void {
    const { trigger } = spec;
    switch (trigger.kind) {
      case 'api':
        props.api.addFunctionRoutes(fn, fn.function, trigger.routes);
        return;
      case 'event':
        new Rule(fn, 'Rule', {
          // AWS service events (SES) come on the account's default bus: a rule without a bus listens there
          ...(trigger.bus === 'default' ? {} : { eventBus: props.eventBus }),
          // the capability's pattern is plain EventBridge JSON; CDK types only the top-level fields
          eventPattern: trigger.pattern as EventPattern,
          // an event EventBridge cannot hand to Lambda at all goes to the function's dead-letter queue too
          targets: [new LambdaFunction(fn.function, { deadLetterQueue: fn.deadLetterQueue })],
        });
        return;
      case 'schedule':
        new Rule(fn, 'Schedule', {
          schedule: Schedule.expression(trigger.expression),
          targets: [new LambdaFunction(fn.function, { deadLetterQueue: fn.deadLetterQueue })],
        });
        return;
      case 'stream':
        fn.function.addEventSource(
          new DynamoEventSource(props.table, {
            startingPosition: StartingPosition.TRIM_HORIZON,
            batchSize: trigger.batchSize ?? 100,
            bisectBatchOnError: true,
            reportBatchItemFailures: true,
            retryAttempts: 10,
            maxRecordAge: Duration.days(1),
            filters: [FilterCriteria.filter(trigger.filter as Record<string, unknown>)],
            ...(fn.deadLetterQueue ? { onFailure: new SqsDlq(fn.deadLetterQueue) } : {}),
          }),
        );
        return;
      default: {
        const unknown: never = trigger;
        throw new Error(`${spec.name}: no wiring for trigger kind ${String(unknown)}`);
      }
    }
  }
}
