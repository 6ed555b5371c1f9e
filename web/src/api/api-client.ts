import { etagOf } from '../../../shared/platform/versioning';
import { currentSession, endSession } from '../auth/session-store';
import { ApiError, apiErrorFrom } from './api-error';

export type QueryParams = Record<string, string | number | undefined>;

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  /** The record version the change is based on, sent as `If-Match`. */
  version?: number;
  signal?: AbortSignal;
}

export function withQuery(path: string, query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The one way the app calls the API: adds the bearer token, turns error bodies into `ApiError`, and
 * ends the session on a 401 so the sign-in page takes over (it remembers where the user was).
 */
export async function apiRequest<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const session = currentSession();
  const headers = new Headers({ Accept: 'application/json' });
  if (session) headers.set('Authorization', `Bearer ${session.token}`);
  if (request.body !== undefined) headers.set('Content-Type', 'application/json');
  if (request.version !== undefined) headers.set('If-Match', etagOf(request.version));
  let response: Response;
  try {
    response = await fetch(withQuery(path, request.query), {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new ApiError(0, 'network.unreachable');
  }
  if (response.status === 401 && session) endSession('expired');
  if (!response.ok) throw await apiErrorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
