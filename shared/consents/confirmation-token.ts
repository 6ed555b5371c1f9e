import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a double opt-in link names: the consent record to confirm, and until when the link works. */
export interface ConfirmationClaims {
  contactId: string;
  consentId: string;
  /** Epoch seconds. */
  expiresAt: number;
}

export type TokenCheck =
  | { status: 'valid'; claims: ConfirmationClaims }
  | { status: 'expired'; claims: ConfirmationClaims }
  | { status: 'invalid' };

/** A confirmation link works for a week: long enough for a mailbox checked on Mondays. */
export const confirmationLifetimeSeconds = 7 * 24 * 60 * 60;

/** A new signing secret for a form (256 bits), kept on the form item and never returned by the API. */
export function newSigningSecret(): string {
  return randomBytes(32).toString('base64url');
}

function mac(secret: string, formId: string, payload: string): Buffer {
  // the form id is signed too, so a token works only on the form it was made for
  return createHmac('sha256', secret).update(`${formId}.${payload}`).digest();
}

/** `<payload>.<signature>`, both base64url: URL-safe as it is, no escaping needed in the link. */
export function signConfirmationToken(secret: string, formId: string, claims: ConfirmationClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ c: claims.contactId, i: claims.consentId, e: claims.expiresAt }),
  ).toString('base64url');
  return `${payload}.${mac(secret, formId, payload).toString('base64url')}`;
}

/**
 * Checks a token's signature in constant time, then its expiry. An expired token still names its consent,
 * so a link followed twice after expiry can say "already confirmed" instead of "expired".
 */
export function verifyConfirmationToken(
  secret: string,
  formId: string,
  token: string,
  now: Date,
): TokenCheck {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return { status: 'invalid' };
  const expected = mac(secret, formId, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 'invalid' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { status: 'invalid' };
  }
  const { c, i, e } = (decoded ?? {}) as Record<string, unknown>;
  if (typeof c !== 'string' || typeof i !== 'string' || typeof e !== 'number') return { status: 'invalid' };
  const claims = { contactId: c, consentId: i, expiresAt: e };
  return now.getTime() / 1000 >= e ? { status: 'expired', claims } : { status: 'valid', claims };
}
