import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  confirmationLifetimeSeconds,
  newSigningSecret,
  signConfirmationToken,
  verifyConfirmationToken,
} from '../../shared/consents/confirmation-token';

const formId = 'acme.01J9ZK3T5Q8W6N4M2P0R7S9V1X';
const now = new Date('2025-03-01T12:00:00Z');
const claims = {
  contactId: '01J9ZK3T5Q8W6N4M2P0R7S9V2Y',
  consentId: '01J9ZK3T5Q8W6N4M2P0R7S9V3Z',
  expiresAt: now.getTime() / 1000 + confirmationLifetimeSeconds,
};

describe('double opt-in confirmation tokens', () => {
  const secret = newSigningSecret();
  const token = signConfirmationToken(secret, formId, claims);

  it('are URL-safe and verify with the secret and form they were made for', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyConfirmationToken(secret, formId, token, now)).toEqual({ status: 'valid', claims });
  });

  it('expire after a week, still naming their consent', () => {
    const later = new Date((claims.expiresAt + 1) * 1000);
    expect(verifyConfirmationToken(secret, formId, token, later)).toEqual({ status: 'expired', claims });
    const justBefore = new Date((claims.expiresAt - 1) * 1000);
    expect(verifyConfirmationToken(secret, formId, token, justBefore).status).toBe('valid');
  });

  it('are refused with another secret, on another form, or changed in any way', () => {
    const [payload = '', signature = ''] = token.split('.');
    const otherPayload = Buffer.from(
      JSON.stringify({ c: claims.contactId, i: 'SOMEONE_ELSES_CONSENT', e: claims.expiresAt }),
    ).toString('base64url');
    // the first character: the last one of a base64url HMAC also carries padding bits a decoder ignores
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    for (const [what, check] of [
      ['other secret', verifyConfirmationToken(newSigningSecret(), formId, token, now)],
      ['other form', verifyConfirmationToken(secret, 'acme.01J9ZK3T5Q8W6N4M2P0R7S9V9Z', token, now)],
      ['other payload', verifyConfirmationToken(secret, formId, `${otherPayload}.${signature}`, now)],
      ['flipped signature', verifyConfirmationToken(secret, formId, `${payload}.${flipped}`, now)],
      [
        'short signature',
        verifyConfirmationToken(secret, formId, `${payload}.${signature.slice(0, 10)}`, now),
      ],
      ['no signature', verifyConfirmationToken(secret, formId, payload, now)],
      ['three parts', verifyConfirmationToken(secret, formId, `${token}.x`, now)],
      ['garbage', verifyConfirmationToken(secret, formId, '!!!.???', now)],
    ] as const) {
      expect(check, what).toEqual({ status: 'invalid' });
    }
  });

  it('refuse a correctly signed payload that does not name a consent', () => {
    // signed the way the link format is documented: HMAC-SHA256 over "<formId>.<payload>"
    const payload = Buffer.from(JSON.stringify({ c: 1, i: 'x', e: 'soon' })).toString('base64url');
    const signature = createHmac('sha256', secret).update(`${formId}.${payload}`).digest('base64url');
    expect(verifyConfirmationToken(secret, formId, `${payload}.${signature}`, now)).toEqual({
      status: 'invalid',
    });
  });
});
