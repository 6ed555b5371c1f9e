import { generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { localAudience, localIssuer } from '../../infra/local/local-auth';
import { claimNames } from '../../shared/platform/auth';
import { maxBodyBytes } from '../../shared/platform/http-handler';
import type { Role } from '../../shared/platform/roles';
import { apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { errorShapeProblem, type RawApi, type RawReply, rawApiAs, send } from '../support/raw-api';

const json = (body: unknown) => JSON.stringify(body);

function expectError(reply: RawReply, status: number, code: string) {
  expect(errorShapeProblem(reply.status, reply.headers, reply.json), reply.text).toBeUndefined();
  expect({ status: reply.status, code: (reply.json as { error: { code: string } }).error.code }).toEqual({
    status,
    code,
  });
}

/** A token the local authorizer did not issue: right claims, signed by another key. */
async function forgedToken(workspaceId: string): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256');
  return new SignJWT({
    [claimNames.workspaceId]: workspaceId,
    [claimNames.groups]: ['admin'],
    token_use: 'id',
  })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('intruder')
    .setIssuer(localIssuer)
    .setAudience(localAudience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

describe('authentication', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a token that is not a JWT', 'Bearer not-a-token'],
    ['a Basic credential', 'Basic YWRtaW46YWRtaW4='],
    ['an empty bearer', 'Bearer '],
  ])('answers 401 auth.unauthorized for %s', async (_what, authorization) => {
    const reply = await send({
      method: 'GET',
      path: '/api/contacts',
      headers: authorization ? { authorization } : {},
    });
    expectError(reply, 401, 'auth.unauthorized');
  });

  it('answers 401 for a token signed by another key, and writes nothing', async () => {
    const workspaceId = newWorkspaceId();
    const token = await forgedToken(workspaceId);
    const reply = await send({
      method: 'POST',
      path: '/api/contacts',
      body: json({ firstName: 'Intruder' }),
      headers: { authorization: `Bearer ${token}` },
    });
    expectError(reply, 401, 'auth.unauthorized');
    expect(await testTable().itemsOf(workspaceId)).toEqual([]);
  });

  it('serves the public routes without a token', async () => {
    const health = await send({ method: 'GET', path: '/api/health' });
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'ok' });
    const openApi = await send({ method: 'GET', path: '/api/openapi.json' });
    expect(openApi.status).toBe(200);
    expect(openApi.json).toMatchObject({ openapi: '3.1.0' });
  });
});

describe('roles', () => {
  const workspaceId = newWorkspaceId();
  const as = (roles: Role[]) => rawApiAs(workspaceId, roles);
  let contactId: string;
  beforeAll(async () => {
    const admin = await apiAs(workspaceId);
    contactId = ((await admin('POST', '/api/contacts', { firstName: 'Ann' })).body as { id: string }).id;
  });

  it.each([
    ['support', 'create a company', ['support'], 'POST', '/api/companies', { name: 'Acme' }],
    ['marketing', 'create a company', ['marketing'], 'POST', '/api/companies', { name: 'Acme' }],
    ['marketing', 'delete a contact', ['marketing'], 'DELETE', '/contact', undefined],
    ['support', 'delete a contact', ['support'], 'DELETE', '/contact', undefined],
    [
      'sales',
      'create a field definition',
      ['sales'],
      'POST',
      '/api/settings/fields',
      { entity: 'contact', key: 'x', label: 'X', type: 'text' },
    ],
    [
      'marketing and support',
      'delete a field definition',
      ['marketing', 'support'],
      'DELETE',
      '/api/settings/fields/contact/x',
      undefined,
    ],
  ] as const)(
    '%s cannot %s: 403 auth.forbidden, nothing written',
    async (_who, _what, roles, method, path, body) => {
      const before = await testTable().itemsOf(workspaceId);
      const call = await as([...roles]);
      const reply = await call({
        method,
        path: path === '/contact' ? `/api/contacts/${contactId}` : path,
        ...(body ? { body: json(body) } : {}),
      });
      expectError(reply, 403, 'auth.forbidden');
      expect(await testTable().itemsOf(workspaceId)).toEqual(before);
    },
  );

  it('lets support create and change contacts, and sales create companies', async () => {
    const support = await as(['support']);
    const created = await support({
      method: 'POST',
      path: '/api/contacts',
      body: json({ firstName: 'Bob' }),
    });
    expect(created.status).toBe(201);
    const sales = await as(['sales']);
    expect(
      (await sales({ method: 'POST', path: '/api/companies', body: json({ name: 'Acme' }) })).status,
    ).toBe(201);
  });

  it('checks the role before the input: a forbidden caller learns nothing about its body', async () => {
    const marketing = await as(['marketing']);
    const reply = await marketing({ method: 'POST', path: '/api/companies', body: '{not json' });
    expectError(reply, 403, 'auth.forbidden');
  });
});

describe('request errors', () => {
  let call: RawApi;
  let workspaceId: string;
  beforeAll(async () => {
    workspaceId = newWorkspaceId();
    call = await rawApiAs(workspaceId);
  });

  it('answers 415 for a body that is not JSON, and writes nothing', async () => {
    const reply = await call({
      method: 'POST',
      path: '/api/contacts',
      body: json({ firstName: 'Ann' }),
      headers: { 'content-type': 'text/plain' },
    });
    expectError(reply, 415, 'request.unsupported_media_type');
    const form = await call({
      method: 'POST',
      path: '/api/contacts',
      body: 'firstName=Ann',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(form, 415, 'request.unsupported_media_type');
    expect(await testTable().itemsBesidesMembersOf(workspaceId)).toEqual([]);
  });

  it('accepts application/json with a charset and +json media types', async () => {
    for (const contentType of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const reply = await call({
        method: 'POST',
        path: '/api/contacts',
        body: json({ firstName: 'Typed' }),
        headers: { 'content-type': contentType },
      });
      expect(reply.status, contentType).toBe(201);
    }
  });

  it.each(['{"firstName":', '{firstName: "Ann"}', "{'a':1}", 'undefined', '\u0000'])(
    'answers 400 request.malformed_json for %j',
    async (body) => {
      const reply = await call({ method: 'POST', path: '/api/companies', body });
      expectError(reply, 400, 'request.malformed_json');
    },
  );

  it('answers 400 request.invalid naming (root) for a missing body', async () => {
    const reply = await call({ method: 'POST', path: '/api/companies' });
    expectError(reply, 400, 'request.invalid');
    expect((reply.json as { error: { fields: object } }).error.fields).toHaveProperty('(root)');
  });

  it('answers 413 for a body over 256 KB, and writes nothing', async () => {
    const before = await testTable().itemsOf(workspaceId);
    const reply = await call({
      method: 'POST',
      path: '/api/contacts',
      body: json({ firstName: 'Big', jobTitle: 'x'.repeat(maxBodyBytes) }),
    });
    expectError(reply, 413, 'request.too_large');
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
  });

  it('takes a body just under 256 KB to validation', async () => {
    const reply = await call({
      method: 'POST',
      path: '/api/contacts',
      body: json({ firstName: 'Big', jobTitle: 'x'.repeat(maxBodyBytes - 100) }),
    });
    expectError(reply, 400, 'request.invalid');
  });

  it.each([
    ['GET', '/api/nothing-here'],
    ['PUT', '/api/contacts'],
    ['DELETE', '/api/contacts'],
    ['GET', '/api/contacts/01J00000000000000000000000/extra'],
    ['POST', '/api/settings/fields/contact'],
    ['GET', '/api'],
  ])('answers 404 route.not_found for %s %s', async (method, path) => {
    const reply = await call({ method, path });
    expectError(reply, 404, 'route.not_found');
  });

  it('refuses unknown and server-owned fields with 400 and stores none of them', async () => {
    const before = await testTable().itemsOf(workspaceId);
    for (const extra of [
      { id: '01J00000000000000000000000' },
      { version: 9 },
      { createdAt: '2020-01-01' },
      { score: 5 },
      { workspaceId: 'other' },
    ]) {
      const reply = await call({
        method: 'POST',
        path: '/api/contacts',
        body: json({ firstName: 'Ann', ...extra }),
      });
      expectError(reply, 400, 'request.invalid');
      expect((reply.json as { error: { fields: object } }).error.fields).toEqual({
        [Object.keys(extra)[0] as string]: 'This field is not allowed here.',
      });
    }
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
  });

  it('names an unknown __proto__ field in the 400 it answers', async () => {
    const reply = await call({
      method: 'POST',
      path: '/api/contacts',
      body: '{"firstName":"Ann","__proto__":{"admin":true}}',
    });
    expectError(reply, 400, 'request.invalid');
    expect(Object.keys((reply.json as { error: { fields: object } }).error.fields)).toEqual(['__proto__']);
  });

  it('refuses a __proto__ key in customFields instead of dropping it silently', async () => {
    const reply = await call({
      method: 'POST',
      path: '/api/contacts',
      body: '{"firstName":"Ann","customFields":{"__proto__":{"admin":true}}}',
    });
    expect(reply.status, reply.text).toBe(400);
    expectError(reply, 400, 'request.invalid');
  });

  it('gives every error the {error:{code,message}} shape with the catalogue message', async () => {
    const replies = await Promise.all([
      send({ method: 'GET', path: '/api/contacts' }),
      call({ method: 'GET', path: '/api/contacts?limit=0' }),
      call({ method: 'GET', path: '/api/contacts?cursor=x' }),
      call({ method: 'GET', path: '/api/contacts/01J00000000000000000000000' }),
      call({ method: 'GET', path: '/api/companies/01J00000000000000000000000' }),
      call({
        method: 'PATCH',
        path: '/api/settings/fields/contact/none',
        body: json({ label: 'X' }),
        headers: { 'if-match': '"1"' },
      }),
      call({
        method: 'PATCH',
        path: '/api/contacts/01J00000000000000000000000',
        body: json({ firstName: 'X' }),
      }),
      call({ method: 'POST', path: '/api/contacts', body: '[' }),
      call({ method: 'GET', path: '/api/unknown' }),
    ]);
    expect(replies.map((reply) => reply.status)).toEqual([401, 400, 400, 404, 404, 404, 428, 400, 404]);
    for (const reply of replies) {
      expect(errorShapeProblem(reply.status, reply.headers, reply.json), reply.text).toBeUndefined();
      expect(reply.text).not.toMatch(/stack|Exception|at \//);
    }
  });
});
