import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from './clock';
import {
  type BusEvent,
  createDeliveries,
  type DeadLetter,
  type DeliveryOutcome,
  defaultRetryPolicy,
  type InvokeFunction,
  type RetryPolicy,
} from './deliveries';
import { type CompiledPattern, compilePattern, flattenEvent, matchesCompiled } from './event-pattern-matcher';
import { type EventPatternRule, isScheduleRule, type LocalEventRule, type ScheduleRule } from './event-rules';
import {
  type AcceptedEntry,
  AwsServiceError,
  checkPutEventsRequest,
  defaultMaxRequestBytes,
  eventBusNameOf,
} from './put-events';
import { startScheduler } from './scheduler';

export interface LocalEventBusOptions {
  rules: readonly LocalEventRule[];
  invoke: InvokeFunction;
  /** 0 or omitted: a free port. */
  port?: number;
  host?: string;
  region?: string;
  account?: string;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
  maxRequestBytes?: number;
  /** How many recent events `published()` keeps. */
  publishedLimit?: number;
  log?: (line: string) => void;
}

export interface PublishedEvent {
  event: BusEvent;
  eventBusName: string;
  via: 'put-events' | 'service' | 'schedule';
  /** Rules whose target was handed the event. */
  matchedRules: string[];
}

/** An event as an AWS service (SES, for instance) would put it on the default bus. */
export interface ServiceEventInput {
  source: string;
  detailType: string;
  detail: Record<string, unknown>;
  resources?: string[];
  time?: Date;
}

export interface LocalEventBus {
  /** For `new EventBridgeClient({ endpoint })`, and the handlers' `EVENTBRIDGE_ENDPOINT`. */
  endpoint: string;
  /** The most recent events, oldest first. */
  published(): readonly PublishedEvent[];
  deadLetters(): readonly DeadLetter[];
  replay(deadLetterId: string): Promise<DeliveryOutcome>;
  /** Routes an event from an AWS service (source `aws.*`, which PutEvents refuses) through the rules. */
  publishServiceEvent(input: ServiceEventInput): BusEvent;
  /** Runs a scheduled rule now, outside its schedule (for a developer who does not want to wait). */
  fireSchedule(ruleName: string): Promise<DeliveryOutcome>;
  nextRuns(): ReadonlyMap<string, Date | undefined>;
  /** Resolves once every delivery has finished or been dead-lettered. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

const jsonContentType = 'application/x-amz-json-1.1';
/** Far above any valid request: a guard against runaway bodies, not EventBridge's limit. */
const maxBodyBytes = 8 * 1024 * 1024;

const isoSeconds = (time: Date) => `${time.toISOString().slice(0, 19)}Z`;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        request.pause();
        reject(new AwsServiceError('RequestEntityTooLargeException', 'Request body is too large.', 413));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function reply(response: ServerResponse, statusCode: number, body: unknown): void {
  response
    .writeHead(statusCode, { 'content-type': jsonContentType, 'x-amzn-requestid': randomUUID() })
    .end(JSON.stringify(body));
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AwsServiceError('SerializationException', `${what} is not valid JSON.`);
  }
}

/**
 * The local EventBridge: speaks PutEvents (and TestEventPattern) on the AWS JSON 1.1 wire protocol so
 * the handlers use the real `@aws-sdk/client-eventbridge`, routes events through the same rules the CDK
 * stack deploys, and runs the scheduled rules on their cron or rate. Targets run asynchronously, as in
 * AWS: the PutEvents reply never waits for them.
 */
export async function startLocalEventBus(options: LocalEventBusOptions): Promise<LocalEventBus> {
  const clock = options.clock ?? systemClock;
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const account = options.account ?? '000000000000';
  const publishedLimit = options.publishedLimit ?? 100;
  const log = options.log;

  // a bad pattern or schedule fails here, at start, as it would fail the CDK deployment
  const patternRules: { rule: EventPatternRule; pattern: CompiledPattern; bus?: string }[] = [];
  const scheduleRules: ScheduleRule[] = [];
  const names = new Set<string>();
  for (const rule of options.rules) {
    if (names.has(rule.name)) throw new Error(`two local event rules are named ${rule.name}`);
    names.add(rule.name);
    if (isScheduleRule(rule)) scheduleRules.push(rule);
    else {
      const pattern = compilePattern(rule.eventPattern);
      patternRules.push({ rule, pattern, bus: rule.eventBusName && eventBusNameOf(rule.eventBusName) });
    }
  }

  const deliveries = createDeliveries({
    invoke: options.invoke,
    clock,
    retry: { ...defaultRetryPolicy, ...options.retry },
    log,
  });
  const published: PublishedEvent[] = [];
  const remember = (entry: PublishedEvent) => {
    published.push(entry);
    if (published.length > publishedLimit) published.splice(0, published.length - publishedLimit);
  };

  const envelope = (input: ServiceEventInput): BusEvent => ({
    version: '0',
    id: randomUUID(),
    'detail-type': input.detailType,
    source: input.source,
    account,
    time: isoSeconds(input.time ?? new Date(clock.now())),
    region,
    resources: input.resources ?? [],
    detail: input.detail,
  });

  function route(event: BusEvent, eventBusName: string, via: PublishedEvent['via']): void {
    const flattened = flattenEvent(event);
    const matched = patternRules.filter(
      ({ pattern, bus }) =>
        (bus === undefined || bus === eventBusName) && matchesCompiled(pattern, flattened),
    );
    remember({ event, eventBusName, via, matchedRules: matched.map(({ rule }) => rule.name) });
    for (const { rule } of matched) {
      log?.(`${event['detail-type']} from ${event.source} → ${rule.functionName} (${rule.name})`);
      void deliveries.deliver(rule.name, rule.functionName, event);
    }
  }

  const scheduledEvent = (rule: ScheduleRule, time: Date): BusEvent =>
    envelope({
      source: 'aws.events',
      detailType: 'Scheduled Event',
      detail: {},
      resources: [`arn:aws:events:${region}:${account}:rule/${rule.name}`],
      time,
    });

  function runScheduled(rule: ScheduleRule, time: Date): Promise<DeliveryOutcome> {
    const event = scheduledEvent(rule, time);
    remember({ event, eventBusName: 'default', via: 'schedule', matchedRules: [rule.name] });
    log?.(`${rule.schedule} → ${rule.functionName} (${rule.name})`);
    return deliveries.deliver(rule.name, rule.functionName, event);
  }

  function putEvents(body: unknown) {
    const results = checkPutEventsRequest(body, options.maxRequestBytes ?? defaultMaxRequestBytes);
    const accepted: { entry: AcceptedEntry; event: BusEvent }[] = [];
    const entries = results.map((result) => {
      if ('rejected' in result) return result.rejected;
      const event = envelope(result.accepted);
      accepted.push({ entry: result.accepted, event });
      return { EventId: event.id };
    });
    // targets start after this reply (deliveries are asynchronous), but are known to settled() already
    for (const { entry, event } of accepted) route(event, entry.eventBusName, 'put-events');
    return { FailedEntryCount: results.length - accepted.length, Entries: entries };
  }

  function testEventPattern(body: unknown) {
    const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const patternText = typeof request.EventPattern === 'string' ? request.EventPattern : '';
    const eventText = typeof request.Event === 'string' ? request.Event : '';
    let pattern: CompiledPattern;
    try {
      pattern = compilePattern(JSON.parse(patternText));
    } catch (error) {
      throw new AwsServiceError('InvalidEventPatternException', (error as Error).message);
    }
    const event = parseJson(eventText, 'Event');
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      throw new AwsServiceError('ValidationException', 'Parameter Event is not valid.');
    }
    return { Result: matchesCompiled(pattern, flattenEvent(event)) };
  }

  const operations = new Map<string, (body: unknown) => unknown>([
    ['AWSEvents.PutEvents', putEvents],
    ['AWSEvents.TestEventPattern', testEventPattern],
  ]);

  const server = createServer((request, response) => {
    const operation = operations.get(String(request.headers['x-amz-target']));
    readBody(request)
      .then((text) => {
        if (request.method !== 'POST' || !operation) {
          throw new AwsServiceError(
            'UnknownOperationException',
            'The local event bus serves PutEvents and TestEventPattern.',
          );
        }
        reply(response, 200, operation(parseJson(text || '{}', 'The request body')));
      })
      .catch((error: unknown) => {
        if (error instanceof AwsServiceError) {
          reply(response, error.statusCode, { __type: error.type, message: error.message });
        } else {
          console.error(error);
          reply(response, 500, { __type: 'InternalException', message: 'The local event bus failed.' });
        }
      });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const scheduler = startScheduler(scheduleRules, clock, (rule, time) => void runScheduled(rule, time));

  return {
    endpoint: `http://${host}:${port}`,
    published: () => [...published],
    deadLetters: deliveries.deadLetters,
    replay: deliveries.replay,
    publishServiceEvent(input) {
      const event = envelope(input);
      route(event, 'default', 'service');
      return event;
    },
    fireSchedule(ruleName) {
      const rule = scheduleRules.find((candidate) => candidate.name === ruleName);
      if (!rule) return Promise.reject(new Error(`no scheduled rule named ${ruleName}`));
      return runScheduled(rule, new Date(clock.now()));
    },
    nextRuns: scheduler.nextRuns,
    settled: deliveries.settled,
    async stop() {
      scheduler.stop();
      deliveries.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
