/**
 * One error hierarchy for the whole API. `code` is namespaced and stable (clients branch on it);
 * `message` is safe to show to a user; `detail` is for logs only and never leaves the server.
 */
import type { errorMessages } from './error-catalogue';

/** The codes of the platform itself: request parsing, sign-in, routing and server faults. */
export const platformErrors = {
  'request.invalid': 'Some fields are not valid.',
  'request.malformed_json': 'The request body is not valid JSON.',
  'request.too_deep': 'The request body nests objects and arrays more than 64 levels deep.',
  'request.unsupported_media_type': 'Send the request body as application/json.',
  'request.too_large': 'The request body is larger than 256 KB.',
  'request.precondition_required': 'Send the record version in an If-Match header to change it.',
  'request.invalid_cursor': 'The pagination cursor is not valid. Start again from the first page.',
  'request.contended': 'Someone else changed the same records at this moment. Please try again.',
  'auth.unauthorized': 'Sign in to continue.',
  'auth.forbidden': 'Your role does not allow this action.',
  'auth.member_deactivated': 'Your account was deactivated. Ask an admin of your workspace.',
  'auth.local_host_required': 'Sign in to the local CRM at localhost or 127.0.0.1.',
  'request.origin_not_verified': 'Call the API at its public address.',
  'route.not_found': 'There is no such endpoint.',
  'server.internal': 'Something went wrong on our side. Please try again.',
} as const satisfies Record<string, string>;

/** Every code the API answers with: the platform's and each capability's (error-catalogue.ts gathers them). */
export type ErrorCode = keyof typeof errorMessages;
type ErrorMessages = Partial<Record<ErrorCode, string>>;

const knownMessages = new Map<string, string>(Object.entries(platformErrors));

/**
 * Makes the messages of error catalogues known to this Lambda. A capability's API function registers the
 * catalogues its routes answer with (apiRouter's `errors`), so its bundle carries those texts and not every
 * capability's; capability-registry.unit.test.ts checks that each one registers every code its code throws.
 */
export function registerErrorMessages(...catalogues: readonly ErrorMessages[]): void {
  for (const catalogue of catalogues) {
    for (const [code, message] of Object.entries(catalogue)) knownMessages.set(code, message as string);
  }
}

/** What a user is told for a code; a code nobody registered (a bug the unit test prevents) still gets a sentence. */
export function errorMessageOf(code: ErrorCode): string {
  return knownMessages.get(code) ?? 'The request could not be completed.';
}
export type FieldErrors = Record<string, string>;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldErrors; existingId?: string };
}

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly extra: {
      fields?: FieldErrors;
      existingId?: string;
      detail?: string;
      /** Headers the answer carries (`Retry-After` of a 429). */
      headers?: Record<string, string>;
    } = {},
  ) {
    super(extra.detail ?? code);
    this.name = new.target.name;
  }

  toBody(): ErrorBody {
    const { fields, existingId } = this.extra;
    return {
      error: {
        code: this.code,
        message: errorMessageOf(this.code),
        ...(fields ? { fields } : {}),
        ...(existingId ? { existingId } : {}),
      },
    };
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldErrors, detail?: string) {
    super(400, 'request.invalid', { fields, detail });
  }
}
export class BadRequestError extends AppError {
  constructor(
    code: 'request.malformed_json' | 'request.too_deep' | 'request.invalid_cursor',
    detail?: string,
  ) {
    super(400, code, { detail });
  }
}
export class UnauthorizedError extends AppError {
  constructor(detail?: string) {
    super(401, 'auth.unauthorized', { detail });
  }
}
export class ForbiddenError extends AppError {
  constructor(detail?: string) {
    super(403, 'auth.forbidden', { detail });
  }
}
export class NotFoundError extends AppError {
  constructor(code: ErrorCode) {
    super(404, code);
  }
}
export class ConflictError extends AppError {
  constructor(code: ErrorCode, extra: { existingId?: string; fields?: FieldErrors; detail?: string } = {}) {
    super(409, code, extra);
  }
}
export class PayloadTooLargeError extends AppError {
  constructor() {
    super(413, 'request.too_large');
  }
}
export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super(415, 'request.unsupported_media_type');
  }
}
export class PreconditionRequiredError extends AppError {
  constructor() {
    super(428, 'request.precondition_required');
  }
}

/** Anything that is not an AppError is a server fault: a generic 500 with no internals. */
export function toErrorResponse(error: unknown): {
  statusCode: number;
  body: ErrorBody;
  headers?: Record<string, string>;
} {
  if (error instanceof AppError)
    return {
      statusCode: error.statusCode,
      body: error.toBody(),
      ...(error.extra.headers ? { headers: error.extra.headers } : {}),
    };
  return {
    statusCode: 500,
    body: { error: { code: 'server.internal', message: platformErrors['server.internal'] } },
  };
}
