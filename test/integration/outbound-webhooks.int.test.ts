import { createHmac, timingSafeEqual } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud';
import type { WebhookDelivery } from '../../shared/outbound-webhooks/webhook-delivery';
import type { WebhookSubscription } from '../../shared/outbound-webhooks/webhook-subscription';
import type { Role } from '../../shared/platform/roles';
import { documentClientOf, UpdateCommand } from '../../shared/store/document-client';
import { keys } from '../../shared/store/keys';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhook-receiver';

/**
 * Outbound webhooks end to end, in a local cloud of its own (to drive the bus and the retry schedule):
 * API write -> outbox -> stream -> EventBridge -> delivery function -> a real HTTP receiver on 127.0.0.1.
 */
let cloud: LocalCloud;
let receiver: WebhookReceiver;
const workspaceA = 'outbound-a';
const workspaceB = 'outbound-b';
const retryRule = 'RetryOutboundWebhookDeliveriesSchedule';

interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
}
type Call = <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Reply<T>>;

async function signIn(workspaceId: string, roles: Role[] = ['admin']): Promise<Call> {
  const response = await fetch(`${cloud.url}/api/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspaceId, email: 'ann@example.com', roles }),
  });
  const { token } = (await response.json()) as { token: string };
  return async (method, path, body, headers = {}) => {
    const reply = await fetch(`${cloud.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await reply.text();
    return { status: reply.status, headers: reply.headers, body: text ? JSON.parse(text) : undefined };
  };
}

/** Everything written so far has gone through the stream, the bus and the functions it triggered. */
async function drained(): Promise<void> {
  for (const poller of cloud.streamPollers) await poller.drain();
  await cloud.eventBus.settled();
}

/** The receiver's side, exactly as docs/outbound-webhooks.md tells receivers to verify. */
function verifiedAsDocumented(request: ReceivedWebhook, secret: string): boolean {
  const timestamp = String(request.headers['seed-webhook-timestamp']);
  const header = String(request.headers['seed-webhook-signature']);
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest();
  return header.split(' ').some((part) => {
    const given = Buffer.from(part.replace(/^v1=/, ''), 'hex');
    return part.startsWith('v1=') && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

let asAdminA: Call;
let asSalesA: Call;
let asAdminB: Call;

beforeAll(async () => {
  cloud = await startLocalCloud({
    port: 0,
    inMemory: true,
    quiet: true,
    tableName: 'seed-crm-outbound-test',
  });
  receiver = await startWebhookReceiver();
  asAdminA = await signIn(workspaceA);
  asSalesA = await signIn(workspaceA, ['sales']);
  asAdminB = await signIn(workspaceB);
});
afterAll(async () => {
  await receiver?.close();
  await cloud?.stop();
});

async function subscribe(call: Call, path: string, eventTypes: string[], extra: object = {}) {
  const reply = await call<WebhookSubscription>('POST', '/api/settings/webhooks', {
    url: receiver.url(path),
    eventTypes,
    ...extra,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

async function deliveriesOf(subscriptionId: string, query = '') {
  const reply = await asAdminA<{ items: WebhookDelivery[]; nextCursor?: string }>(
    'GET',
    `/api/settings/webhooks/${subscriptionId}/deliveries${query}`,
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.items;
}

async function createContact(call: Call, email: string): Promise<string> {
  const reply = await call<{ id: string }>('POST', '/api/contacts', {
    firstName: 'Ada',
    email,
    tags: ['vip'],
  });
  expect(reply.status).toBe(201);
  return reply.body.id;
}

const payloadOf = (request: ReceivedWebhook) =>
  JSON.parse(request.body) as {
    id: string;
    type: string;
    workspaceId: string;
    data: Record<string, unknown>;
  };

describe('webhook subscriptions', () => {
  it('shows the secret on create and to admins reading one subscription, never in the list', async () => {
    const created = await subscribe(asAdminA, '/settings', ['contact.deleted'], { description: 'CRM sync' });
    expect(created).toMatchObject({ eventTypes: ['contact.deleted'], active: true, version: 1 });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const asAdmin = await asAdminA<WebhookSubscription>('GET', `/api/settings/webhooks/${created.id}`);
    expect(asAdmin.body.secret).toBe(created.secret);
    expect(asAdmin.headers.get('etag')).toBe('"1"');
    const asSales = await asSalesA<WebhookSubscription>('GET', `/api/settings/webhooks/${created.id}`);
    expect(asSales.status).toBe(200);
    expect(asSales.body).not.toHaveProperty('secret');
    const list = await asSalesA<{ items: WebhookSubscription[] }>('GET', '/api/settings/webhooks');
    expect(list.body.items.map((item) => item.id)).toContain(created.id);
    expect(JSON.stringify(list.body)).not.toContain(created.secret);
    expect(
      (await asSalesA('POST', '/api/settings/webhooks', { url: 'https://x.example', eventTypes: ['*'] }))
        .status,
    ).toBe(403);
  });

  it.each([
    ['a private address', 'https://10.0.0.8/hook'],
    ['the metadata endpoint', 'https://169.254.169.254/latest'],
    ['IPv4-compatible loopback (allowed nowhere, not even locally)', 'https://[::7f00:1]/'],
    ['IPv4-translated metadata endpoint', 'https://[::ffff:0:a9fe:a9fe]/latest'],
    ['a name inside a network', 'https://metadata.google.internal/'],
    ['plain http to a public host', 'http://hooks.example.com/'],
    ['an unknown event type', 'https://hooks.example.com/', ['contact.exploded']],
  ])('refuses %s with a message on the field', async (_what, url, eventTypes = ['*']) => {
    const reply = await asAdminA<{ error: { code: string; fields: Record<string, string> } }>(
      'POST',
      '/api/settings/webhooks',
      { url, eventTypes },
    );
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.body.error.fields)[0]).toMatch(/^(url|eventTypes)/);
  });

  it('changes with If-Match, and deletes', async () => {
    const created = await subscribe(asAdminA, '/to-delete', ['*']);
    const path = `/api/settings/webhooks/${created.id}`;
    expect((await asAdminA('PATCH', path, { active: false })).status).toBe(428);
    const changed = await asAdminA<WebhookSubscription>(
      'PATCH',
      path,
      { active: false, description: 'x' },
      {
        'if-match': '"1"',
      },
    );
    expect(changed.body).toMatchObject({ active: false, description: 'x', version: 2 });
    expect((await asAdminA('PATCH', path, { active: true }, { 'if-match': '"1"' })).status).toBe(409);
    const toLoopback = await asAdminA<{ error: { fields: Record<string, string> } }>(
      'PATCH',
      path,
      { url: 'https://[::127.0.0.1]/' },
      { 'if-match': '"2"' },
    );
    expect(toLoopback.status).toBe(400);
    expect(Object.keys(toLoopback.body.error.fields)).toEqual(['url']);
    expect((await asAdminA('DELETE', path)).status).toBe(204);
    expect((await asAdminA('GET', path)).status).toBe(404);
    expect((await asAdminA('GET', `${path}/deliveries`)).status).toBe(404);
  });
});

describe('deliveries', () => {
  let subscription: WebhookSubscription;
  let disabled: WebhookSubscription;
  let contactId: string;

  beforeAll(async () => {
    subscription = await subscribe(asAdminA, '/a', ['contact.created']);
    disabled = await subscribe(asAdminA, '/disabled', ['*'], { active: false });
    await subscribe(asAdminB, '/b', ['*']);
  });

  it('POSTs a contact.created once, signed as documented, to the subscription that takes it', async () => {
    contactId = await createContact(asAdminA, 'ada@example.com');
    await drained();
    const [request] = await receiver.waitFor('/a', 1);
    if (!request) throw new Error('no request');
    expect(request.headers['content-type']).toBe('application/json');
    expect(verifiedAsDocumented(request, subscription.secret as string)).toBe(true);
    expect(verifiedAsDocumented(request, 'whsec_wrong')).toBe(false);
    const payload = payloadOf(request);
    expect(payload).toMatchObject({ type: 'contact.created', workspaceId: workspaceA, version: 1 });
    expect((payload.data.contact as { id: string }).id).toBe(contactId);

    const [delivery] = await deliveriesOf(subscription.id);
    expect(request.headers['seed-webhook-id']).toBe(delivery?.id);
    expect(delivery).toMatchObject({ status: 'delivered', eventId: payload.id, attemptCount: 1 });
    expect(delivery?.attempts[0]).toMatchObject({ trigger: 'event', statusCode: 204 });
    expect(delivery?.payload).toEqual(payload);
  });

  it('does not send again when EventBridge hands the same event over twice', async () => {
    const published = cloud.eventBus
      .published()
      .find(
        (entry) =>
          entry.event['detail-type'] === 'contact.created' &&
          (entry.event.detail as { contact: { id: string } }).contact.id === contactId,
      );
    if (!published) throw new Error('contact.created was not published');
    const bus = new EventBridgeClient({
      endpoint: cloud.eventBridgeEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await bus.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: 'crm',
            DetailType: 'contact.created',
            Detail: JSON.stringify(published.event.detail),
            EventBusName: published.eventBusName,
          },
        ],
      }),
    );
    bus.destroy();
    await drained();
    expect(receiver.received('/a')).toHaveLength(1);
    expect(await deliveriesOf(subscription.id)).toHaveLength(1);
  });

  it('sends nothing to a disabled subscription or to another workspace', async () => {
    expect(receiver.received('/disabled')).toEqual([]);
    expect(receiver.received('/b')).toEqual([]);
    expect(await deliveriesOf(disabled.id)).toEqual([]);
    // the other workspace's subscription works: it gets its own workspace's events, and only those
    const otherContact = await createContact(asAdminB, 'bo@example.com');
    await drained();
    const received = await receiver.waitFor('/b', 2);
    expect(received.map((request) => payloadOf(request).workspaceId)).toEqual([workspaceB, workspaceB]);
    expect(received.map((request) => payloadOf(request).type).sort()).toEqual([
      'contact.created',
      'tag.added',
    ]);
    expect(JSON.stringify(received.map(payloadOf))).toContain(otherContact);
    expect(JSON.stringify(received.map(payloadOf))).not.toContain(contactId);
  });
});

describe('failed deliveries', () => {
  let flaky: WebhookSubscription;
  let delivery: WebhookDelivery;
  const dynamodb = () =>
    new DynamoDBClient({
      endpoint: cloud.dynamoDbEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

  beforeAll(async () => {
    flaky = await subscribe(asAdminA, '/flaky', ['tag.added']);
    receiver.answer('/flaky', 500);
  });

  it('records a failed attempt and schedules the next one', async () => {
    await createContact(asAdminA, 'grace@example.com');
    await drained();
    await receiver.waitFor('/flaky', 1);
    const [pending] = await deliveriesOf(flaky.id, '?status=pending');
    if (!pending) throw new Error('no pending delivery');
    delivery = pending;
    expect(delivery).toMatchObject({ status: 'pending', attemptCount: 1, eventType: 'tag.added' });
    expect(delivery.attempts[0]).toMatchObject({ trigger: 'event', statusCode: 500 });
    expect(Date.parse(delivery.nextAttemptAt as string)).toBeGreaterThan(
      Date.parse(delivery.attempts[0]?.at ?? ''),
    );
    expect(await deliveriesOf(flaky.id, '?status=delivered')).toEqual([]);
  });

  it('is not retried before its time, and is delivered by the retry job once its time has come', async () => {
    receiver.answer('/flaky', 200);
    expect(await cloud.eventBus.fireSchedule(retryRule)).toMatchObject({ status: 'delivered' });
    expect(receiver.received('/flaky')).toHaveLength(1);

    // bring the next attempt forward, as the clock would
    const past = new Date(Date.now() - 1000).toISOString();
    const raw = dynamodb();
    await documentClientOf(raw).send(
      new UpdateCommand({
        TableName: cloud.tableName,
        Key: keys.outboundDelivery(workspaceA, delivery.id),
        UpdateExpression: 'SET nextAttemptAt = :past, gsi2sk = :due',
        ExpressionAttributeValues: {
          ':past': past,
          ':due': keys.outboundDeliveryDue(workspaceA, past, delivery.id).gsi2sk,
        },
      }),
    );
    raw.destroy();
    expect(await cloud.eventBus.fireSchedule(retryRule)).toMatchObject({ status: 'delivered' });
    const [first, second] = await receiver.waitFor('/flaky', 2);
    expect(second?.body).toBe(first?.body);
    expect(second?.headers['seed-webhook-id']).toBe(delivery.id);
    expect(verifiedAsDocumented(second as ReceivedWebhook, flaky.secret as string)).toBe(true);

    const [retried] = await deliveriesOf(flaky.id);
    expect(retried).toMatchObject({ id: delivery.id, status: 'delivered', attemptCount: 2 });
    expect(retried?.attempts.map((attempt) => [attempt.trigger, attempt.statusCode])).toEqual([
      ['event', 500],
      ['retry', 200],
    ]);
    expect(retried).not.toHaveProperty('nextAttemptAt');
    expect(await deliveriesOf(flaky.id, '?status=pending')).toEqual([]);
  });

  it('redelivers on request, to the same receiver, with the same id and body', async () => {
    const reply = await asAdminA<WebhookDelivery>(
      'POST',
      `/api/settings/webhooks/deliveries/${delivery.id}/redeliver`,
      {},
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'delivered', attemptCount: 3 });
    expect(reply.body.attempts.at(-1)).toMatchObject({ trigger: 'manual', statusCode: 200 });
    const requests = await receiver.waitFor('/flaky', 3);
    expect(requests[2]?.body).toBe(requests[0]?.body);
    expect(requests[2]?.headers['seed-webhook-id']).toBe(delivery.id);
    // another workspace cannot reach it
    const stranger = await asAdminB('POST', `/api/settings/webhooks/deliveries/${delivery.id}/redeliver`, {});
    expect(stranger.status).toBe(404);
    expect(receiver.received('/flaky')).toHaveLength(3);
  });

  it('sends a test event, and signs with both secrets for a while after a rotation', async () => {
    const rotated = await asAdminA<WebhookSubscription>(
      'POST',
      `/api/settings/webhooks/${flaky.id}/rotate-secret`,
    );
    expect(rotated.status).toBe(201);
    expect(rotated.body.secret).not.toBe(flaky.secret);
    expect(rotated.body.previousSecretExpiresAt).toEqual(expect.any(String));
    const test = await asAdminA<WebhookDelivery>('POST', `/api/settings/webhooks/${flaky.id}/test`, {});
    expect(test.status).toBe(201);
    expect(test.body).toMatchObject({ status: 'delivered', eventType: 'webhook.test' });
    const request = (await receiver.waitFor('/flaky', 4))[3] as ReceivedWebhook;
    expect(payloadOf(request).type).toBe('webhook.test');
    expect(verifiedAsDocumented(request, rotated.body.secret as string)).toBe(true);
    expect(verifiedAsDocumented(request, flaky.secret as string)).toBe(true);
  });
});
