import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { contactsErrors } from '../../shared/contacts/contacts-errors';
import { outboundWebhooksErrors } from '../../shared/outbound-webhooks/outbound-webhooks-errors';
import { errorMessages } from '../../shared/platform/error-catalogue';
import {
  AppError,
  BadRequestError,
  ConflictError,
  type ErrorCode,
  errorMessageOf,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionRequiredError,
  registerErrorMessages,
  toErrorResponse,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../shared/platform/errors';
import { fieldErrorsOf } from '../../shared/platform/validation';

describe('error catalogue', () => {
  beforeAll(() => registerErrorMessages(contactsErrors));

  it('has a user-facing message for every code, in namespaced form', () => {
    for (const [code, message] of Object.entries(errorMessages)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z_]+$/);
      expect(message.trim().length).toBeGreaterThan(10);
      expect(message).toMatch(/[.!?]$/);
    }
  });

  it("knows the platform's texts, and a capability's once its API function registers them", () => {
    expect(errorMessageOf('route.not_found')).toBe(errorMessages['route.not_found']);
    expect(errorMessageOf('subscription.limit_reached')).toBe('The request could not be completed.');
    registerErrorMessages(outboundWebhooksErrors);
    expect(errorMessageOf('subscription.limit_reached')).toBe(errorMessages['subscription.limit_reached']);
  });

  it.each([
    [new ValidationError({ name: 'Required.' }), 400, 'request.invalid'],
    [new BadRequestError('request.malformed_json'), 400, 'request.malformed_json'],
    [new BadRequestError('request.too_deep'), 400, 'request.too_deep'],
    [new BadRequestError('request.invalid_cursor'), 400, 'request.invalid_cursor'],
    [new UnauthorizedError(), 401, 'auth.unauthorized'],
    [new ForbiddenError(), 403, 'auth.forbidden'],
    [new NotFoundError('contact.not_found'), 404, 'contact.not_found'],
    [new ConflictError('contact.email_exists'), 409, 'contact.email_exists'],
    [new PayloadTooLargeError(), 413, 'request.too_large'],
    [new UnsupportedMediaTypeError(), 415, 'request.unsupported_media_type'],
    [new PreconditionRequiredError(), 428, 'request.precondition_required'],
  ] as const)('%s answers %i %s', (error, status, code) => {
    expect(toErrorResponse(error)).toEqual({
      statusCode: status,
      body: {
        error: {
          code,
          message: errorMessages[code as ErrorCode],
          ...('fields' in error.extra ? { fields: error.extra.fields } : {}),
        },
      },
    });
  });

  it('shows fields and the existing id, never the internal detail', () => {
    const response = toErrorResponse(
      new ConflictError('contact.email_exists', { existingId: '01J0', detail: 'transaction cancelled at 1' }),
    );
    expect(response.body).toEqual({
      error: {
        code: 'contact.email_exists',
        message: errorMessages['contact.email_exists'],
        existingId: '01J0',
      },
    });
    expect(JSON.stringify(response)).not.toContain('transaction');
  });

  it.each([
    ['an Error', new Error('ResourceNotFoundException: table seed-crm at arn:aws:dynamodb:...')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'pk')")],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['an object that looks like an AppError', { statusCode: 400, code: 'request.invalid', message: 'x' }],
  ])('turns %s into a generic 500 without internals', (_what, error) => {
    const response = toErrorResponse(error);
    expect(response).toEqual({
      statusCode: 500,
      body: { error: { code: 'server.internal', message: errorMessages['server.internal'] } },
    });
  });

  it('names its subclasses for the logs', () => {
    expect(new ForbiddenError('roles x').name).toBe('ForbiddenError');
    expect(new ForbiddenError('roles x')).toBeInstanceOf(AppError);
    expect(new ForbiddenError('roles x').message).toBe('roles x');
  });
});

describe('fieldErrorsOf', () => {
  const schema = z.strictObject({
    name: z.string().check(z.minLength(1, 'Give a name.')),
    tags: z.optional(z.array(z.string().check(z.maxLength(3, 'Short tags.')))),
    nested: z.optional(z.strictObject({ size: z.number() })),
  });
  const fields = (input: unknown) => {
    const result = schema.safeParse(input);
    if (result.success) throw new Error('expected a failure');
    return fieldErrorsOf(result.error);
  };

  it('names each bad field by its path, with the first message', () => {
    expect(fields({ name: '', tags: ['ok', 'long'], nested: { size: 'x' } })).toEqual({
      name: 'Give a name.',
      'tags.1': 'Short tags.',
      'nested.size': 'Enter a number.',
    });
  });

  it('names each unknown field, nested ones by their path', () => {
    expect(fields({ name: 'a', id: 1, version: 2, nested: { size: 1, extra: true } })).toEqual({
      id: 'This field is not allowed here.',
      version: 'This field is not allowed here.',
      'nested.extra': 'This field is not allowed here.',
    });
  });

  it('puts problems of the whole input under (root)', () => {
    expect(fields(null)).toEqual({ '(root)': 'Enter an object.' });
  });

  it('names an unknown __proto__ field instead of answering a 400 that names nothing', () => {
    const input = JSON.parse('{"name":"a","__proto__":{"admin":true}}');
    expect(Object.keys(fields(input))).toEqual(['__proto__']);
  });
});
