import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../infra/local/event-bus/clock';
import type { BusEvent } from '../../infra/local/event-bus/deliveries';
import { rulesFromFunctions } from '../../infra/local/event-bus/event-rules';
import { type LocalEventBus, startLocalEventBus } from '../../infra/local/event-bus/local-event-bus';
import { registry } from '../../shared/registry/capability-registry';

interface Invocation {
  functionName: string;
  event: BusEvent;
}

const region = 'eu-central-1';
const clientFor = (endpoint: string) =>
  new EventBridgeClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

/** A clock the test moves by hand: timers fire in order as `advance` passes their time. */
function manualClock(startIso: string) {
  let now = Date.parse(startIso);
  const timers = new Set<{ due: number; callback: () => void }>();
  const clock: Clock & { advance(ms: number): void } = {
    now: () => now,
    setTimer(callback, delayMs) {
      const timer = { due: now + Math.max(0, delayMs), callback };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const [first] = [...timers].filter((timer) => timer.due <= end).sort((a, b) => a.due - b.due);
        if (!first) break;
        timers.delete(first);
        now = first.due;
        first.callback();
      }
      now = end;
    },
  };
  return clock;
}

const contactCreated = (detail: Record<string, unknown>): PutEventsRequestEntry => ({
  Source: 'crm',
  DetailType: 'Contact Created',
  Detail: JSON.stringify(detail),
});

describe('local event bus, through the real EventBridge client', () => {
  const invocations: Invocation[] = [];
  const failures = new Map<string, number>();
  let bus: LocalEventBus;
  let client: EventBridgeClient;
  const invoked = (functionName: string) => invocations.filter((call) => call.functionName === functionName);

  beforeAll(async () => {
    bus = await startLocalEventBus({
      region,
      account: '123456789012',
      retry: { attempts: 3, delaysMs: [1, 2] },
      rules: [
        {
          name: 'WelcomeContactRule',
          functionName: 'WelcomeContact',
          eventPattern: { source: ['crm'], 'detail-type': ['Contact Created'] },
        },
        {
          name: 'BigDealRule',
          functionName: 'NotifyBigDeal',
          eventPattern: { source: ['crm'], detail: { amount: [{ numeric: ['>=', 10_000] }] } },
        },
        { name: 'FlakyRule', functionName: 'Flaky', eventPattern: { 'detail-type': ['Flaky Thing'] } },
        {
          name: 'AuditRule',
          functionName: 'Audit',
          eventPattern: { source: [{ prefix: 'crm' }] },
          eventBusName: 'seed-crm',
        },
        {
          name: 'BounceRule',
          functionName: 'RecordBounce',
          eventPattern: { source: ['aws.ses'], 'detail-type': ['Email Bounced'] },
        },
      ],
      invoke: async (functionName, event) => {
        invocations.push({ functionName, event });
        const remaining = failures.get(functionName) ?? 0;
        if (remaining > 0) {
          failures.set(functionName, remaining - 1);
          throw new Error(`${functionName} is down`);
        }
      },
    });
    client = clientFor(bus.endpoint);
  });

  afterEach(async () => {
    await bus.settled();
    invocations.length = 0;
    failures.clear();
  });

  afterAll(async () => {
    client.destroy();
    await bus.stop();
  });

  it("hands a PutEvents entry to the matching rule's target in an EventBridge envelope, and to no other", async () => {
    const sent = await client.send(
      new PutEventsCommand({
        Entries: [
          {
            ...contactCreated({ contactId: 'c1', amount: 50 }),
            Time: new Date('2025-05-14T08:30:06.789Z'),
            Resources: ['contact/c1'],
          },
        ],
      }),
    );
    expect(sent.FailedEntryCount).toBe(0);
    const eventId = sent.Entries?.[0]?.EventId;
    expect(eventId).toEqual(expect.any(String));

    await bus.settled();
    expect(invocations).toEqual([
      {
        functionName: 'WelcomeContact',
        event: {
          version: '0',
          id: eventId,
          'detail-type': 'Contact Created',
          source: 'crm',
          account: '123456789012',
          time: '2025-05-14T08:30:06Z',
          region,
          resources: ['contact/c1'],
          detail: { contactId: 'c1', amount: 50 },
        },
      },
    ]);
    expect(bus.published().at(-1)).toMatchObject({
      eventBusName: 'default',
      via: 'put-events',
      matchedRules: ['WelcomeContactRule'],
    });
  });

  it('sends one event to every rule it matches', async () => {
    await client.send(
      new PutEventsCommand({ Entries: [contactCreated({ contactId: 'c2', amount: 12_000 })] }),
    );
    await bus.settled();
    expect(invocations.map((call) => call.functionName).sort()).toEqual(['NotifyBigDeal', 'WelcomeContact']);
  });

  it('answers before the targets have run', async () => {
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = false;
    const slowBus = await startLocalEventBus({
      rules: [{ name: 'SlowRule', functionName: 'Slow', eventPattern: { source: ['crm'] } }],
      invoke: async () => {
        await blocked;
        finished = true;
      },
    });
    const slowClient = clientFor(slowBus.endpoint);
    try {
      const sent = await slowClient.send(
        new PutEventsCommand({ Entries: [contactCreated({ contactId: 'c3' })] }),
      );
      expect(sent.FailedEntryCount).toBe(0);
      expect(finished).toBe(false);
      release();
      await slowBus.settled();
      expect(finished).toBe(true);
    } finally {
      slowClient.destroy();
      await slowBus.stop();
    }
  });

  it('fails bad entries one by one, as EventBridge does, and delivers the rest', async () => {
    const sent = await client.send(
      new PutEventsCommand({
        Entries: [
          contactCreated({ contactId: 'c4' }),
          { Source: 'crm', DetailType: 'Contact Created', Detail: '{"contactId": ' },
          { Source: 'crm', DetailType: 'Contact Created', Detail: '["not", "an", "object"]' },
          { Source: 'crm', Detail: '{}' },
          { Source: 'aws.ses', DetailType: 'Email Bounced', Detail: '{}' },
        ],
      }),
    );
    expect(sent.FailedEntryCount).toBe(4);
    expect(sent.Entries?.map((entry) => entry.ErrorCode ?? 'ok')).toEqual([
      'ok',
      'MalformedDetail',
      'MalformedDetail',
      'InvalidArgument',
      'NotAuthorizedForSourceException',
    ]);
    expect(sent.Entries?.[3]?.ErrorMessage).toBe(
      'Parameter DetailType is not valid. Reason: DetailType is a required argument.',
    );
    await bus.settled();
    expect(invocations.map((call) => call.event.detail)).toEqual([{ contactId: 'c4' }]);
  });

  it('refuses more than 10 entries with a ValidationException', async () => {
    const entries = Array.from({ length: 11 }, (_, index) => contactCreated({ contactId: `c${index}` }));
    await expect(client.send(new PutEventsCommand({ Entries: entries }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Member must have length less than or equal to 10'),
      $metadata: { httpStatusCode: 400 },
    });
    await bus.settled();
    expect(invocations).toEqual([]);
  });

  it('refuses entries over 256 KB with a ValidationException', async () => {
    const padding = 'x'.repeat(256 * 1024);
    await expect(
      client.send(new PutEventsCommand({ Entries: [contactCreated({ contactId: 'c5', padding })] })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });

  it('routes by event bus when a rule names one, by name or ARN', async () => {
    await client.send(
      new PutEventsCommand({
        Entries: [{ ...contactCreated({ contactId: 'c6' }), EventBusName: 'seed-crm' }],
      }),
    );
    await client.send(
      new PutEventsCommand({
        Entries: [
          {
            ...contactCreated({ contactId: 'c7' }),
            EventBusName: `arn:aws:events:${region}:123456789012:event-bus/seed-crm`,
          },
        ],
      }),
    );
    await client.send(
      new PutEventsCommand({ Entries: [{ ...contactCreated({ contactId: 'c8' }), EventBusName: 'other' }] }),
    );
    await bus.settled();
    expect(invoked('Audit').map((call) => call.event.detail)).toEqual([
      { contactId: 'c6' },
      { contactId: 'c7' },
    ]);
    expect(invoked('WelcomeContact')).toHaveLength(3);
  });

  it('retries a failing target and dead-letters the event after the third attempt; replay delivers it', async () => {
    failures.set('Flaky', 3);
    const sent = await client.send(
      new PutEventsCommand({ Entries: [{ Source: 'crm', DetailType: 'Flaky Thing', Detail: '{"n":1}' }] }),
    );
    await bus.settled();
    expect(invoked('Flaky')).toHaveLength(3);
    const [deadLetter, ...others] = bus.deadLetters();
    expect(others).toEqual([]);
    expect(deadLetter).toMatchObject({
      ruleName: 'FlakyRule',
      functionName: 'Flaky',
      attempts: 3,
      error: { name: 'Error', message: 'Flaky is down' },
      event: { id: sent.Entries?.[0]?.EventId, detail: { n: 1 } },
    });

    const outcome = await bus.replay(deadLetter?.id ?? '');
    expect(outcome).toEqual({ status: 'delivered', attempts: 1 });
    expect(bus.deadLetters()).toEqual([]);
    expect(invoked('Flaky').at(-1)?.event).toEqual(deadLetter?.event);
    await expect(bus.replay(deadLetter?.id ?? '')).rejects.toThrow('no dead letter');
  });

  it('delivers without a dead letter when a retry succeeds', async () => {
    failures.set('Flaky', 1);
    await client.send(
      new PutEventsCommand({ Entries: [{ Source: 'crm', DetailType: 'Flaky Thing', Detail: '{}' }] }),
    );
    await bus.settled();
    expect(invoked('Flaky')).toHaveLength(2);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('routes AWS service events, which PutEvents refuses, through publishServiceEvent', async () => {
    const event = bus.publishServiceEvent({
      source: 'aws.ses',
      detailType: 'Email Bounced',
      detail: { eventType: 'Bounce', bounce: { bounceType: 'Permanent' } },
    });
    await bus.settled();
    expect(invoked('RecordBounce')).toEqual([{ functionName: 'RecordBounce', event }]);
    expect(event).toMatchObject({ source: 'aws.ses', account: '123456789012', region, resources: [] });
  });

  it('answers TestEventPattern with the same matcher', async () => {
    const event = JSON.stringify({
      id: '1',
      account: '123456789012',
      source: 'crm',
      time: '2025-05-14T08:30:06Z',
      region,
      resources: [],
      'detail-type': 'Contact Created',
      detail: { amount: 12_000 },
    });
    const pattern = (amount: number) => JSON.stringify({ detail: { amount: [{ numeric: ['>=', amount] }] } });
    expect(
      (await client.send(new TestEventPatternCommand({ Event: event, EventPattern: pattern(10_000) })))
        .Result,
    ).toBe(true);
    expect(
      (await client.send(new TestEventPatternCommand({ Event: event, EventPattern: pattern(20_000) })))
        .Result,
    ).toBe(false);
    await expect(
      client.send(new TestEventPatternCommand({ Event: event, EventPattern: '{"detail": {"amount": 5}}' })),
    ).rejects.toMatchObject({
      name: 'InvalidEventPatternException',
      message: expect.stringContaining('detail.amount'),
    });
  });

  it('answers other operations with UnknownOperationException', async () => {
    const response = await fetch(bus.endpoint, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSEvents.ListRules', 'content-type': 'application/x-amz-json-1.1' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });
});

describe('local event bus schedules, on a clock the test moves', () => {
  it('fires rate and cron rules on time with a Scheduled Event, and stops firing after stop()', async () => {
    const clock = manualClock('2025-05-14T02:58:30Z');
    const invocations: Invocation[] = [];
    const bus = await startLocalEventBus({
      region,
      account: '123456789012',
      clock,
      rules: [
        { name: 'PingSchedule', functionName: 'Ping', schedule: 'rate(1 minute)' },
        { name: 'NightlySchedule', functionName: 'Nightly', schedule: 'cron(0 3 * * ? *)' },
      ],
      invoke: async (functionName, event) => {
        invocations.push({ functionName, event });
      },
    });
    try {
      expect(bus.nextRuns()).toEqual(
        new Map([
          ['PingSchedule', new Date('2025-05-14T02:59:30Z')],
          ['NightlySchedule', new Date('2025-05-14T03:00:00Z')],
        ]),
      );
      clock.advance(59_000);
      await bus.settled();
      expect(invocations).toEqual([]);

      clock.advance(2 * 60_000);
      await bus.settled();
      expect(invocations.map(({ functionName, event }) => `${event.time} ${functionName}`)).toEqual([
        '2025-05-14T02:59:30Z Ping',
        '2025-05-14T03:00:00Z Nightly',
        '2025-05-14T03:00:30Z Ping',
      ]);
      expect(invocations[1]?.event).toEqual({
        version: '0',
        id: expect.any(String),
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        account: '123456789012',
        time: '2025-05-14T03:00:00Z',
        region,
        resources: [`arn:aws:events:${region}:123456789012:rule/NightlySchedule`],
        detail: {},
      });
      expect(bus.nextRuns().get('NightlySchedule')).toEqual(new Date('2025-05-15T03:00:00Z'));

      await bus.fireSchedule('NightlySchedule');
      expect(invocations.at(-1)).toMatchObject({
        functionName: 'Nightly',
        event: { time: '2025-05-14T03:01:29Z' },
      });
    } finally {
      await bus.stop();
    }
    const count = invocations.length;
    clock.advance(24 * 60 * 60_000);
    expect(invocations).toHaveLength(count);
  });
});

describe('local event bus rules', () => {
  it('come from the registry: event and schedule triggers get a rule, API functions none', () => {
    const triggered = registry.functions.filter(
      (fn) => fn.trigger.kind === 'event' || fn.trigger.kind === 'schedule',
    );
    expect(triggered.length).toBeGreaterThan(0);
    expect(rulesFromFunctions(registry.functions).map((rule) => rule.functionName)).toEqual(
      triggered.map((fn) => fn.name),
    );
    expect(
      rulesFromFunctions([
        { name: 'HealthApi', trigger: { kind: 'api' } },
        { name: 'SendWelcome', trigger: { kind: 'event', pattern: { 'detail-type': ['Contact Created'] } } },
        { name: 'PurgeExpired', trigger: { kind: 'schedule', expression: 'cron(0 3 * * ? *)' } },
      ] as const),
    ).toEqual([
      {
        name: 'SendWelcomeRule',
        functionName: 'SendWelcome',
        eventPattern: { 'detail-type': ['Contact Created'] },
      },
      { name: 'PurgeExpiredSchedule', functionName: 'PurgeExpired', schedule: 'cron(0 3 * * ? *)' },
    ]);
  });

  it('put AWS service triggers on the default bus and the others on the CRM bus', () => {
    expect(
      rulesFromFunctions(
        [
          { name: 'SendWelcome', trigger: { kind: 'event', pattern: { source: ['crm'] } } },
          {
            name: 'RecordMail',
            trigger: { kind: 'event', bus: 'default', pattern: { source: ['aws.ses'] } },
          },
        ] as const,
        { appBus: 'seed-crm' },
      ).map((rule) => [rule.name, 'eventBusName' in rule ? rule.eventBusName : undefined]),
    ).toEqual([
      ['SendWelcomeRule', 'seed-crm'],
      ['RecordMailRule', 'default'],
    ]);
  });

  it('are checked when the bus starts, as a deployment would check them', async () => {
    const invoke = async () => undefined;
    await expect(
      startLocalEventBus({
        invoke,
        rules: [{ name: 'Bad', functionName: 'F', eventPattern: { source: 'crm' } as never }],
      }),
    ).rejects.toThrow('Invalid event pattern at "source": must be an object or an array');
    await expect(
      startLocalEventBus({
        invoke,
        rules: [{ name: 'Bad', functionName: 'F', schedule: 'cron(0 3 * * * *)' }],
      }),
    ).rejects.toThrow('exactly one of day-of-month and day-of-week must be ?');
    await expect(
      startLocalEventBus({
        invoke,
        rules: [
          { name: 'Twice', functionName: 'F', schedule: 'rate(1 day)' },
          { name: 'Twice', functionName: 'G', schedule: 'rate(2 days)' },
        ],
      }),
    ).rejects.toThrow('two local event rules are named Twice');
  });
});
