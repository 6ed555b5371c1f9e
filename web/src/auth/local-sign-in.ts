import type * as z from 'zod/mini';
import type { LocalTokenRequest } from '../../../shared/platform/local-token-request';
import { apiRequest } from '../api/api-client';
import { type Session, sessionFromToken } from './session';

/** The local cloud's stand-in for Cognito: a signed ID-token-shaped JWT for any workspace and roles. */
export async function requestLocalSession(request: z.input<typeof LocalTokenRequest>): Promise<Session> {
  const { token, expiresAt } = await apiRequest<{ token: string; expiresAt: string }>('/api/local/token', {
    method: 'POST',
    body: request,
  });
  return sessionFromToken(token, expiresAt);
}
