import { AppError, type FieldErrors } from '../platform/errors';

/** 401: the signature is missing, stale or wrong. The reason stays in the log. */
export class WebhookSignatureError extends AppError {
  constructor(detail: string) {
    super(401, 'webhook.bad_signature', { detail });
  }
}

/** 400: the body is not a delivery of its topic (not JSON, missing fields, unknown topic header...). */
export class MalformedWebhookError extends AppError {
  constructor(detail: string, fields?: FieldErrors) {
    super(400, 'webhook.malformed', { detail, ...(fields ? { fields } : {}) });
  }
}

export class WebhookTooLargeError extends AppError {
  constructor() {
    super(413, 'webhook.too_large');
  }
}
