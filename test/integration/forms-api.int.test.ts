import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Form, FormEmbed } from '../../shared/forms/form';
import { type Api, apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { errorOf, send } from '../support/raw-api';

/**
 * Forms in settings and the synchronous half of a public form post, on the shared local cloud: what is
 * answered, and what is (not) written before processing. Processing itself is in form-submissions.int.
 */
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'forms');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const urlencoded = 'application/x-www-form-urlencoded';
const ulid = '01J9ZK3T5Q8W6N4M2P0R7S9V1X';

const newsletter = {
  name: 'Newsletter',
  fields: [
    { name: 'email', target: 'email' },
    { name: 'first_name', target: 'firstName' },
  ],
  tags: ['newsletter'],
  consent: { text: 'Ich möchte den Newsletter erhalten.', doubleOptIn: true },
};

async function createForm(api: Api, body: Record<string, unknown> = newsletter): Promise<Form> {
  const reply = await api<Form>('POST', '/api/settings/forms', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

/** A public post: no token, any body, any headers. */
function post(formId: string, body: string, headers: Record<string, string>) {
  return send({ method: 'POST', path: `/api/webhooks/forms/${formId}`, body, headers });
}

const inboxItemsOf = async (workspaceId: string) =>
  (await testTable().itemsOf(workspaceId)).filter((item) => item.entity === 'webhookDelivery');

describe('forms in settings', () => {
  let api: Api;
  let workspaceId: string;
  beforeAll(async () => {
    workspaceId = newWorkspaceId();
    api = await apiAs(workspaceId);
  });

  it('creates a form whose id carries the workspace, with a consent version and no secret', async () => {
    const reply = await api<Form>('POST', '/api/settings/forms', newsletter);
    expect(reply.status).toBe(201);
    expect(reply.headers.get('etag')).toBe('"1"');
    expect(reply.body.id).toMatch(new RegExp(`^${workspaceId}\\.[0-9A-HJKMNP-TV-Z]{26}$`));
    expect(reply.body).toMatchObject({
      ...newsletter,
      consent: { ...newsletter.consent, required: false, version: expect.stringMatching(/^[0-9a-f]{12}$/) },
      allowedOrigins: [],
      honeypotField: 'website',
      submitPath: `/api/webhooks/forms/${reply.body.id}`,
      version: 1,
    });
    expect(JSON.stringify(reply.body)).not.toContain('secret');
    const listed = await api<{ items: Form[] }>('GET', '/api/settings/forms');
    expect(listed.body.items.map((form) => form.id)).toContain(reply.body.id);
    expect(JSON.stringify(listed.body)).not.toContain('secret');
    const read = await api<Form>('GET', `/api/settings/forms/${reply.body.id}`);
    expect(read.body).toEqual(reply.body);
  });

  it('changes a form over its version, and deletes it', async () => {
    const form = await createForm(api);
    const path = `/api/settings/forms/${form.id}`;
    expect((await api('PATCH', path, { name: 'x' })).status).toBe(428);
    const changed = await api<Form>(
      'PATCH',
      path,
      {
        consent: { text: 'New text.', doubleOptIn: false },
        successRedirectUrl: 'https://www.example.com/thanks',
      },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.consent?.version).not.toBe(form.consent?.version);
    expect(changed.body).toMatchObject({ version: 2, successRedirectUrl: 'https://www.example.com/thanks' });
    const stale = await api('PATCH', path, { name: 'Again' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('form.version_conflict');
    const cleared = await api<Form>(
      'PATCH',
      path,
      { successRedirectUrl: null, consent: null },
      { 'if-match': '"2"' },
    );
    expect(cleared.body).not.toHaveProperty('successRedirectUrl');
    expect(cleared.body).not.toHaveProperty('consent');
    expect((await api('DELETE', path)).status).toBe(204);
    expect(errorOf(await api('GET', path)).code).toBe('form.not_found');
    expect((await api('DELETE', path)).status).toBe(404);
  });

  it('validates the mapping against the workspace custom fields', async () => {
    const before = await testTable().itemsOf(workspaceId);
    const unknown = await api('POST', '/api/settings/forms', {
      name: 'Tiers',
      fields: [
        { name: 'email', target: 'email' },
        { name: 'tier', target: 'customFields.tier' },
      ],
    });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).fields).toEqual({
      'fields.1.target': 'There is no contact custom field with this key.',
    });
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
    await api('POST', '/api/settings/fields', {
      entity: 'contact',
      key: 'tier',
      label: 'Tier',
      type: 'text',
    });
    expect(
      (
        await api('POST', '/api/settings/forms', {
          ...newsletter,
          fields: [
            { name: 'email', target: 'email' },
            { name: 'tier', target: 'customFields.tier' },
          ],
        })
      ).status,
    ).toBe(201);
  });

  it('lets admins and marketing write, everyone read, and hides other workspaces', async () => {
    const form = await createForm(api);
    const marketing = await apiAs(workspaceId, ['marketing']);
    expect((await marketing('POST', '/api/settings/forms', newsletter)).status).toBe(201);
    const sales = await apiAs(workspaceId, ['sales']);
    expect((await sales('POST', '/api/settings/forms', newsletter)).status).toBe(403);
    expect((await sales('GET', `/api/settings/forms/${form.id}`)).status).toBe(200);
    const other = await apiAs(newWorkspaceId());
    for (const [method, path] of [
      ['GET', `/api/settings/forms/${form.id}`],
      ['GET', `/api/settings/forms/${form.id}/embed`],
      ['DELETE', `/api/settings/forms/${form.id}`],
    ] as const) {
      const reply = await other(method, path);
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(errorOf(reply).code).toBe('form.not_found');
    }
  });

  it('gives the embed snippet, posting to the configured API address whatever the request says', async () => {
    const form = await createForm(api);
    const local = await api<FormEmbed>('GET', `/api/settings/forms/${form.id}/embed`);
    expect(local.status).toBe(200);
    // the local cloud configures its own address, as the stack configures the distribution's
    expect(local.body.action).toBe(`${inject('apiUrl')}/api/webhooks/forms/${form.id}`);
    expect(local.body.html).toContain(`action="${local.body.action}"`);
    const proxied = await api<FormEmbed>('GET', `/api/settings/forms/${form.id}/embed`, undefined, {
      'x-forwarded-host': 'crm.example.com',
      'x-forwarded-proto': 'https',
    });
    expect(proxied.body.action).toBe(local.body.action);
  });
});

describe('posting a form (the synchronous answer)', () => {
  let workspaceId: string;
  let api: Api;
  let form: Form;
  let redirecting: Form;
  let guarded: Form;
  /**
   * Refused posts go to the forms of a second workspace that never takes a submission: accepted posts
   * are processed asynchronously, so the first workspace's items may change at any time.
   */
  const quiet = { workspaceId: '', form: {} as Form, redirecting: {} as Form, guarded: {} as Form };
  const formsOf = async (of: Api) => ({
    form: await createForm(of),
    redirecting: await createForm(of, {
      ...newsletter,
      successRedirectUrl: 'https://shop.example.com/danke',
    }),
    guarded: await createForm(of, { ...newsletter, allowedOrigins: ['https://shop.example.com'] }),
  });
  beforeAll(async () => {
    workspaceId = newWorkspaceId('form');
    api = await apiAs(workspaceId);
    ({ form, redirecting, guarded } = await formsOf(api));
    quiet.workspaceId = newWorkspaceId('quiet');
    Object.assign(quiet, await formsOf(await apiAs(quiet.workspaceId)));
  });

  it('accepts the JSON fixture with 202 and queues it: one inbox item', async () => {
    const reply = await post(form.id, fixture('newsletter-signup.json'), {
      'content-type': 'application/json',
    });
    expect(reply.status, reply.text).toBe(202);
    expect(reply.json).toEqual({ status: 'accepted', submissionId: expect.stringMatching(/^[0-9A-Z]{26}$/) });
    const inbox = await inboxItemsOf(workspaceId);
    expect(inbox.map((item) => item.inboxId)).toContain(
      (reply.json as { submissionId: string }).submissionId,
    );
  });

  it('sends a browser post (urlencoded) to the success page with 303, or shows a thank-you page', async () => {
    const redirected = await post(redirecting.id, fixture('newsletter-signup.urlencoded'), {
      'content-type': urlencoded,
      accept: 'text/html,application/xhtml+xml',
    });
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('location')).toBe('https://shop.example.com/danke');
    // the JSON fixture's address was sent its confirmation email already: another address
    const page = await post(
      form.id,
      fixture('newsletter-signup.urlencoded').replace('juergen.mueller', 'juergen.page'),
      { 'content-type': urlencoded },
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Thank you');
  });

  it('answers a honeypot hit exactly like a person, and writes nothing to the table', async () => {
    const before = await testTable().itemsOf(quiet.workspaceId);
    const bot = await post(quiet.redirecting.id, fixture('newsletter-signup.spam.urlencoded'), {
      'content-type': urlencoded,
    });
    const botJson = await post(quiet.form.id, fixture('newsletter-signup.spam.json'), {
      'content-type': 'application/json',
    });
    expect(botJson.status).toBe(202);
    expect(botJson.json).toEqual({
      status: 'accepted',
      submissionId: expect.stringMatching(/^[0-9A-Z]{26}$/),
    });
    // a bot counts against the rate limits like a person; nothing else is written
    const withoutCounters = (items: Record<string, unknown>[]) =>
      items.filter((item) => item.entity !== 'rateCounter');
    expect(withoutCounters(await testTable().itemsOf(quiet.workspaceId))).toEqual(withoutCounters(before));
    const human = await post(
      redirecting.id,
      fixture('newsletter-signup.urlencoded').replace('juergen.mueller', 'juergen.human'),
      { 'content-type': urlencoded },
    );
    expect([bot.status, bot.headers.get('location')]).toEqual([human.status, human.headers.get('location')]);
  });

  it('answers 404 for a form that does not exist, whatever its id looks like, and writes nothing', async () => {
    const before = await testTable().itemsOf(quiet.workspaceId);
    for (const formId of [`${quiet.workspaceId}.${ulid}`, 'no-such-form', ulid, `other-ws.${ulid}`]) {
      const reply = await post(formId, fixture('newsletter-signup.json'), {
        'content-type': 'application/json',
      });
      expect(reply.status, formId).toBe(404);
      expect(errorOf({ ...reply, body: reply.json }).code).toBe('form.not_found');
    }
    expect(await testTable().itemsOf(quiet.workspaceId)).toEqual(before);
  });

  it('answers 400 for a malformed body, 415 for another media type, naming the page inputs, and writes nothing', async () => {
    const before = await testTable().itemsOf(quiet.workspaceId);
    const cases: Array<[string, Record<string, string>, number, string]> = [
      ['{"email":', { 'content-type': 'application/json' }, 400, 'request.malformed_json'],
      ['["x"]', { 'content-type': 'application/json' }, 400, 'request.invalid'],
      [
        'email=&first_name=Ann',
        { 'content-type': urlencoded, accept: 'application/json' },
        400,
        'request.invalid',
      ],
      ['email=a@b', { 'content-type': 'text/plain' }, 415, 'request.unsupported_media_type'],
    ];
    for (const [body, headers, status, code] of cases) {
      const reply = await post(quiet.form.id, body, headers);
      expect(reply.status, body).toBe(status);
      expect(errorOf({ ...reply, body: reply.json }).code).toBe(code);
    }
    const invalid = await post(quiet.form.id, 'email=not-an-email&first_name=Ann', {
      'content-type': urlencoded,
      accept: 'application/json',
    });
    expect(errorOf({ ...invalid, body: invalid.json }).fields).toEqual({
      email: 'Enter a valid email address.',
    });
    expect(await testTable().itemsOf(quiet.workspaceId)).toEqual(before);
  });

  it('shows a browser the refusal as a page with the same status', async () => {
    const reply = await post(form.id, 'email=&website=', { 'content-type': urlencoded });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('text/html');
    expect(reply.text).toContain('email: Enter your email address.');
  });

  it('answers 403 to a page of another origin, takes the allowed one (with CORS) and posts without Origin', async () => {
    const before = await testTable().itemsOf(quiet.workspaceId);
    const refused = await post(quiet.guarded.id, fixture('newsletter-signup.json'), {
      'content-type': 'application/json',
      origin: 'https://evil.example.net',
    });
    expect(refused.status).toBe(403);
    expect(errorOf({ ...refused, body: refused.json }).code).toBe('form.origin_not_allowed');
    expect(await testTable().itemsOf(quiet.workspaceId)).toEqual(before);
    const allowed = await post(guarded.id, fixture('newsletter-signup.json'), {
      'content-type': 'application/json',
      origin: 'https://shop.example.com',
    });
    expect(allowed.status).toBe(202);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    const server = await post(
      guarded.id,
      fixture('newsletter-signup.json').replace('juergen.mueller', 'juergen.server'),
      { 'content-type': 'application/json' },
    );
    expect(server.status).toBe(202);
  });

  it("answers a script's preflight: the form's pages (any page when it names none) may post JSON, others not", async () => {
    const preflight = (formId: string, origin: string) =>
      send({
        method: 'OPTIONS',
        path: `/api/webhooks/forms/${formId}`,
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'Content-Type, Idempotency-Key, X-Other',
        },
      });
    const allowed = await preflight(quiet.guarded.id, 'https://shop.example.com');
    expect(allowed.status).toBe(204);
    expect(
      Object.fromEntries([...allowed.headers].filter(([name]) => name.startsWith('access-control'))),
    ).toEqual({
      'access-control-allow-origin': 'https://shop.example.com',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type, idempotency-key',
      'access-control-max-age': '600',
    });
    const other = await preflight(quiet.guarded.id, 'https://evil.example.net');
    expect([other.status, errorOf({ ...other, body: other.json }).code]).toEqual([
      403,
      'form.origin_not_allowed',
    ]);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const open = await preflight(quiet.form.id, 'https://anywhere.example.org');
    expect(open.status).toBe(204);
    expect(open.headers.get('access-control-allow-origin')).toBe('https://anywhere.example.org');
    const missing = await preflight(`${quiet.workspaceId}.${ulid}`, 'https://shop.example.com');
    expect(missing.status).toBe(404);
  });

  it('takes a submission id (field or Idempotency-Key) once: a second post is a no-op with the same answer', async () => {
    const body = JSON.stringify({ email: 'once@example.com', submission_id: 'checkout-2025-0001' });
    const first = await post(form.id, body, { 'content-type': 'application/json' });
    const itemsAfterFirst = await testTable().itemsOf(workspaceId);
    const second = await post(form.id, body, { 'content-type': 'application/json' });
    expect(first.status).toBe(202);
    expect(second.json).toEqual(first.json);
    const keyed = {
      'content-type': urlencoded,
      accept: 'application/json',
      'idempotency-key': 'key-0000-0001',
    };
    const third = await post(form.id, 'email=keyed%40example.com', keyed);
    const fourth = await post(form.id, 'email=keyed%40example.com', keyed);
    expect(fourth.json).toEqual(third.json);
    const inbox = await inboxItemsOf(workspaceId);
    expect(inbox.filter((item) => item.deliveryId === 'checkout-2025-0001')).toHaveLength(1);
    expect(inbox.filter((item) => item.deliveryId === 'key-0000-0001')).toHaveLength(1);
    expect(itemsAfterFirst.length).toBeGreaterThan(0);
  });
});
