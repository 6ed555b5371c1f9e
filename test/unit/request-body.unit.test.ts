import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { contactsRoutes } from '../../shared/contacts/contacts-routes';
import { readFormFields } from '../../shared/forms/form-intake';
import { errorMessages } from '../../shared/platform/error-catalogue';
import { AppError } from '../../shared/platform/errors';
import { type ApiEvent, apiRouter, implement, readRequestBody } from '../../shared/platform/http-handler';
import { jsonProblemsOf, maxJsonDepth } from '../../shared/platform/json-body';
import { parseJsonBody } from '../../shared/shops/shop-webhook-provider';

/** `[[[...]]]` or `{"a":{"a":...}}` as text: built without recursion, like an attacker's body. */
const nestedText = (depth: number, open = '[', close = ']', inner = '') =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('jsonProblemsOf', () => {
  it('allows nesting up to maxJsonDepth and refuses one level more', () => {
    expect(jsonProblemsOf(JSON.parse(nestedText(maxJsonDepth)))).toBeUndefined();
    expect(jsonProblemsOf(JSON.parse(nestedText(maxJsonDepth + 1)))).toEqual({ tooDeep: true });
  });

  it('walks a value nested 200,000 deep without recursion', () => {
    expect(jsonProblemsOf(JSON.parse(nestedText(200_000)), Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(jsonProblemsOf(JSON.parse(nestedText(200_000, '{"a":', '}', '"\\ud800"')), 1e6)).toEqual({
      tooDeep: false,
      fields: { [Array(200_000).fill('a').join('.')]: 'This text contains invalid characters.' },
    });
  });

  it('names __proto__ keys and text that is not valid Unicode by their path', () => {
    expect(jsonProblemsOf(JSON.parse('{"a":[{"__proto__":1}],"b":"x\\udfff","c":"ok"}'))).toEqual({
      tooDeep: false,
      fields: {
        'a.0.__proto__': 'This field is not allowed here.',
        b: 'This text contains invalid characters.',
      },
    });
    expect(jsonProblemsOf('\ud800')).toEqual({
      tooDeep: false,
      fields: { '(root)': 'This text contains invalid characters.' },
    });
  });
});

describe('readRequestBody', () => {
  const json = (text: string) => Buffer.from(text, 'utf8');

  it.each([
    ['tags nested 8,000 deep', `{"firstName":"Ann","tags":${nestedText(8000)}}`],
    ['a 240 KB body of arrays', nestedText(120_000)],
    ['objects nested 20,000 deep', nestedText(20_000, '{"a":', '}', '1')],
    ['one level over the limit', nestedText(maxJsonDepth + 1)],
  ])('answers %s with 400 request.too_deep', (_what, text) => {
    const error = thrown(() => readRequestBody(json(text), 'application/json'));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('request.too_deep');
    expect(errorMessages['request.too_deep']).toContain(String(maxJsonDepth));
  });

  it('reads a body nested up to the limit', () => {
    expect(readRequestBody(json(nestedText(maxJsonDepth)), 'application/json')).toBeInstanceOf(Array);
  });

  it('reads urlencoded bodies flat, whatever their brackets say', () => {
    const body = `email=a%40example.com&${'['.repeat(50_000)}=x`;
    expect(
      readRequestBody(json(body), 'application/x-www-form-urlencoded', { formUrlEncoded: true }),
    ).toEqual({
      email: 'a@example.com',
      ['['.repeat(50_000)]: 'x',
    });
  });
});

describe('apiRouter with a deeply nested body', () => {
  const context = { functionName: 'test', awsRequestId: 'r-1' } as Context;
  const eventFor = (routeKey: string, body: string, contentType = 'application/json'): ApiEvent =>
    ({
      version: '2.0',
      routeKey,
      rawPath: '/',
      rawQueryString: '',
      headers: { 'content-type': contentType },
      body,
      isBase64Encoded: false,
      requestContext: {
        routeKey,
        requestId: 'r-1',
        http: { method: 'POST', path: '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
        authorizer: {
          jwt: {
            claims: { sub: 'u-1', 'custom:workspaceId': 'acme', 'cognito:groups': '[admin]' },
            scopes: null,
          },
        },
      },
    }) as unknown as ApiEvent;

  it('answers POST /api/contacts with tags nested 8,000 deep with 400, never reaching the handler', async () => {
    const router = apiRouter(
      { CreateContact: contactsRoutes.CreateContact },
      {
        CreateContact: implement(contactsRoutes.CreateContact, () => {
          throw new Error('the handler must not run');
        }),
      },
    );
    const reply = await router(
      eventFor('POST /api/contacts', `{"firstName":"Ann","tags":${nestedText(8000)}}`),
      context,
    );
    expect(reply.statusCode).toBe(400);
    expect(JSON.parse(String(reply.body))).toEqual({
      error: { code: 'request.too_deep', message: errorMessages['request.too_deep'] },
    });
  });
});

describe('public form posts', () => {
  it('answers a 240 KB JSON post nested 20,000 deep with 400 request.too_deep', () => {
    const deep = nestedText(20_000, '{"a":', '}', `"${'x'.repeat(140_000)}"`);
    const text = `{"email":"a@example.com","first_name":${deep}}`;
    expect(text.length).toBeGreaterThan(240_000);
    const error = thrown(() => readFormFields(Buffer.from(text), 'application/json'));
    expect([error.statusCode, error.code]).toEqual([400, 'request.too_deep']);
  });
});

describe('shop webhook bodies', () => {
  it('answers a body nested 100,000 deep with a 400 webhook.malformed', () => {
    const error = thrown(() => parseJsonBody(Buffer.from(`{"a":${nestedText(100_000)}}`)));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('webhook.malformed');
  });
});
