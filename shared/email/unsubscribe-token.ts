import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What an unsubscribe / preference link names: the contact, and the campaign it came with. */
export interface UnsubscribeClaims {
  workspaceId: string;
  contactId: string;
  campaignId?: string;
}

/** A new secret for the workspace's links (256 bits), kept on the email settings item, never returned. */
export function newLinkSecret(): string {
  return randomBytes(32).toString('base64url');
}

function mac(secret: string, workspaceId: string, payload: string): Buffer {
  // the workspace id is signed too: a token works only in the workspace it was made for
  return createHmac('sha256', secret).update(`${workspaceId}.${payload}`).digest();
}

/**
 * `<workspaceId>.<payload>.<signature>`, base64url parts. Unsubscribe links do not expire: RFC 8058 and the
 * bulk-sender rules want an old message's link to keep working.
 */
export function signUnsubscribeToken(secret: string, claims: UnsubscribeClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ c: claims.contactId, ...(claims.campaignId ? { m: claims.campaignId } : {}) }),
  ).toString('base64url');
  return `${claims.workspaceId}.${payload}.${mac(secret, claims.workspaceId, payload).toString('base64url')}`;
}

/** The workspace a token claims, to find its secret; nothing else in it is trusted before `verifyUnsubscribeToken`. */
export function claimedWorkspace(token: string): string | undefined {
  const [workspaceId, payload, signature, ...rest] = token.split('.');
  return workspaceId && payload && signature && rest.length === 0 ? workspaceId : undefined;
}

/** Checks the signature in constant time; undefined for anything forged, altered or malformed. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaims | undefined {
  const [workspaceId, payload, signature, ...rest] = token.split('.');
  if (!workspaceId || !payload || !signature || rest.length > 0) return undefined;
  const expected = mac(secret, workspaceId, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const { c, m } = (decoded ?? {}) as Record<string, unknown>;
  if (typeof c !== 'string' || (m !== undefined && typeof m !== 'string')) return undefined;
  return { workspaceId, contactId: c, ...(typeof m === 'string' ? { campaignId: m } : {}) };
}
