import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contact';
import type { FieldDefinition } from '../../shared/custom-fields/field-definition';
import { type Api, apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { errorOf } from '../support/raw-api';

const definitions = [
  { entity: 'contact', key: 'tier', label: 'Tier', type: 'select', options: ['gold', 'silver'] },
  { entity: 'contact', key: 'seats', label: 'Seats', type: 'number' },
  { entity: 'contact', key: 'renewal', label: 'Renewal', type: 'date' },
  { entity: 'contact', key: 'active', label: 'Active', type: 'boolean' },
  { entity: 'contact', key: 'note', label: 'Note', type: 'text' },
  { entity: 'company', key: 'region', label: 'Region', type: 'text', required: true },
];

async function define(api: Api, body: Record<string, unknown>): Promise<FieldDefinition> {
  const reply = await api<FieldDefinition>('POST', '/api/settings/fields', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

describe('custom field definitions', () => {
  let api: Api;
  let workspaceId: string;
  beforeAll(async () => {
    workspaceId = newWorkspaceId();
    api = await apiAs(workspaceId);
    for (const definition of definitions) await define(api, definition);
  });

  it('lists the definitions, all or of one entity', async () => {
    const all = await api<{ items: FieldDefinition[] }>('GET', '/api/settings/fields');
    expect(all.status).toBe(200);
    expect(all.body.items.map((item) => `${item.entity}/${item.key}`).sort()).toEqual(
      definitions.map((item) => `${item.entity}/${item.key}`).sort(),
    );
    const contact = await api<{ items: FieldDefinition[] }>('GET', '/api/settings/fields?entity=contact');
    expect(contact.body.items).toHaveLength(5);
    expect(contact.body.items.find((item) => item.key === 'seats')).toEqual({
      entity: 'contact',
      key: 'seats',
      label: 'Seats',
      type: 'number',
      required: false,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('answers 409 field.exists for a key that is taken, and writes nothing', async () => {
    const before = await testTable().itemsOf(workspaceId);
    const reply = await api('POST', '/api/settings/fields', {
      entity: 'contact',
      key: 'tier',
      label: 'Other',
      type: 'text',
    });
    expect(reply.status).toBe(409);
    expect(errorOf(reply).code).toBe('field.exists');
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
  });

  it('lets the same key exist once per entity', async () => {
    await define(api, { entity: 'company', key: 'note', label: 'Note', type: 'text' });
    expect((await api('DELETE', '/api/settings/fields/company/note')).status).toBe(204);
  });

  it('stores valid values of every type on a contact', async () => {
    const reply = await api<Contact>('POST', '/api/contacts', {
      firstName: 'Ann',
      customFields: { tier: 'gold', seats: 12, renewal: '2024-02-29', active: true, note: '  hello ' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.customFields).toEqual({
      tier: 'gold',
      seats: 12,
      renewal: '2024-02-29',
      active: true,
      note: 'hello',
    });
  });

  it.each([
    ['tier', 'bronze'],
    ['seats', 'twelve'],
    ['renewal', '2025-02-30'],
    ['renewal', '30/01/2025'],
    ['active', 'yes'],
    ['note', 42],
    ['unknown', 'x'],
  ])('refuses %s = %j on a contact, naming the field, and writes nothing', async (key, value) => {
    const before = await testTable().itemsOf(workspaceId);
    const reply = await api('POST', '/api/contacts', { firstName: 'Bad', customFields: { [key]: value } });
    expect(reply.status).toBe(400);
    expect(Object.keys(errorOf(reply).fields ?? {})).toEqual([`customFields.${key}`]);
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
  });

  it('refuses a number a DynamoDB number cannot hold with 400, not 500', async () => {
    for (const seats of [1e200, -1e200, 1e-200]) {
      const reply = await api('POST', '/api/contacts', { firstName: 'Huge', customFields: { seats } });
      expect(reply.status, `${seats}: ${JSON.stringify(reply.body)}`).toBe(400);
      expect(errorOf(reply).fields).toHaveProperty('customFields.seats');
    }
  });

  it('requires a required field on create', async () => {
    const missing = await api('POST', '/api/companies', { name: 'Acme' });
    expect(missing.status).toBe(400);
    expect(errorOf(missing).fields).toEqual({ 'customFields.region': 'Region is required.' });
    const given = await api('POST', '/api/companies', { name: 'Acme', customFields: { region: 'EU' } });
    expect(given.status).toBe(201);
    const cleared = await api(
      'PATCH',
      `/api/companies/${(given.body as { id: string }).id}`,
      { customFields: { region: null } },
      { 'if-match': '"1"' },
    );
    expect(cleared.status).toBe(400);
    expect(errorOf(cleared).fields).toEqual({ 'customFields.region': 'Region is required.' });
  });

  it('clears a value with null and keeps the others', async () => {
    const created = await api<Contact>('POST', '/api/contacts', {
      firstName: 'Cleo',
      customFields: { tier: 'silver', seats: 3 },
    });
    const patched = await api<Contact>(
      'PATCH',
      `/api/contacts/${created.body.id}`,
      { customFields: { tier: null, active: false } },
      { 'if-match': '"1"' },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.customFields).toEqual({ seats: 3, active: false });
  });

  it('keeps a yes/no field left out unset, and a null removes a yes or a no', async () => {
    const created = await api<Contact>('POST', '/api/contacts', {
      firstName: 'Dana',
      customFields: { note: 'hi' },
    });
    expect(created.status).toBe(201);
    expect(created.body.customFields).toEqual({ note: 'hi' });
    const path = `/api/contacts/${created.body.id}`;
    const no = await api<Contact>('PATCH', path, { customFields: { active: false } }, { 'if-match': '"1"' });
    expect(no.body.customFields).toEqual({ note: 'hi', active: false });
    const unset = await api<Contact>(
      'PATCH',
      path,
      { customFields: { active: null } },
      { 'if-match': '"2"' },
    );
    expect(unset.status).toBe(200);
    expect(unset.body.customFields).toEqual({ note: 'hi' });
    expect((await api<Contact>('GET', path)).body.customFields).toEqual({ note: 'hi' });
  });
});

describe('custom fields that repeat a built-in field', () => {
  it.each([
    [
      'company',
      { key: 'sector', label: 'Industry' },
      { label: 'Industry is a built-in company field. Choose another label.' },
    ],
    [
      'company',
      { key: 'industry', label: 'Sector' },
      { key: 'Industry is a built-in company field. Choose another key.' },
    ],
    [
      'company',
      { key: 'x_country', label: '  COUNTRY ' },
      { label: 'Country is a built-in company field. Choose another label.' },
    ],
    [
      'contact',
      { key: 'job_title', label: 'Jöb Títle' },
      {
        label: 'Job title is a built-in contact field. Choose another label.',
        key: 'Job title is a built-in contact field. Choose another key.',
      },
    ],
    [
      'contact',
      { key: 'mail', label: 'E-mail' },
      { label: 'Email is a built-in contact field. Choose another label.' },
    ],
  ])(
    'refuses a %s field %j with 409 naming the built-in field, and writes nothing',
    async (entity, names, fields) => {
      const workspaceId = newWorkspaceId();
      const api = await apiAs(workspaceId);
      const reply = await api('POST', '/api/settings/fields', { entity, type: 'text', ...names });
      expect(reply.status).toBe(409);
      expect(errorOf(reply)).toMatchObject({ code: 'field.built_in', fields });
      expect(await testTable().itemsBesidesMembersOf(workspaceId)).toEqual([]);
    },
  );

  it("allows another entity's built-in name, and refuses a rename onto a built-in label", async () => {
    const api = await apiAs(newWorkspaceId());
    // companies have no job title of their own, contacts no industry
    await define(api, { entity: 'company', key: 'job_title', label: 'Job title', type: 'text' });
    const sector = await define(api, { entity: 'contact', key: 'industry', label: 'Industry', type: 'text' });
    expect(sector.key).toBe('industry');
    const renamed = await api(
      'PATCH',
      '/api/settings/fields/contact/industry',
      { label: 'first name' },
      { 'if-match': '"1"' },
    );
    expect(renamed.status).toBe(409);
    expect(errorOf(renamed)).toMatchObject({
      code: 'field.built_in',
      fields: { label: 'First name is a built-in contact field. Choose another label.' },
    });
  });
});

describe('changing and removing a definition', () => {
  it('changes the label and required flag over the version', async () => {
    const api = await apiAs(newWorkspaceId());
    await define(api, { entity: 'contact', key: 'tier', label: 'Tier', type: 'select', options: ['gold'] });
    const changed = await api<FieldDefinition>(
      'PATCH',
      '/api/settings/fields/contact/tier',
      { label: 'Customer tier', options: ['gold', 'silver'] },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.body).toMatchObject({
      label: 'Customer tier',
      options: ['gold', 'silver'],
      type: 'select',
      version: 2,
    });
    expect(changed.body).not.toHaveProperty('pk');

    const stale = await api(
      'PATCH',
      '/api/settings/fields/contact/tier',
      { label: 'Old' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('field.version_conflict');
    const missing = await api('PATCH', '/api/settings/fields/contact/tier', { label: 'X' });
    expect(missing.status).toBe(428);
  });

  it('refuses options on a field that is not a select, and writes nothing', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    await define(api, { entity: 'contact', key: 'seats', label: 'Seats', type: 'number' });
    const before = await testTable().itemsOf(workspaceId);
    const reply = await api(
      'PATCH',
      '/api/settings/fields/contact/seats',
      { options: ['a'] },
      { 'if-match': '"1"' },
    );
    expect(reply.status).toBe(400);
    expect(errorOf(reply).fields).toEqual({ options: 'Only select fields have options.' });
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
  });

  it('answers 404 field.not_found for an unknown entity or key', async () => {
    const api = await apiAs(newWorkspaceId());
    for (const path of ['/api/settings/fields/deal/tier', '/api/settings/fields/contact/nothing']) {
      const patched = await api('PATCH', path, { label: 'X' }, { 'if-match': '"1"' });
      expect(patched.status).toBe(404);
      expect(errorOf(patched).code).toBe('field.not_found');
      const deleted = await api('DELETE', path);
      expect(deleted.status).toBe(404);
      expect(errorOf(deleted).code).toBe('field.not_found');
    }
  });

  it('answers 404, not 500, for a key longer than any key can be', async () => {
    const api = await apiAs(newWorkspaceId());
    const path = `/api/settings/fields/contact/${'k'.repeat(1100)}`;
    const patched = await api('PATCH', path, { label: 'X' }, { 'if-match': '"1"' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(404);
    const deleted = await api('DELETE', path);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(404);
  });

  it('deletes a definition: 204, then 404; its values are dropped at the next custom-field change', async () => {
    const api = await apiAs(newWorkspaceId());
    await define(api, { entity: 'contact', key: 'tier', label: 'Tier', type: 'text' });
    await define(api, { entity: 'contact', key: 'seats', label: 'Seats', type: 'number' });
    const ann = await api<Contact>('POST', '/api/contacts', {
      firstName: 'Ann',
      customFields: { tier: 'gold', seats: 2 },
    });
    expect(ann.status).toBe(201);
    expect((await api('DELETE', '/api/settings/fields/contact/tier')).status).toBe(204);
    expect((await api('DELETE', '/api/settings/fields/contact/tier')).status).toBe(404);

    const refused = await api('POST', '/api/contacts', { firstName: 'Bob', customFields: { tier: 'gold' } });
    expect(errorOf(refused).fields).toEqual({
      'customFields.tier': 'There is no custom field with this key.',
    });
    const changed = await api<Contact>(
      'PATCH',
      `/api/contacts/${ann.body.id}`,
      { customFields: { seats: 3 } },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.customFields).toEqual({ seats: 3 });
  });
});
