import { beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../shared/forms/form';
import { singleLineMessage } from '../../shared/platform/single-line-text';
import type { ShopConnection } from '../../shared/shops/shop-connection';
import { type Api, apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { errorOf, send } from '../support/raw-api';
import { seedHeaders } from '../support/shop-webhooks';

/**
 * Names are one line of text without control or bidi override characters, on every route that takes
 * one ("abc\u202Egnp.exe" shows as "abcexe.png"); a shop's customer name that is not is left out.
 */
const spoofed = 'abc\u202Egnp.exe';

describe('name-like fields refuse control and bidi override characters', () => {
  let api: Api;
  let workspaceId: string;
  beforeAll(async () => {
    workspaceId = newWorkspaceId('names');
    api = await apiAs(workspaceId);
  });

  const consent = { text: 'Yes, send me news.', doubleOptIn: false };
  const form = { name: 'Newsletter', fields: [{ name: 'email', target: 'email' }], tags: [], consent };
  const routes: Array<[string, string, Record<string, unknown>, string]> = [
    ['/api/contacts', 'firstName', { firstName: spoofed }, 'firstName'],
    ['/api/contacts', 'lastName (NUL)', { email: 'nul@example.com', lastName: 'a\u0000b' }, 'lastName'],
    ['/api/contacts', 'jobTitle', { firstName: 'Ann', jobTitle: 'CEO\u2066' }, 'jobTitle'],
    ['/api/contacts', 'a tag', { firstName: 'Ann', tags: ['vip\u202E'] }, 'tags.0'],
    ['/api/companies', 'name', { name: spoofed }, 'name'],
    ['/api/lists', 'name', { name: spoofed }, 'name'],
    ['/api/settings/forms', 'name', { ...form, name: spoofed }, 'name'],
    [
      '/api/settings/fields',
      'label',
      { entity: 'contact', key: 'size', label: spoofed, type: 'text' },
      'label',
    ],
    [
      '/api/settings/webhooks',
      'description',
      { url: 'https://hooks.example.com/crm', eventTypes: ['*'], description: spoofed },
      'description',
    ],
    ['/api/settings/shop-connections', 'name', { provider: 'shop', name: spoofed }, 'name'],
  ];

  it.each(routes)(
    'POST %s answers 400 for a %s with control or bidi characters',
    async (path, _what, body, field) => {
      const before = await testTable().itemsOf(workspaceId);
      const reply = await api('POST', path, body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(400);
      expect(errorOf(reply).fields?.[field]).toBe(singleLineMessage);
      expect(await testTable().itemsOf(workspaceId)).toEqual(before);
    },
  );

  it('still takes names in any script, with direction marks', async () => {
    const reply = await api('POST', '/api/contacts', { firstName: 'محمد', lastName: 'Acme\u200F בע"מ' });
    expect(reply.status).toBe(201);
  });

  it('refuses a public form post whose name field holds a bidi override', async () => {
    const created = await api<Form>('POST', '/api/settings/forms', {
      ...form,
      name: 'Names',
      fields: [
        { name: 'email', target: 'email' },
        { name: 'first_name', target: 'firstName' },
      ],
    });
    expect(created.status).toBe(201);
    const reply = await send({
      method: 'POST',
      path: `/api/webhooks/forms/${created.body.id}`,
      body: JSON.stringify({ email: 'spoof@example.com', first_name: spoofed }),
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status, reply.text).toBe(400);
    expect(errorOf({ ...reply, body: reply.json }).fields).toEqual({ first_name: singleLineMessage });
  });

  it("leaves out a shop customer's name that is not one line, and still files the contact", async () => {
    const connection = await api<ShopConnection>('POST', '/api/settings/shop-connections', {
      provider: 'shop',
      name: 'Own shop',
    });
    expect(connection.status).toBe(201);
    const email = 'shop.spoof@example.com';
    const body = JSON.stringify({ customer: { email, firstName: spoofed, lastName: 'Eric' } });
    const reply = await send({
      method: 'POST',
      path: connection.body.webhookPath,
      body,
      headers: seedHeaders(body, 'customer.created', connection.body.secret as string, 'spoof-1'),
    });
    expect(reply.status, reply.text).toBe(202);
    let contacts: Array<Record<string, unknown>> = [];
    for (let attempt = 0; attempt < 100 && contacts.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      contacts = (await api<{ items: Array<Record<string, unknown>> }>('GET', `/api/contacts?email=${email}`))
        .body.items;
    }
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ email, lastName: 'Eric' });
    expect(contacts[0]).not.toHaveProperty('firstName');
  });
});
