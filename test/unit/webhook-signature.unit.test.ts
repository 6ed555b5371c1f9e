import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  newWebhookSecret,
  signatureHeader,
  signWebhook,
  verifyWebhookSignature,
} from '../../shared/outbound-webhooks/webhook-signature';

const body = '{"id":"evt"}';
const timestamp = 1_700_000_000;

describe('webhook signatures', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the whole secret (pinned)', () => {
    expect(signWebhook('whsec_test', timestamp, body)).toBe(
      'a94cea056df1fbb92eadafcf2c5cd541dbe0c6ef736e4748202dd53f86694a3e',
    );
    // the documented recipe, written out as a receiver would
    const receiver = createHmac('sha256', 'whsec_test').update(`${timestamp}.${body}`).digest('hex');
    expect(signatureHeader(['whsec_test'], timestamp, body)).toBe(`v1=${receiver}`);
  });

  it('makes 32-byte base64url secrets with the whsec_ prefix, never the same twice', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.slice(6), 'base64url')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  const verify = (overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]> = {}) =>
    verifyWebhookSignature({
      secret: 'whsec_test',
      body,
      timestamp: String(timestamp),
      signature: signatureHeader(['whsec_test'], timestamp, body),
      nowSeconds: timestamp + 10,
      ...overrides,
    });

  it('verifies what it signs', () => {
    expect(verify()).toBe(true);
  });

  it.each([
    ['another body', { body: '{"id":"evt2"}' }],
    ['another secret', { secret: 'whsec_other' }],
    ['another timestamp', { timestamp: String(timestamp + 1) }],
    ['a timestamp over 5 minutes old', { nowSeconds: timestamp + 301 }],
    ['a timestamp from the future', { nowSeconds: timestamp - 301 }],
    ['no timestamp', { timestamp: undefined }],
    ['a timestamp that is not a number', { timestamp: '17e8' }],
    ['no signature', { signature: undefined }],
    ['a signature of another scheme', { signature: `v0=${signWebhook('whsec_test', timestamp, body)}` }],
    ['a truncated signature', { signature: `v1=${signWebhook('whsec_test', timestamp, body).slice(0, 40)}` }],
  ])('refuses %s', (_what, overrides) => {
    expect(verify(overrides)).toBe(false);
  });

  it('signs with every secret in use after a rotation, so either verifies', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], timestamp, body);
    expect(header.split(' ')).toHaveLength(2);
    expect(verify({ secret: 'whsec_new', signature: header })).toBe(true);
    expect(verify({ secret: 'whsec_old', signature: header })).toBe(true);
    expect(verify({ secret: 'whsec_other', signature: header })).toBe(false);
  });
});
