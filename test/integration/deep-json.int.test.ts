import { beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../shared/forms/form';
import { maxJsonDepth } from '../../shared/platform/json-body';
import { type Api, apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { errorShapeProblem, type RawApi, rawApiAs, send } from '../support/raw-api';

/**
 * Bodies nested deeper than any schema, through the real local API: a 400 with the error shape at any
 * depth that fits in the body limit (never a 500 from a stack overflow), and nothing written.
 */
const nested = (depth: number, inner = '1') => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;
const arrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('deeply nested JSON bodies', () => {
  let api: Api;
  let raw: RawApi;
  let workspaceId: string;
  let form: Form;
  beforeAll(async () => {
    workspaceId = newWorkspaceId('deep');
    api = await apiAs(workspaceId);
    raw = await rawApiAs(workspaceId);
    const created = await api<Form>('POST', '/api/settings/forms', {
      name: 'Newsletter',
      fields: [
        { name: 'email', target: 'email' },
        { name: 'first_name', target: 'firstName' },
      ],
      tags: [],
      consent: { text: 'Yes, send me the newsletter.', doubleOptIn: false },
    });
    expect(created.status).toBe(201);
    form = created.body;
  });

  it.each([
    ['tags nested 8,000 deep', `{"firstName":"Ann","tags":${arrays(8000)}}`],
    ['a 250 KB body of arrays', arrays(125_000)],
    ['one level over the limit', `{"firstName":"Ann","tags":${arrays(maxJsonDepth)}}`],
  ])('POST /api/contacts answers %s with 400 request.too_deep', async (_what, body) => {
    const before = await testTable().itemsOf(workspaceId);
    const reply = await raw({ method: 'POST', path: '/api/contacts', body });
    expect(reply.status, reply.text.slice(0, 200)).toBe(400);
    expect(errorShapeProblem(reply.status, reply.headers, reply.json)).toBeUndefined();
    expect((reply.json as { error: { code: string } }).error.code).toBe('request.too_deep');
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
  });

  it('the public form route answers a 240 KB post nested 20,000 deep with 400 request.too_deep', async () => {
    const body = `{"email":"ann@example.com","first_name":${nested(20_000, `"${'x'.repeat(140_000)}"`)}}`;
    expect(body.length).toBeGreaterThan(240_000);
    const reply = await send({
      method: 'POST',
      path: `/api/webhooks/forms/${form.id}`,
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status, reply.text.slice(0, 200)).toBe(400);
    expect((reply.json as { error: { code: string } }).error.code).toBe('request.too_deep');
  });

  it('still takes a body nested as deep as the limit allows (it is then refused by its schema)', async () => {
    const reply = await raw({
      method: 'POST',
      path: '/api/contacts',
      body: `{"firstName":"Ann","tags":${arrays(maxJsonDepth - 1)}}`,
    });
    expect(reply.status).toBe(400);
    expect((reply.json as { error: { code: string } }).error.code).toBe('request.invalid');
  });
});
