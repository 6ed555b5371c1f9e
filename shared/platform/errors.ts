/**
 * One error hierarchy for the whole API. `code` is namespaced and stable (clients branch on it);
 * `message` is safe to show to a user; `detail` is for logs only and never leaves the server.
 */
import { companiesErrors } from '../companies/companies-errors';
import { contactsErrors } from '../contacts/contacts-errors';
import { customFieldsErrors } from '../custom-fields/custom-fields-errors';
import { formsErrors } from '../forms/forms-errors';
import { listsErrors } from '../lists/lists-errors';
import { outboundWebhooksErrors } from '../outbound-webhooks/outbound-webhooks-errors';
import { shopsErrors } from '../shops/shops-errors';
import { webhooksErrors } from '../webhooks/webhooks-errors';

/** The codes of the platform itself: request parsing, sign-in, routing and server faults. */
export const platformErrors = {
  'request.invalid': 'Some fields are not valid.',
  'request.malformed_json': 'The request body is not valid JSON.',
  'request.unsupported_media_type': 'Send the request body as application/json.',
  'request.too_large': 'The request body is larger than 256 KB.',
  'request.precondition_required': 'Send the record version in an If-Match header to change it.',
  'request.invalid_cursor': 'The pagination cursor is not valid. Start again from the first page.',
  'auth.unauthorized': 'Sign in to continue.',
  'auth.forbidden': 'Your role does not allow this action.',
  'request.origin_not_verified': 'Call the API at its public address.',
  'route.not_found': 'There is no such endpoint.',
  'server.internal': 'Something went wrong on our side. Please try again.',
} as const satisfies Record<string, string>;

/**
 * Every code the API answers with: the platform's and each capability's own (declared in its folder as
 * `<capability>-errors.ts`). One exhaustive catalogue, so a code is never answered without its text.
 */
export const errorMessages = {
  ...platformErrors,
  ...contactsErrors,
  ...companiesErrors,
  ...customFieldsErrors,
  ...webhooksErrors,
  ...shopsErrors,
  ...listsErrors,
  ...formsErrors,
  ...outboundWebhooksErrors,
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof errorMessages;
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
        message: errorMessages[this.code],
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
  constructor(code: 'request.malformed_json' | 'request.invalid_cursor', detail?: string) {
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
  constructor(code: ErrorCode, extra: { existingId?: string; detail?: string } = {}) {
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
    body: { error: { code: 'server.internal', message: errorMessages['server.internal'] } },
  };
}
