import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CrmFunction } from '../../infra/constructs/crm-function';
import { crmEventSource } from '../../shared/events/domain-event';
import type { BackgroundFunctionSpec, StreamTrigger } from '../../shared/platform/capability';
import { registry } from '../../shared/registry/capability-registry';
import { type FoundResource, type SynthesizedSeedCrm, synthSeedCrm } from './synth-seed-crm';

let crm: SynthesizedSeedCrm;
beforeAll(() => {
  crm = synthSeedCrm();
});

const streamFunctions = registry.backgroundFunctions.filter(
  (fn): fn is BackgroundFunctionSpec & { trigger: StreamTrigger } => fn.trigger.kind === 'stream',
);
/** The logical id of a function's dead-letter queue, in the function's stack. */
const deadLetterQueueId = (fn: CrmFunction): string => {
  if (!fn.deadLetterQueue) throw new Error(`${fn.spec.name} has no dead-letter queue`);
  return crm.resourceOf(fn.deadLetterQueue).logicalId;
};
const ruleFunctions = registry.backgroundFunctions.filter(
  (fn) => fn.trigger.kind === 'event' || fn.trigger.kind === 'schedule',
);

describe('domain events', () => {
  it('have one bus whose archive keeps the CRM events for replay', () => {
    expect(crm.ofType('AWS::Events::EventBus').map(({ stack }) => stack)).toEqual([crm.app]);
    crm.appTemplate.hasResourceProperties('AWS::Events::Archive', {
      EventPattern: { source: [crmEventSource] },
      RetentionDays: 30,
    });
  });

  it('are published by the stream functions with the declared filter, partial batch retries and a dead-letter queue', () => {
    expect(streamFunctions.map((fn) => fn.name)).toEqual(['PublishOutboxEvents']);
    for (const spec of streamFunctions) {
      const fn = crm.functionNamed(spec.name);
      expect(fn.deadLetterQueue, spec.name).toBeDefined();
      const mappings = crm
        .ofType('AWS::Lambda::EventSourceMapping')
        .filter(({ resource }) =>
          JSON.stringify(resource.Properties.FunctionName).includes(crm.resourceOf(fn.function).logicalId),
        );
      expect(mappings, spec.name).toHaveLength(1);
      expect(mappings[0]?.stack, spec.name).toBe(crm.resourceOf(fn.function).stack);
      crm.templateOf(fn).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: crm.resourceOf(fn.function).logicalId },
        // the table's stream, exported by the data stack
        EventSourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('StreamArn') },
        FilterCriteria: { Filters: [{ Pattern: JSON.stringify(spec.trigger.filter) }] },
        BatchSize: spec.trigger.batchSize ?? 100,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        DestinationConfig: {
          OnFailure: {
            Destination: {
              'Fn::GetAtt': [deadLetterQueueId(fn), 'Arn'],
            },
          },
        },
      });
    }
  });

  it('trigger each event and schedule function by one rule of its own stack, with its pattern and a dead-letter queue', () => {
    const bus = { Ref: crm.resourceOf(crm.app.eventBus).logicalId };
    expect(ruleFunctions.length).toBeGreaterThan(0);
    for (const spec of ruleFunctions) {
      const fn = crm.functionNamed(spec.name);
      const { stack, logicalId } = crm.resourceOf(fn.function);
      const rules = crm
        .ofType('AWS::Events::Rule')
        .filter(({ resource }) => JSON.stringify(resource.Properties.Targets).includes(logicalId));
      expect(
        rules.map((rule) => rule.stack),
        spec.name,
      ).toEqual([stack]);
      const { Properties } = (rules[0] as FoundResource).resource;
      expect(Properties.Targets, spec.name).toEqual([
        expect.objectContaining({
          Arn: { 'Fn::GetAtt': [logicalId, 'Arn'] },
          DeadLetterConfig: {
            Arn: { 'Fn::GetAtt': [deadLetterQueueId(fn), 'Arn'] },
          },
        }),
      ]);
      if (spec.trigger.kind === 'event') {
        expect(Properties.EventPattern, spec.name).toEqual(spec.trigger.pattern);
        // AWS service events (SES) arrive on the account's default bus: those rules name no bus
        if (spec.trigger.bus === 'default') expect(Properties.EventBusName, spec.name).toBeUndefined();
        else expect(crm.resolveIn(stack, Properties.EventBusName), spec.name).toEqual(bus);
      } else if (spec.trigger.kind === 'schedule') {
        expect(Properties.ScheduleExpression, spec.name).toBe(spec.trigger.expression);
        // schedules run on the default bus
        expect(Properties.EventBusName, spec.name).toBeUndefined();
      }
      // EventBridge invokes asynchronously: two retries within six hours, then the dead-letter queue
      expect(crm.resourceOf(fn.function).resource.Properties.DeadLetterConfig, spec.name).toEqual({
        TargetArn: { 'Fn::GetAtt': [deadLetterQueueId(fn), 'Arn'] },
      });
      crm.templateOf(fn).hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalId },
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 6 * 60 * 60,
      });
    }
  });

  it('may be put on the bus only by functions whose capability says so, and those learn its name', () => {
    for (const fn of crm.app.functions) {
      const properties = crm.resourceOf(fn.function).resource.Properties as {
        Environment?: { Variables?: Record<string, unknown> };
      };
      const variables = properties.Environment?.Variables ?? {};
      expect('EVENT_BUS_NAME' in variables, fn.spec.name).toBe(fn.spec.access.eventBus === 'publish');
    }
  });
});
