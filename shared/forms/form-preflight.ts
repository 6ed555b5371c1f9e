import { NotFoundError } from '../platform/errors';
import type { ApiResult } from '../platform/http-handler';
import type { Store } from '../store/store';
import { parseFormId } from './form-id';
import { checkOrigin } from './form-intake';
import type { FormDefinition } from './form-item';
import { getFormDefinition } from './forms-store';

type Headers = Record<string, string | undefined>;

/** Request headers a script may send with a form post (besides the CORS-safelisted ones). */
const allowedRequestHeaders = ['content-type', 'idempotency-key'];
const preflightMaxAgeSeconds = 600;

/**
 * The CORS headers of an answer to a page's script: its origin may read the answer when the form takes
 * posts from it (a form with no allowed origins takes posts from any page).
 */
export function formCorsHeaders(
  form: Pick<FormDefinition, 'allowedOrigins'>,
  origin: string | undefined,
): Record<string, string> {
  const normalised = origin?.trim().toLowerCase();
  if (!normalised) return {};
  const allowed = form.allowedOrigins.length === 0 || form.allowedOrigins.includes(normalised);
  return allowed ? { 'access-control-allow-origin': normalised, vary: 'Origin' } : {};
}

/**
 * The browser's preflight before a script posts JSON (or sends Idempotency-Key) to a form: 204 with the
 * CORS headers for a page the form takes posts from; 403 for another origin, 404 for no such form.
 */
export async function preflightForm(store: Store, formId: string, headers: Headers): Promise<ApiResult> {
  const ref = parseFormId(formId);
  if (!ref) throw new NotFoundError('form.not_found');
  const form = await getFormDefinition(store, ref);
  checkOrigin(form, headers.origin);
  const requested = (headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => allowedRequestHeaders.includes(name));
  return {
    statusCode: 204,
    headers: {
      ...formCorsHeaders(form, headers.origin),
      'access-control-allow-methods': 'POST',
      ...(requested.length > 0 ? { 'access-control-allow-headers': requested.join(', ') } : {}),
      'access-control-max-age': String(preflightMaxAgeSeconds),
    },
  };
}
