import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  parseSeedSignature,
  seedSignatureHeader,
  verifyGenericSignature,
} from '../../shared/shops/generic-shop-webhook';
import { verifyShopifySignature } from '../../shared/shops/shopify-webhook';
import { verifyWooSignature } from '../../shared/shops/woocommerce-webhook';
import {
  decodeBase64Header,
  digestsEqual,
  hmacSha256,
  matchesAnySecret,
} from '../../shared/webhooks/signatures';
import { WebhookSignatureError } from '../../shared/webhooks/webhook-errors';
import { fixture, shopifyTestSecret, wooTestSecret } from '../support/shop-webhooks';

vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const request = (body: Buffer, headers: Record<string, string>) => ({ headers, body });

/** The header values documented in the fixtures' headers.md, computed there with the test secrets. */
const documented = [
  ['shopify/orders-create.body', 'R8gv/GIK6Lh8rv8lmuiWaRTGjvSNVSdzFGX+Ns8TM90='],
  ['shopify/checkouts-create.body', 'NJK5kyxvu8OX2Dp0N66NLBxdpshqrSR1siSg9Fc1HAk='],
  ['shopify/customers-create.body', 'Xzf2xOT0UnEB4KYeSCUNFYc1xvT9T4y2cOgP5uGmOB8='],
  ['shopify/customers-create.pre-2025-01.body', 'zqa84+9leLiXj5+Ol8yrfoYANwBsNB6+YwA18T9xr0E='],
] as const;

describe('Shopify X-Shopify-Hmac-Sha256', () => {
  it.each(documented)('accepts %s with its documented header value', (file, header) => {
    const body = fixture(file);
    expect(hmacSha256(shopifyTestSecret, body).toString('base64')).toBe(header);
    expect(() =>
      verifyShopifySignature(request(body, { 'x-shopify-hmac-sha256': header }), [shopifyTestSecret]),
    ).not.toThrow();
  });

  it('finds the header whatever its case was (the request layer lower-cases names)', () => {
    const body = fixture('shopify/orders-create.body');
    const headers = { 'x-shopify-hmac-sha256': ' R8gv/GIK6Lh8rv8lmuiWaRTGjvSNVSdzFGX+Ns8TM90= ' };
    expect(() => verifyShopifySignature(request(body, headers), [shopifyTestSecret])).not.toThrow();
  });

  it('refuses a header computed with another secret', () => {
    const body = fixture('shopify/orders-create.body');
    const header = hmacSha256('another-secret-entirely', body).toString('base64');
    expect(() =>
      verifyShopifySignature(request(body, { 'x-shopify-hmac-sha256': header }), [shopifyTestSecret]),
    ).toThrow(WebhookSignatureError);
  });

  it('refuses the body parsed and re-serialised (the classic framework bug)', () => {
    const body = Buffer.from(
      JSON.stringify(JSON.parse(fixture('shopify/orders-create.body').toString('utf8'))),
    );
    const headers = { 'x-shopify-hmac-sha256': 'R8gv/GIK6Lh8rv8lmuiWaRTGjvSNVSdzFGX+Ns8TM90=' };
    expect(() => verifyShopifySignature(request(body, headers), [shopifyTestSecret])).toThrow(
      WebhookSignatureError,
    );
  });

  it.each([
    ['missing', {}],
    ['empty', { 'x-shopify-hmac-sha256': '' }],
    ['not base64', { 'x-shopify-hmac-sha256': 'not base64 at all!' }],
    [
      'hex instead of base64',
      { 'x-shopify-hmac-sha256': hmacSha256(shopifyTestSecret, 'x').toString('hex') },
    ],
    ['truncated', { 'x-shopify-hmac-sha256': 'R8gv/GIK6Lh8rv8lmuiWaRTG' }],
  ])('refuses a header that is %s, with a 401 and no other error', (_what, headers) => {
    const body = fixture('shopify/orders-create.body');
    expect(() => verifyShopifySignature(request(body, headers), [shopifyTestSecret])).toThrow(
      WebhookSignatureError,
    );
  });

  it('accepts the previous secret during a rotation', () => {
    const body = fixture('shopify/orders-create.body');
    const headers = { 'x-shopify-hmac-sha256': 'R8gv/GIK6Lh8rv8lmuiWaRTGjvSNVSdzFGX+Ns8TM90=' };
    expect(() =>
      verifyShopifySignature(request(body, headers), ['the-new-secret-after-rotation', shopifyTestSecret]),
    ).not.toThrow();
  });
});

describe('WooCommerce X-WC-Webhook-Signature', () => {
  it('accepts order-created.body with its documented header value', () => {
    const body = fixture('woocommerce/order-created.body');
    const headers = { 'x-wc-webhook-signature': 'VYN24lQNisLHw1hsUblRPx9khmTSfn+m5+ceJmYx17w=' };
    expect(() => verifyWooSignature(request(body, headers), [wooTestSecret])).not.toThrow();
  });

  it('refuses the pretty-printed form of the same data (different bytes, different signature)', () => {
    const body = Buffer.from(
      JSON.stringify(JSON.parse(fixture('woocommerce/order-created.body').toString('utf8')), null, 2),
    );
    const headers = { 'x-wc-webhook-signature': 'VYN24lQNisLHw1hsUblRPx9khmTSfn+m5+ceJmYx17w=' };
    expect(() => verifyWooSignature(request(body, headers), [wooTestSecret])).toThrow(WebhookSignatureError);
  });
});

describe('the generic X-Seed-Signature', () => {
  const secret = 'generic-test-secret-0123456789';
  const body = Buffer.from('{"customer":{"email":"ann@example.com"}}');
  const now = new Date('2025-05-14T10:00:00Z');
  const t = Math.floor(now.getTime() / 1000);
  const deliveryId = 'delivery-1';
  const topic = 'customer.created';
  const signed = { timestamp: t, deliveryId, topic, body };
  const headersWith = (signature: string, extra: Record<string, string> = {}) => ({
    'x-seed-signature': signature,
    'x-seed-delivery-id': deliveryId,
    'x-seed-topic': topic,
    ...extra,
  });

  it('is t=<unix>,v2=<hex HMAC-SHA256 of "<t>\\n<delivery id>\\n<topic>\\n<body>">', () => {
    const expected = crypto
      .createHmac('sha256', secret)
      .update(`${t}\n${deliveryId}\n${topic}\n`)
      .update(body)
      .digest('hex');
    expect(seedSignatureHeader(secret, signed)).toBe(`t=${t},v2=${expected}`);
    expect(parseSeedSignature(`t=${t},v2=${expected}`)).toEqual({
      timestamp: t,
      signatures: [expected],
      legacy: false,
    });
  });

  it('accepts a fresh signature, and one of several v2 values', () => {
    const header = seedSignatureHeader(secret, signed);
    expect(() => verifyGenericSignature(request(body, headersWith(header)), [secret], now)).not.toThrow();
    const withOld = `t=${t},v2=${'0'.repeat(64)},${header.split(',')[1]}`;
    expect(() => verifyGenericSignature(request(body, headersWith(withOld)), [secret], now)).not.toThrow();
  });

  it.each([
    ['older than 5 minutes', -301],
    ['more than 5 minutes ahead', 301],
  ])('refuses a timestamp %s', (_what, offset) => {
    const header = seedSignatureHeader(secret, { ...signed, timestamp: t + offset });
    expect(() => verifyGenericSignature(request(body, headersWith(header)), [secret], now)).toThrow(
      /5 minutes/,
    );
  });

  it.each(['', 'v2=abc', 't=abc,v2=00', `t=${t}`, `t=${t},v2=zz`])('refuses the header %j', (header) => {
    expect(() => verifyGenericSignature(request(body, headersWith(header)), [secret], now)).toThrow(
      WebhookSignatureError,
    );
  });

  it('binds the timestamp: the same digest under another t is refused', () => {
    const digest = seedSignatureHeader(secret, signed).split(',')[1];
    expect(() =>
      verifyGenericSignature(request(body, headersWith(`t=${t - 10},${digest}`)), [secret], now),
    ).toThrow(WebhookSignatureError);
  });

  it.each([
    ['delivery id', { 'x-seed-delivery-id': 'delivery-2' }],
    ['topic', { 'x-seed-topic': 'order.created' }],
  ])('binds the %s: a captured delivery replayed with another one is refused', (_what, changed) => {
    const header = seedSignatureHeader(secret, signed);
    expect(() => verifyGenericSignature(request(body, headersWith(header, changed)), [secret], now)).toThrow(
      /does not match/,
    );
  });

  it('refuses a v1 signature (timestamp and body only), even a correct one', () => {
    const v1 = crypto.createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
    expect(() =>
      verifyGenericSignature(request(body, headersWith(`t=${t},v1=${v1}`)), [secret], now),
    ).toThrow(/v1 no longer counts/);
  });
});

describe('constant-time comparison', () => {
  it('compares equal-length digests with crypto.timingSafeEqual', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    const digest = hmacSha256('k', 'm');
    expect(digestsEqual(Buffer.from(digest), digest)).toBe(true);
    expect(digestsEqual(hmacSha256('k', 'other'), digest)).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('still makes one comparison when the lengths differ, and refuses', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    expect(digestsEqual(Buffer.alloc(3), hmacSha256('k', 'm'))).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('tries every secret, so the time taken does not tell which one matched', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    const given = hmacSha256('first-secret', 'm');
    expect(matchesAnySecret(given, 'm', ['first-secret', 'second-secret'])).toBe(true);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('decodes only strict base64 headers', () => {
    expect(decodeBase64Header('AAEC')).toEqual(Buffer.from([0, 1, 2]));
    expect(decodeBase64Header('AAE')).toHaveLength(0);
    expect(decodeBase64Header('AA-C')).toHaveLength(0);
    expect(decodeBase64Header(undefined)).toHaveLength(0);
  });
});
