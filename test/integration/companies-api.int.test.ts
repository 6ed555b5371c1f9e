import { describe, expect, it } from 'vitest';
import type { Company } from '../../shared/companies/company';
import type { Contact } from '../../shared/contacts/contact';
import { type Api, apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { errorOf } from '../support/raw-api';

type Page<T> = { items: T[]; nextCursor?: string };

async function createdCompany(api: Api, body: Record<string, unknown>): Promise<Company> {
  const reply = await api<Company>('POST', '/api/companies', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

async function createdContact(api: Api, body: Record<string, unknown>): Promise<Contact> {
  const reply = await api<Contact>('POST', '/api/contacts', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

describe('companies API', () => {
  it('creates a company with a normalised domain and country, and reads it back', async () => {
    const api = await apiAs(newWorkspaceId());
    const reply = await api<Company>('POST', '/api/companies', {
      name: '  Acme Ltd ',
      domain: 'https://www.Acme.example.com/about',
      website: 'https://acme.example.com',
      country: 'gb',
      tags: ['Customer'],
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('etag')).toBe('"1"');
    expect(reply.headers.get('location')).toBe(`/api/companies/${reply.body.id}`);
    expect(reply.body).toMatchObject({
      name: 'Acme Ltd',
      domain: 'acme.example.com',
      country: 'GB',
      tags: ['customer'],
      customFields: {},
      version: 1,
    });
    const read = await api<Company>('GET', `/api/companies/${reply.body.id}`);
    expect(read.body).toEqual(reply.body);
  });

  it('refuses a website that is not http(s) and writes nothing', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const reply = await api('POST', '/api/companies', { name: 'Acme', website: 'javascript:alert(1)' });
    expect(reply.status).toBe(400);
    expect(errorOf(reply).fields).toEqual({ website: 'Enter a full web address, e.g. https://example.com.' });
    expect(await testTable().itemsBesidesMembersOf(workspaceId)).toEqual([]);
  });

  it('takes only an assigned ISO 3166 country code, and says so on the field', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const message = 'This is not a country code. Use a two-letter ISO 3166 code, e.g. DE for Germany.';
    for (const country of ['XX', 'GERMANY', 'UK']) {
      const reply = await api('POST', '/api/companies', { name: 'Acme', country });
      expect(reply.status, country).toBe(400);
      expect(errorOf(reply).fields).toEqual({ country: message });
    }
    expect(await testTable().itemsBesidesMembersOf(workspaceId)).toEqual([]);
    const georgian = await createdCompany(api, { name: 'Tbilisi Tea', country: 'ge' });
    expect(georgian.country).toBe('GE');
    const patched = await api(
      'PATCH',
      `/api/companies/${georgian.id}`,
      { country: 'XX' },
      { 'if-match': '"1"' },
    );
    expect(patched.status).toBe(400);
    expect(errorOf(patched).fields).toEqual({ country: message });
  });

  it('lists newest first, by tag and by name prefix', async () => {
    const api = await apiAs(newWorkspaceId());
    const acme = await createdCompany(api, { name: 'Åcme Corp', tags: ['vip'] });
    const apex = await createdCompany(api, { name: 'Apex', tags: ['vip', 'lead'] });
    const zeta = await createdCompany(api, { name: 'Zeta' });
    const list = async (query: string) =>
      (await api<Page<Company>>('GET', `/api/companies${query}`)).body.items.map((company) => company.id);
    expect(await list('')).toEqual([zeta.id, apex.id, acme.id]);
    expect(await list('?tag=vip')).toEqual([apex.id, acme.id]);
    expect(await list('?tag=lead')).toEqual([apex.id]);
    expect((await list('?q=a')).sort()).toEqual([acme.id, apex.id].sort());
    expect(await list('?q=ACME%20c')).toEqual([acme.id]);
  });

  it('changes a company over its version, re-indexing its name and tags', async () => {
    const api = await apiAs(newWorkspaceId());
    const acme = await createdCompany(api, { name: 'Acme', tags: ['vip'], city: 'Leeds' });
    const changed = await api<Company>(
      'PATCH',
      `/api/companies/${acme.id}`,
      { name: 'Borealis', tags: ['lead'], city: null },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.body).toMatchObject({ name: 'Borealis', tags: ['lead'], version: 2 });
    expect(changed.body).not.toHaveProperty('city');
    const ids = async (query: string) =>
      (await api<Page<Company>>('GET', `/api/companies${query}`)).body.items.map((company) => company.id);
    expect(await ids('?q=acme')).toEqual([]);
    expect(await ids('?q=bor')).toEqual([acme.id]);
    expect(await ids('?tag=vip')).toEqual([]);
    expect(await ids('?tag=lead')).toEqual([acme.id]);
  });

  it('checks If-Match: 409 when stale, 428 when missing; neither writes', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const acme = await createdCompany(api, { name: 'Acme' });
    expect(
      (await api('PATCH', `/api/companies/${acme.id}`, { city: 'York' }, { 'if-match': '"1"' })).status,
    ).toBe(200);
    const before = await testTable().itemsOf(workspaceId);
    const stale = await api('PATCH', `/api/companies/${acme.id}`, { city: 'Hull' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('company.version_conflict');
    const missing = await api('PATCH', `/api/companies/${acme.id}`, { city: 'Hull' });
    expect(missing.status).toBe(428);
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
  });

  it('unlinks its contacts when deleted: their companyId goes and their version moves on', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const acme = await createdCompany(api, { name: 'Acme', tags: ['vip'] });
    const other = await createdCompany(api, { name: 'Other' });
    const ann = await createdContact(api, { firstName: 'Ann', companyId: acme.id });
    const bob = await createdContact(api, { firstName: 'Bob', companyId: acme.id });
    const cat = await createdContact(api, { firstName: 'Cat', companyId: other.id });

    const deleted = await api('DELETE', `/api/companies/${acme.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    const gone = await api('GET', `/api/companies/${acme.id}`);
    expect(gone.status).toBe(404);
    expect(errorOf(gone).code).toBe('company.not_found');

    for (const contact of [ann, bob]) {
      const read = await api<Contact>('GET', `/api/contacts/${contact.id}`);
      expect(read.body).not.toHaveProperty('companyId');
      expect(read.body.version).toBe(2);
      expect(read.headers.get('etag')).toBe('"2"');
    }
    expect((await api<Contact>('GET', `/api/contacts/${cat.id}`)).body).toMatchObject({
      companyId: other.id,
      version: 1,
    });

    const items = await testTable().itemsOf(workspaceId);
    expect(items.filter((item) => String(item.gsi3pk ?? '').includes(acme.id))).toEqual([]);
    expect(items.filter((item) => String(item.pk).includes(`COMPANY#${acme.id}`))).toEqual([]);
    expect((await api<Page<Company>>('GET', '/api/companies?tag=vip')).body.items).toEqual([]);

    const unlinked = await api(
      'PATCH',
      `/api/contacts/${ann.id}`,
      { jobTitle: 'Buyer' },
      { 'if-match': '"2"' },
    );
    expect(unlinked.status).toBe(200);
  });

  it('answers 404 for deleting a company twice', async () => {
    const api = await apiAs(newWorkspaceId());
    const acme = await createdCompany(api, { name: 'Acme' });
    expect((await api('DELETE', `/api/companies/${acme.id}`)).status).toBe(204);
    const again = await api('DELETE', `/api/companies/${acme.id}`);
    expect(again.status).toBe(404);
    expect(errorOf(again).code).toBe('company.not_found');
  });

  it('links a contact to a company it can then be moved away from', async () => {
    const api = await apiAs(newWorkspaceId());
    const acme = await createdCompany(api, { name: 'Acme' });
    const ann = await createdContact(api, { firstName: 'Ann', companyId: acme.id });
    const moved = await api<Contact>(
      'PATCH',
      `/api/contacts/${ann.id}`,
      { companyId: null },
      { 'if-match': '"1"' },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).not.toHaveProperty('companyId');
    expect((await api('DELETE', `/api/companies/${acme.id}`)).status).toBe(204);
    expect((await api<Contact>('GET', `/api/contacts/${ann.id}`)).body.version).toBe(2);
  });

  it('stores a maximum-length name of characters that expand when normalised, or refuses it with 400', async () => {
    const api = await apiAs(newWorkspaceId());
    const reply = await api('POST', '/api/companies', { name: '\ufdfa'.repeat(200) });
    expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(500);
    if (reply.status >= 400) expect(errorOf(reply).code).toBe('request.invalid');
  });
});
