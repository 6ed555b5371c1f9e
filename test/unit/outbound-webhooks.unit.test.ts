import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../infra/local/event-bus/event-pattern-matcher';
import { payloadOf } from '../../shared/outbound-webhooks/outbound-deliveries';
import { maxAttempts, nextAttemptAfter, retryDelaysMs } from '../../shared/outbound-webhooks/retry-schedule';
import { httpWebhookSender } from '../../shared/outbound-webhooks/send-webhook';
import {
  type DeliveryRecord,
  deliveryIdOf,
  deliveryOf,
  newDeliveryRecord,
  withAttempt,
} from '../../shared/outbound-webhooks/webhook-deliveries-store';
import {
  deliverableEventPattern,
  subscribesTo,
  webhookEventTypes,
} from '../../shared/outbound-webhooks/webhook-event-types';
import {
  WebhookEventTypes,
  WebhookSubscriptionInput,
} from '../../shared/outbound-webhooks/webhook-subscription';
import {
  type SubscriptionRecord,
  signingSecrets,
} from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import {
  isAllowedAddress,
  strictUrlPolicy,
  webhookUrlProblem,
} from '../../shared/outbound-webhooks/webhook-url-policy';
import { registry } from '../../shared/registry/capability-registry';

const local = { allowLoopback: true };
const minute = 60_000;

describe('webhook URL policy (SSRF)', () => {
  it.each([
    'https://hooks.example.com/crm',
    'https://hooks.example.com:8443/x?token=abc',
    'https://93.184.216.34/hook',
    'https://[2606:2800:220:1:248:1893:25c8:1946]/hook',
    'https://xn--bcher-kva.example/',
  ])('accepts %s', (url) => {
    expect(webhookUrlProblem(url, strictUrlPolicy)).toBeUndefined();
  });

  it.each([
    ['plain http', 'http://hooks.example.com/'],
    ['another scheme', 'ftp://hooks.example.com/'],
    ['not a URL', 'hooks.example.com/crm'],
    ['credentials', 'https://user:pass@hooks.example.com/'],
    ['loopback', 'https://127.0.0.1/'],
    ['loopback, another spelling', 'https://127.1/'],
    ['loopback as a number', 'https://2130706433/'],
    ['loopback in hex', 'https://0x7f000001/'],
    ['IPv6 loopback', 'https://[::1]/'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/'],
    ['localhost', 'https://localhost:3000/'],
    ['a .localhost name', 'https://api.localhost/'],
    ['private 10/8', 'https://10.1.2.3/'],
    ['private 172.16/12', 'https://172.20.0.1/'],
    ['private 192.168/16', 'https://192.168.1.10/'],
    ['carrier-grade NAT', 'https://100.64.0.1/'],
    ['link-local (cloud metadata)', 'https://169.254.169.254/latest/meta-data/'],
    ['IPv4-mapped metadata', 'https://[::ffff:169.254.169.254]/'],
    ['unspecified', 'https://0.0.0.0/'],
    ['IPv6 unique local', 'https://[fd00::1]/'],
    ['IPv6 link-local', 'https://[fe80::1]/'],
    ['6to4 (embeds an IPv4 address)', 'https://[2002:7f00:1::]/'],
    ['multicast', 'https://224.0.0.1/'],
    ['a single-label name', 'https://intranet/'],
    ['too long', `https://hooks.example.com/${'x'.repeat(2048)}`],
  ])('refuses %s in production', (_what, url) => {
    expect(webhookUrlProblem(url, strictUrlPolicy)).toEqual(expect.any(String));
  });

  it('admits loopback, over http too, only where the local cloud allows it', () => {
    for (const url of ['http://127.0.0.1:4000/hook', 'http://localhost:4000/', 'https://[::1]/']) {
      expect(webhookUrlProblem(url, local), url).toBeUndefined();
      expect(webhookUrlProblem(url, strictUrlPolicy), url).toEqual(expect.any(String));
    }
    // the local flag opens loopback only: private networks and plain http elsewhere stay refused
    expect(webhookUrlProblem('http://10.0.0.1/', local)).toEqual(expect.any(String));
    expect(webhookUrlProblem('https://169.254.169.254/', local)).toEqual(expect.any(String));
    expect(webhookUrlProblem('http://hooks.example.com/', local)).toEqual(expect.any(String));
  });

  it('judges the addresses a host name resolves to the same way', () => {
    expect(isAllowedAddress('93.184.216.34', strictUrlPolicy)).toBe(true);
    expect(isAllowedAddress('2606:2800:220:1:248:1893:25c8:1946', strictUrlPolicy)).toBe(true);
    for (const address of ['127.0.0.1', '::1', '10.0.0.1', '169.254.169.254', '::ffff:10.0.0.1', 'fd12::1']) {
      expect(isAllowedAddress(address, strictUrlPolicy), address).toBe(false);
    }
    expect(isAllowedAddress('127.0.0.1', local)).toBe(true);
    expect(isAllowedAddress('10.0.0.1', local)).toBe(false);
    expect(isAllowedAddress('not an address', local)).toBe(false);
  });

  it('reads every spelling of an IPv6 address', () => {
    for (const address of [
      '::',
      '0:0:0:0:0:0:0:1',
      '::ffff:7f00:1',
      'FE80::1%eth0',
      '2002::1',
      '64:ff9b::a00:1',
    ]) {
      expect(isAllowedAddress(address, strictUrlPolicy), address).toBe(false);
    }
    for (const address of ['2a00:1450:4001:81c::200e', '2606:4700::6810:84e5']) {
      expect(isAllowedAddress(address, strictUrlPolicy), address).toBe(true);
    }
    for (const junk of ['1::2::3', '12345::', ':::', '1:2:3:4:5:6:7:8:9', '::ffff:300.1.1.1', '10.0.0']) {
      expect(isAllowedAddress(junk, local), junk).toBe(false);
    }
  });

  it('never connects to a refused URL, even one stored before the policy changed', async () => {
    const send = httpWebhookSender({ policy: strictUrlPolicy });
    const result = await send({ url: 'https://169.254.169.254/', headers: {}, body: '{}' });
    expect(result).toMatchObject({ ok: false, durationMs: 0, error: expect.stringMatching(/^Not sent/) });
  });

  it('normalises accepted URLs in the request schema and names the field of a refused one', () => {
    const parsed = WebhookSubscriptionInput.parse({ url: 'HTTPS://Hooks.Example.com', eventTypes: ['*'] });
    expect(parsed).toMatchObject({ url: 'https://hooks.example.com/', active: true });
    const refused = WebhookSubscriptionInput.safeParse({ url: 'https://10.0.0.1/', eventTypes: ['*'] });
    expect(refused.error?.issues.map((issue) => issue.path)).toEqual([['url']]);
  });
});

describe('retry schedule', () => {
  const now = new Date('2026-01-01T00:00:00.000Z');
  const waitAfter = (attempts: number, random = () => 0.5) =>
    nextAttemptAfter(attempts, now, random)?.getTime() ?? 'give up';

  it('waits 1 min, 5 min, 30 min, 2 h, 12 h after attempts 1-5 and gives up after the 6th', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => (waitAfter(attempts) as number) - now.getTime())).toEqual([
      minute,
      5 * minute,
      30 * minute,
      120 * minute,
      720 * minute,
    ]);
    expect(maxAttempts).toBe(6);
    expect(waitAfter(6)).toBe('give up');
    expect(waitAfter(7)).toBe('give up');
  });

  it('spreads each wait by at most ±20%', () => {
    retryDelaysMs.forEach((delay, at) => {
      const low = (waitAfter(at + 1, () => 0) as number) - now.getTime();
      const high = (waitAfter(at + 1, () => 0.999_999) as number) - now.getTime();
      expect(low).toBe(Math.round(delay * 0.8));
      expect(high).toBeLessThanOrEqual(Math.round(delay * 1.2));
      expect(high).toBeGreaterThan(delay);
    });
  });
});

describe('event types', () => {
  it('lists the contract types, and * stands alone', () => {
    expect(webhookEventTypes).toEqual(
      expect.arrayContaining(['contact.created', 'company.deleted', 'tag.added', 'tag.removed']),
    );
    expect(WebhookEventTypes.parse(['contact.created', '*'])).toEqual(['*']);
    expect(WebhookEventTypes.parse(['tag.added', 'tag.added'])).toEqual(['tag.added']);
    expect(WebhookEventTypes.safeParse([]).success).toBe(false);
    expect(WebhookEventTypes.safeParse(['contact.*']).success).toBe(false);
    expect(WebhookEventTypes.safeParse(['webhook.received']).success).toBe(false);
  });

  it('matches a subscription by exact type or *, never the plumbing', () => {
    expect(subscribesTo(['contact.created'], 'contact.created')).toBe(true);
    expect(subscribesTo(['contact.created'], 'contact.updated')).toBe(false);
    expect(subscribesTo(['*'], 'deal.won')).toBe(true);
    expect(subscribesTo(['*'], 'webhook.received')).toBe(false);
    expect(subscribesTo(['*'], 'webhook.test')).toBe(false);
  });

  it('gives the delivery function the rule of webhook-event-types.ts, which skips webhook.* events', () => {
    const deliver = registry.functions.find((fn) => fn.name === 'DeliverOutboundWebhooks');
    expect(deliver?.trigger).toEqual({ kind: 'event', pattern: deliverableEventPattern });
    const event = (type: string, source = 'crm') => ({ source, 'detail-type': type, detail: {} });
    expect(matchesPattern(deliverableEventPattern, event('contact.created'))).toBe(true);
    expect(matchesPattern(deliverableEventPattern, event('form.submitted'))).toBe(true);
    expect(matchesPattern(deliverableEventPattern, event('webhook.received'))).toBe(false);
    expect(matchesPattern(deliverableEventPattern, event('contact.created', 'aws.ses'))).toBe(false);
  });
});

describe('deliveries', () => {
  const eventId = '01JH0000000000000000000000';
  const occurredAt = new Date('2026-03-01T12:00:00.000Z');

  it('has one id per (subscription, event), ordered by the event time', () => {
    const id = deliveryIdOf('sub-a', eventId, occurredAt);
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(deliveryIdOf('sub-a', eventId, occurredAt)).toBe(id);
    expect(deliveryIdOf('sub-b', eventId, occurredAt)).not.toBe(id);
    expect(deliveryIdOf('sub-a', '01JH0000000000000000000001', occurredAt)).not.toBe(id);
    expect(decodeTime(id)).toBe(occurredAt.getTime());
  });

  it('sends the event as {id, type, version, occurredAt, workspaceId, data}', () => {
    const detail = {
      eventId,
      eventVersion: 1,
      workspaceId: 'acme',
      occurredAt: occurredAt.toISOString(),
      contactId: 'c1',
    };
    expect(payloadOf('contact.deleted', detail)).toEqual({
      id: eventId,
      type: 'contact.deleted',
      version: 1,
      occurredAt: occurredAt.toISOString(),
      workspaceId: 'acme',
      data: { contactId: 'c1' },
    });
  });

  const fresh = (): DeliveryRecord =>
    newDeliveryRecord({
      id: deliveryIdOf('sub-a', eventId, occurredAt),
      workspaceId: 'acme',
      subscriptionId: 'sub-a',
      payload: payloadOf('contact.deleted', {
        eventId,
        eventVersion: 1,
        workspaceId: 'acme',
        occurredAt: occurredAt.toISOString(),
      }),
      now: occurredAt,
      lease: 'lease-1',
    });
  const failure = (at: Date) => ({
    at: at.toISOString(),
    trigger: 'retry' as const,
    statusCode: 500,
    durationMs: 12,
  });

  it('starts pending, due at once and leased to its creator', () => {
    const record = fresh();
    expect(record).toMatchObject({
      status: 'pending',
      attemptCount: 0,
      nextAttemptAt: occurredAt.toISOString(),
    });
    expect(Date.parse(record.leaseUntil as string)).toBeGreaterThan(occurredAt.getTime());
    expect(deliveryOf(record)).not.toHaveProperty('lease');
    expect(deliveryOf(record).payload.type).toBe('contact.deleted');
  });

  it('stays pending with a next attempt after a failure, and is failed when there is none', () => {
    const later = new Date(occurredAt.getTime() + minute);
    const retrying = withAttempt(fresh(), failure(later), { delivered: false, nextAttemptAt: later }, later);
    expect(retrying).toMatchObject({
      status: 'pending',
      attemptCount: 1,
      nextAttemptAt: later.toISOString(),
    });
    expect(retrying.version).toBe(2);
    const failed = withAttempt(retrying, failure(later), { delivered: false }, later);
    expect(failed).toMatchObject({ status: 'failed', attemptCount: 2 });
    expect(failed).not.toHaveProperty('nextAttemptAt');
    const delivered = withAttempt(failed, { ...failure(later), statusCode: 204 }, { delivered: true }, later);
    expect(delivered).toMatchObject({
      status: 'delivered',
      deliveredAt: later.toISOString(),
      attemptCount: 3,
    });
    expect(delivered.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 204]);
  });

  it('signs with the previous secret too until it expires', () => {
    const subscription = {
      secret: 'whsec_new',
      previousSecret: 'whsec_old',
      previousSecretExpiresAt: '2026-03-02T00:00:00.000Z',
    } as SubscriptionRecord;
    expect(signingSecrets(subscription, occurredAt)).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecrets(subscription, new Date('2026-03-02T00:00:00.001Z'))).toEqual(['whsec_new']);
  });
});

describe('what the web app may import', () => {
  it('keeps the schemas free of Node built-ins, so the settings page can validate as the API does', () => {
    const dir = join(import.meta.dirname, '..', '..', 'shared', 'outbound-webhooks');
    for (const file of [
      'webhook-subscription.ts',
      'webhook-delivery.ts',
      'webhook-url-policy.ts',
      'webhook-event-types.ts',
      'retry-schedule.ts',
    ]) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/from '(node:|ulid)/);
      expect(source, file).not.toMatch(/from '\.\/(send-webhook|webhook-signature|.*-store|outbound-)/);
    }
  });
});
