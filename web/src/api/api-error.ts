import { errorMessages } from '../../../shared/platform/error-catalogue';
import type { ErrorCode, FieldErrors } from '../../../shared/platform/errors';

/** Failures the browser sees that never reach the API. */
const clientErrorMessages = {
  'network.unreachable': 'Cannot reach Seed CRM. Check your connection and try again.',
} as const satisfies Record<string, string>;

export type ClientErrorCode = keyof typeof clientErrorMessages;
export type ApiErrorCode = ErrorCode | ClientErrorCode;

const userMessages: Record<ApiErrorCode, string> = { ...errorMessages, ...clientErrorMessages };

/** An API failure as the UI branches on it: the stable `code`, a message for people, per-field messages. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly fields: FieldErrors = {},
    readonly existingId?: string,
  ) {
    super(userMessages[code]);
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorMessages, value);
}

function isFieldErrors(value: unknown): value is FieldErrors {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((message) => typeof message === 'string')
  );
}

/** Gateways answer some failures themselves (e.g. `{"message":"Unauthorized"}`): fall back on the status. */
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'auth.unauthorized';
  if (status === 403) return 'auth.forbidden';
  if (status === 404) return 'route.not_found';
  if (status === 413) return 'request.too_large';
  if (status === 428) return 'request.precondition_required';
  return 'server.internal';
}

export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
  if (typeof error !== 'object' || error === null || !('code' in error) || !isErrorCode(error.code)) {
    return new ApiError(response.status, codeForStatus(response.status));
  }
  const fields = 'fields' in error && isFieldErrors(error.fields) ? error.fields : undefined;
  const existingId =
    'existingId' in error && typeof error.existingId === 'string' ? error.existingId : undefined;
  return new ApiError(response.status, error.code, fields, existingId);
}

/** A message for any error a query or mutation can throw. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : userMessages['server.internal'];
}
