import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FunctionSpec, functions, type StreamTrigger } from '../../functions/manifest';
import { crmEventSource } from '../../shared/events/domain-event';
import { type SynthesizedSeedCrm, synthSeedCrm } from './synth-seed-crm';

let crm: SynthesizedSeedCrm;
beforeAll(() => {
  crm = synthSeedCrm();
});

const streamFunctions = (functions as readonly FunctionSpec[]).filter(
  (fn): fn is FunctionSpec & { trigger: StreamTrigger } => fn.trigger.kind === 'stream',
);

describe('domain events', () => {
  it('have one bus whose archive keeps the CRM events for replay', () => {
    crm.appTemplate.resourceCountIs('AWS::Events::EventBus', 1);
    crm.appTemplate.hasResourceProperties('AWS::Events::Archive', {
      EventPattern: { source: [crmEventSource] },
      RetentionDays: 30,
    });
  });

  it('are published by the stream functions with the manifest filter, partial batch retries and a dead-letter queue', () => {
    expect(streamFunctions.length).toBeGreaterThan(0);
    for (const spec of streamFunctions) {
      const fn = crm.app.functions.find((candidate) => candidate.spec.name === spec.name);
      expect(fn?.deadLetterQueue, spec.name).toBeDefined();
      crm.appTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: crm.app.getLogicalId(fn?.function.node.defaultChild as never) },
        EventSourceArn: Match.anyValue(),
        FilterCriteria: { Filters: [{ Pattern: JSON.stringify(spec.trigger.filter) }] },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        DestinationConfig: {
          OnFailure: {
            Destination: {
              'Fn::GetAtt': [crm.app.getLogicalId(fn?.deadLetterQueue?.node.defaultChild as never), 'Arn'],
            },
          },
        },
      });
    }
  });

  it('may be put on the bus only by functions whose manifest entry says so, and those learn its name', () => {
    for (const fn of crm.app.functions) {
      const variables = (crm.appTemplate.toJSON().Resources[
        crm.app.getLogicalId(fn.function.node.defaultChild as never)
      ].Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
      expect('EVENT_BUS_NAME' in variables, fn.spec.name).toBe(fn.spec.access.eventBus === 'publish');
    }
  });
});
