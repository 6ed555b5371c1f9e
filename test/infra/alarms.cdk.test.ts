import { beforeAll, describe, expect, it } from 'vitest';
import type { CrmFunction } from '../../infra/constructs/crm-function';
import { registry } from '../../shared/registry/capability-registry';
import { type FoundResource, type SynthesizedSeedCrm, synthSeedCrm } from './synth-seed-crm';

let crm: SynthesizedSeedCrm;
beforeAll(() => {
  crm = synthSeedCrm();
});

interface MetricStat {
  Id: string;
  Expression?: string;
  MetricStat?: { Metric: { MetricName: string; Dimensions: { Name: string; Value: unknown }[] } };
}

/** The statements of the alarm topic's one policy. */
const topicPolicy = (): { topics: unknown; statements: Record<string, unknown>[] } => {
  const policies = crm.ofType('AWS::SNS::TopicPolicy');
  expect(policies).toHaveLength(1);
  const { Properties } = (policies[0] as FoundResource).resource;
  const document = Properties.PolicyDocument as { Statement: Record<string, unknown>[] };
  return { topics: Properties.Topics, statements: document.Statement };
};
const topic = () => ({ Ref: crm.resourceOf(crm.app.alarms.topic).logicalId });
const alarmsOf = (fn: CrmFunction): FoundResource[] => {
  const { stack } = crm.resourceOf(fn.function);
  return crm.ofType('AWS::CloudWatch::Alarm').filter((alarm) => alarm.stack === stack);
};
/** The alarm of a function on one metric: a plain metric alarm or a metric-math one using it. */
const alarmsOn = (fn: CrmFunction, metricName: string): FoundResource[] => {
  const functionRef = JSON.stringify({ Ref: crm.resourceOf(fn.function).logicalId });
  return alarmsOf(fn).filter(({ resource }) => {
    const { Properties } = resource;
    const metrics = (Properties.Metrics as MetricStat[] | undefined) ?? [];
    const dimensions = [
      ...((Properties.Dimensions as { Value: unknown }[] | undefined) ?? []),
      ...metrics.flatMap((metric) => metric.MetricStat?.Metric.Dimensions ?? []),
    ];
    const names = [Properties.MetricName, ...metrics.map((metric) => metric.MetricStat?.Metric.MetricName)];
    return names.includes(metricName) && dimensions.some((d) => JSON.stringify(d.Value) === functionRef);
  });
};

describe('alarms', () => {
  it('watch errors and throttles of every function together, in one metric-math alarm', () => {
    expect(crm.app.functions).toHaveLength(registry.functions.length);
    for (const fn of crm.app.functions) {
      const alarms = alarmsOn(fn, 'Errors');
      expect(alarms, fn.spec.name).toHaveLength(1);
      expect(alarmsOn(fn, 'Throttles'), fn.spec.name).toEqual(alarms);
      const { Properties } = (alarms[0] as FoundResource).resource;
      const metrics = Properties.Metrics as MetricStat[];
      expect(metrics.find((metric) => metric.Expression)?.Expression, fn.spec.name).toBe(
        'errors + throttles',
      );
      expect(Properties, fn.spec.name).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    }
  });

  it('watch every dead-letter queue for a message waiting', () => {
    const queues = crm.ofType('AWS::SQS::Queue');
    expect(queues).toHaveLength(crm.app.functions.filter((fn) => fn.deadLetterQueue).length);
    expect(queues.length).toBe(registry.backgroundFunctions.length);
    for (const queue of queues) {
      const queueName = JSON.stringify({ 'Fn::GetAtt': [queue.logicalId, 'QueueName'] });
      const alarms = crm
        .ofType('AWS::CloudWatch::Alarm')
        .filter(
          ({ stack, resource }) =>
            stack === queue.stack &&
            resource.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
            (resource.Properties.Dimensions as { Value: unknown }[]).some(
              (d) => JSON.stringify(d.Value) === queueName,
            ),
        );
      expect(alarms, queue.logicalId).toHaveLength(1);
      expect(alarms[0]?.resource.Properties, queue.logicalId).toMatchObject({ Threshold: 1 });
    }
  });

  it('watch how far behind the stream functions read the table stream', () => {
    const streamFunctions = crm.app.functions.filter((fn) => fn.spec.trigger.kind === 'stream');
    expect(streamFunctions.map((fn) => fn.spec.name)).toEqual(['PublishOutboxEvents']);
    for (const fn of crm.app.functions) {
      const alarms = alarmsOn(fn, 'IteratorAge');
      expect(alarms, fn.spec.name).toHaveLength(fn.spec.trigger.kind === 'stream' ? 1 : 0);
      if (alarms[0]) {
        expect(alarms[0].resource.Properties).toMatchObject({
          Statistic: 'Maximum',
          Threshold: 5 * 60 * 1000,
          ComparisonOperator: 'GreaterThanThreshold',
        });
      }
    }
  });

  it('are these and no others, and every one notifies the alarm topic', () => {
    const alarms = crm.ofType('AWS::CloudWatch::Alarm');
    const expected =
      crm.app.functions.length +
      crm.app.functions.filter((fn) => fn.deadLetterQueue).length +
      crm.app.functions.filter((fn) => fn.spec.trigger.kind === 'stream').length;
    expect(alarms).toHaveLength(expected);
    for (const { stack, logicalId, resource } of alarms) {
      const actions = resource.Properties.AlarmActions as unknown[];
      expect(
        actions.map((action) => crm.resolveIn(stack, action)),
        logicalId,
      ).toEqual([topic()]);
    }
  });
});

describe('the alarm topic', () => {
  it('is encrypted with a rotated key that CloudWatch may use, and refuses publishing without TLS', () => {
    const key = crm.resourceOf(crm.app.alarms.topic.masterKey as never);
    expect(crm.resourceOf(crm.app.alarms.topic).resource.Properties.KmsMasterKeyId).toEqual({
      'Fn::GetAtt': [key.logicalId, 'Arn'],
    });
    expect(key.resource.Properties.EnableKeyRotation).toBe(true);
    const keyStatements = (key.resource.Properties.KeyPolicy as { Statement: Record<string, unknown>[] })
      .Statement;
    expect(keyStatements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      }),
    );
    const { topics, statements } = topicPolicy();
    expect(topics).toEqual([topic()]);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 'sns:Publish',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });

  it('lets the alarms of this account publish, since its policy replaces the default one', () => {
    const { statements } = topicPolicy();
    const allow = statements.find((statement) => statement.Effect === 'Allow');
    expect(allow).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: topic(),
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    });
    expect(JSON.stringify(allow?.Condition)).toContain(':alarm:*');
  });

  it('has no subscription unless the alarmEmail context value names one', () => {
    expect(crm.ofType('AWS::SNS::Subscription')).toEqual([]);
    const withEmail = synthSeedCrm({}, { alarmEmail: 'ops@example.com' });
    const subscriptions = withEmail.ofType('AWS::SNS::Subscription');
    expect(subscriptions.map(({ stack }) => stack)).toEqual([withEmail.app]);
    expect(subscriptions[0]?.resource.Properties).toEqual({
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: { Ref: withEmail.resourceOf(withEmail.app.alarms.topic).logicalId },
    });
  });
});
