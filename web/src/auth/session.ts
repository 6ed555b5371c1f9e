import { type AuthContext, authFromClaims } from '../../../shared/platform/auth';
import { jwtClaims } from './jwt-claims';

export interface Session {
  /** The ID token, sent as the bearer token. */
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: AuthContext;
}

/** A session from a token; the user comes from the claims the API itself reads (same claim names). */
export function sessionFromToken(token: string, expiresAt?: string): Session {
  const claims = jwtClaims(token);
  const expiry = expiresAt
    ? Date.parse(expiresAt)
    : typeof claims.exp === 'number'
      ? claims.exp * 1000
      : Number.NaN;
  if (Number.isNaN(expiry)) throw new Error('The token has no expiry.');
  return { token, expiresAt: expiry, user: authFromClaims(claims) };
}

/** What is kept in storage: the token and its expiry, nothing the token does not already say. */
export function storedSessionText(session: Session): string {
  return JSON.stringify({ token: session.token, expiresAt: session.expiresAt });
}

/** The session kept in storage, if it is still one: anything unreadable or expired is no session. */
export function sessionFromStorage(stored: string | null, now: number): Session | null {
  try {
    const value: unknown = JSON.parse(stored ?? 'null');
    if (typeof value !== 'object' || value === null || !('token' in value) || !('expiresAt' in value)) {
      return null;
    }
    if (typeof value.token !== 'string' || typeof value.expiresAt !== 'number') return null;
    const session = sessionFromToken(value.token, new Date(value.expiresAt).toISOString());
    return session.expiresAt > now ? session : null;
  } catch {
    return null;
  }
}
