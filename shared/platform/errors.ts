/**
 * One error hierarchy for the whole API. `code` is namespaced and stable (clients branch on it);
 * `message` is safe to show to a user; `detail` is for logs only and never leaves the server.
 */
export const errorMessages = {
  'request.invalid': 'Some fields are not valid.',
  'request.malformed_json': 'The request body is not valid JSON.',
  'request.unsupported_media_type': 'Send the request body as application/json.',
  'request.too_large': 'The request body is larger than 256 KB.',
  'request.precondition_required': 'Send the record version in an If-Match header to change it.',
  'request.invalid_cursor': 'The pagination cursor is not valid. Start again from the first page.',
  'auth.unauthorized': 'Sign in to continue.',
  'auth.forbidden': 'Your role does not allow this action.',
  'route.not_found': 'There is no such endpoint.',
  'contact.not_found': 'This contact does not exist.',
  'contact.email_exists': 'Another contact already has this email address.',
  'contact.version_conflict': 'Someone else changed this contact. Reload it and try again.',
  'company.not_found': 'This company does not exist.',
  'company.version_conflict': 'Someone else changed this company. Reload it and try again.',
  'company.has_too_many_contacts':
    'This company has too many linked contacts to delete at once. Unlink them first.',
  'field.not_found': 'This custom field does not exist.',
  'field.exists': 'A custom field with this key already exists.',
  'field.version_conflict': 'Someone else changed this custom field. Reload it and try again.',
  // --- webhooks: intake and shops ---
  'webhook.bad_signature': 'The webhook signature is missing, expired or does not match the secret.',
  'webhook.unknown_connection': 'There is no shop connection at this webhook address.',
  'webhook.malformed': 'The webhook body is not a valid delivery for its topic.',
  'webhook.too_large': 'The webhook body is larger than 1 MB.',
  'webhook.not_found': 'This webhook delivery does not exist.',
  'shop.not_found': 'This shop connection does not exist.',
  'shop.version_conflict': 'Someone else changed this shop connection. Reload it and try again.',
  'shop.secret_from_shopify':
    'A Shopify connection uses the secret Shopify shows you: enter the new one in its settings instead.',
  // --- lists ---
  'list.not_found': 'This list does not exist.',
  'list.version_conflict': 'Someone else changed this list. Reload it and try again.',
  'list.name_exists': 'Another list already has this name.',
  'list.limit_reached': 'A workspace can have at most 50 lists. Delete one first.',
  'list.member_not_found': 'This contact is not on this list.',
  // --- webhooks: forms ---
  'form.not_found': 'This form does not exist.',
  'form.version_conflict': 'Someone else changed this form. Reload it and try again.',
  'form.origin_not_allowed': 'This form cannot be posted from this website.',
  'consent.not_found': 'There is no consent to confirm here any more.',
  'consent.link_invalid': 'This confirmation link is not valid. Use the link from the email as it is.',
  'consent.link_expired': 'This confirmation link has expired. Please fill in the form again.',
  // --- outbound webhooks ---
  'subscription.not_found': 'This webhook subscription does not exist.',
  'subscription.version_conflict': 'Someone else changed this webhook subscription. Reload it and try again.',
  'subscription.limit_reached': 'A workspace can have at most 20 webhook subscriptions. Delete one first.',
  'delivery.not_found': 'This webhook delivery does not exist.',
  'delivery.in_progress': 'This delivery is being sent right now. Try again in a minute.',
  'server.internal': 'Something went wrong on our side. Please try again.',
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
    readonly extra: { fields?: FieldErrors; existingId?: string; detail?: string } = {},
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
export function toErrorResponse(error: unknown): { statusCode: number; body: ErrorBody } {
  if (error instanceof AppError) return { statusCode: error.statusCode, body: error.toBody() };
  return {
    statusCode: 500,
    body: { error: { code: 'server.internal', message: errorMessages['server.internal'] } },
  };
}
