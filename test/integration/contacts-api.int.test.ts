import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contact';
import { listContacts } from '../../shared/contacts/list-contacts';
import { keys } from '../../shared/store/keys';
import { type Api, apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { countingStore } from '../support/counting-store';
import { errorOf } from '../support/raw-api';

type Page = { items: Contact[]; nextCursor?: string };

async function created(api: Api, body: Record<string, unknown>): Promise<Contact> {
  const reply = await api<Contact>('POST', '/api/contacts', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

async function emailItemsOf(workspaceId: string) {
  const prefix = keys.contactEmail(workspaceId, '').pk;
  return (await testTable().itemsOf(workspaceId)).filter((item) => String(item.pk).startsWith(prefix));
}

const idsOf = (page: { items: Contact[] }) => page.items.map((contact) => contact.id);

describe('contacts API', () => {
  let api: Api;
  beforeAll(async () => {
    api = await apiAs(newWorkspaceId());
  });

  it('creates a contact with a normalised email and phone, and reads it back with its version', async () => {
    const created = await api<Contact>('POST', '/api/contacts', {
      firstName: 'Zoë',
      email: '  Zoe@Example.COM ',
      phone: '+44 20 7946 0958',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'zoe@example.com', phone: '+442079460958', version: 1 });
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`/api/contacts/${created.body.id}`);
    const read = await api<Contact>('GET', `/api/contacts/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created.body);
  });

  it('answers 404 contact.not_found for an unknown or malformed id', async () => {
    for (const id of ['01J00000000000000000000000', 'not-an-id']) {
      const reply = await api('GET', `/api/contacts/${id}`);
      expect(reply.status).toBe(404);
      expect(errorOf(reply).code).toBe('contact.not_found');
    }
  });
});

describe('one contact per email in a workspace', () => {
  it('answers 409 with the existing id for the same email, whatever its case', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const first = await created(api, { firstName: 'Ann', email: 'ann@example.com' });
    const before = await testTable().itemsOf(workspaceId);
    for (const email of ['ann@example.com', ' ANN@Example.com ']) {
      const duplicate = await api('POST', '/api/contacts', { firstName: 'Other', email });
      expect(duplicate.status).toBe(409);
      expect(errorOf(duplicate)).toMatchObject({ code: 'contact.email_exists', existingId: first.id });
    }
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
  });

  it('releases the old email and claims the new one when the email changes', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const ann = await created(api, { firstName: 'Ann', email: 'ann@example.com' });
    const changed = await api<Contact>(
      'PATCH',
      `/api/contacts/${ann.id}`,
      { email: 'ann.lee@example.com' },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ email: 'ann.lee@example.com', version: 2 });

    const taker = await created(api, { firstName: 'Other Ann', email: 'ANN@example.com' });
    const blocked = await api('POST', '/api/contacts', { firstName: 'Third', email: 'ann.lee@example.com' });
    expect(blocked.status).toBe(409);
    expect(errorOf(blocked).existingId).toBe(ann.id);
    expect((await emailItemsOf(workspaceId)).map((item) => [item.pk, item.contactId]).sort()).toEqual(
      [
        [keys.contactEmail(workspaceId, 'ann.lee@example.com').pk, ann.id],
        [keys.contactEmail(workspaceId, 'ann@example.com').pk, taker.id],
      ].sort(),
    );
  });

  it('refuses to change an email to one another contact has, and changes nothing', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const ann = await created(api, { firstName: 'Ann', email: 'ann@example.com' });
    const bob = await created(api, { firstName: 'Bob', email: 'bob@example.com' });
    const before = await testTable().itemsOf(workspaceId);
    const reply = await api(
      'PATCH',
      `/api/contacts/${bob.id}`,
      { email: 'Ann@example.com' },
      { 'if-match': '"1"' },
    );
    expect(reply.status).toBe(409);
    expect(errorOf(reply)).toMatchObject({ code: 'contact.email_exists', existingId: ann.id });
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
  });

  it('releases the email when the contact is deleted, or its email cleared', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const ann = await created(api, { firstName: 'Ann', email: 'ann@example.com' });
    expect((await api('DELETE', `/api/contacts/${ann.id}`)).status).toBe(204);
    expect((await api('GET', `/api/contacts/${ann.id}`)).status).toBe(404);
    const again = await created(api, { firstName: 'Ann again', email: 'ann@example.com' });

    const cleared = await api('PATCH', `/api/contacts/${again.id}`, { email: null }, { 'if-match': '"1"' });
    expect(cleared.status).toBe(200);
    const third = await created(api, { firstName: 'Third Ann', email: 'ann@example.com' });
    expect((await emailItemsOf(workspaceId)).map((item) => item.contactId)).toEqual([third.id]);
  });

  it('lets exactly one of two concurrent creates with the same email win', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const replies = await Promise.all(
      ['One', 'Two'].map((firstName) =>
        api<Contact>('POST', '/api/contacts', { firstName, email: 'race@example.com' }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409]);
    const winner = replies.find((reply) => reply.status === 201)?.body as Contact;
    const loser = replies.find((reply) => reply.status === 409);
    expect(errorOf(loser as (typeof replies)[number]).existingId).toBe(winner.id);
    expect((await emailItemsOf(workspaceId)).map((item) => item.contactId)).toEqual([winner.id]);
    const contactItems = (await testTable().itemsOf(workspaceId)).filter((item) => item.sk === 'CONTACT');
    expect(contactItems.map((item) => item.id)).toEqual([winner.id]);
  });

  it('finds the one contact that owns an email with ?email=', async () => {
    const api = await apiAs(newWorkspaceId());
    const ann = await created(api, { firstName: 'Ann', email: 'ann@example.com' });
    await created(api, { firstName: 'Bob', email: 'bob@example.com' });
    const found = await api<Page>('GET', '/api/contacts?email=ANN@example.com');
    expect(found.status).toBe(200);
    expect(idsOf(found.body)).toEqual([ann.id]);
    expect(idsOf((await api<Page>('GET', '/api/contacts?email=nobody@example.com')).body)).toEqual([]);
  });
});

describe('contacts by id (?ids=)', () => {
  const unknownId = '01J00000000000000000000000';

  it("answers the contacts asked for in the order asked, each once, leaving out unknown and other workspaces' ids", async () => {
    const api = await apiAs(newWorkspaceId());
    const other = await apiAs(newWorkspaceId());
    const [ann, bob, cy] = [
      await created(api, { firstName: 'Ann' }),
      await created(api, { firstName: 'Bob' }),
      await created(api, { firstName: 'Cy' }),
    ];
    const theirs = await created(other, { firstName: 'Theirs' });
    const ids = [cy.id, unknownId, ann.id, theirs.id, cy.id, bob.id].join(',');
    const found = await api<Page>('GET', `/api/contacts?ids=${ids}`);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body).toEqual({ items: [cy, ann, bob] });
    // the other workspace, asking for the same ids, finds only its own
    expect(idsOf((await other<Page>('GET', `/api/contacts?ids=${ids}`)).body)).toEqual([theirs.id]);
  });

  it('refuses more than 100 ids, a malformed id, and ids with another filter, naming the field', async () => {
    const api = await apiAs(newWorkspaceId());
    const many = Array.from({ length: 101 }, (_, at) => `01J${String(at).padStart(23, '0')}`);
    for (const query of [
      `ids=${many.join(',')}`,
      `ids=${unknownId},not-an-id`,
      `ids=${unknownId}&q=ann`,
      `ids=${unknownId}&tag=vip`,
      `ids=${unknownId}&ownerId=someone`,
    ]) {
      const reply = await api('GET', `/api/contacts?${query}`);
      expect(reply.status, query).toBe(400);
      expect(errorOf(reply).code).toBe('request.invalid');
      expect(
        Object.keys(errorOf(reply).fields ?? {}).some((field) => field.startsWith('ids')),
        query,
      ).toBe(true);
    }
    // 100 ids (or 101 of which two are the same) are fine
    const hundred = await api<Page>('GET', `/api/contacts?ids=${[...many.slice(0, 100), many[0]].join(',')}`);
    expect(hundred.status, JSON.stringify(hundred.body)).toBe(200);
    expect(hundred.body.items).toEqual([]);
  });

  it('reads them with one BatchGetItem', async () => {
    const { store, sent } = countingStore(inject('dynamoDbEndpoint'), inject('tableName'));
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const contacts = [];
    for (const firstName of ['Ann', 'Bob', 'Cy', 'Dee']) contacts.push(await created(api, { firstName }));
    const ids = contacts.map((contact) => contact.id).reverse();
    sent.length = 0;
    const page = await listContacts({ store }, workspaceId, { limit: 25, ids });
    expect(idsOf(page)).toEqual(ids);
    expect(sent).toEqual(['BatchGetItemCommand']);
  });
});

describe('tags', () => {
  it('reflects tags added and removed in the ?tag= filter', async () => {
    const api = await apiAs(newWorkspaceId());
    const ann = await created(api, { firstName: 'Ann', tags: ['VIP', 'lead'] });
    const bob = await created(api, { firstName: 'Bob', tags: ['lead'] });
    const tagged = async (tag: string) => idsOf((await api<Page>('GET', `/api/contacts?tag=${tag}`)).body);
    expect(await tagged('vip')).toEqual([ann.id]);
    expect(await tagged('lead')).toEqual([bob.id, ann.id]);

    const changed = await api<Contact>(
      'PATCH',
      `/api/contacts/${ann.id}`,
      { tags: ['customer', 'Lead'] },
      { 'if-match': '"1"' },
    );
    expect(changed.body.tags).toEqual(['customer', 'lead']);
    expect(await tagged('vip')).toEqual([]);
    expect(await tagged('customer')).toEqual([ann.id]);
    expect(await tagged('lead')).toEqual([bob.id, ann.id]);
    expect(await tagged('LEAD')).toEqual([bob.id, ann.id]);

    expect((await api('PATCH', `/api/contacts/${bob.id}`, { tags: [] }, { 'if-match': '"1"' })).status).toBe(
      200,
    );
    expect(await tagged('lead')).toEqual([ann.id]);
    expect((await api('DELETE', `/api/contacts/${ann.id}`)).status).toBe(204);
    expect(await tagged('lead')).toEqual([]);
    expect(await tagged('customer')).toEqual([]);
  });
});

describe('name prefix search', () => {
  let api: Api;
  const people: Record<string, Contact> = {};
  beforeAll(async () => {
    api = await apiAs(newWorkspaceId());
    people.zoe = await created(api, { firstName: 'Zoë', lastName: 'Ünal' });
    people.unal = await created(api, { firstName: 'Ünal', lastName: 'Yılmaz' });
    people.zora = await created(api, { firstName: 'ZORA', tags: ['vip'] });
    people.mail = await created(api, { email: 'zed@example.com' });
  });
  const search = async (q: string, extra = '') =>
    idsOf((await api<Page>('GET', `/api/contacts?q=${encodeURIComponent(q)}${extra}`)).body).sort();
  const idsFor = (...names: string[]) => names.map((name) => people[name]?.id).sort();

  it('matches the start of "first last", ignoring case and accents', async () => {
    expect(await search('zo')).toEqual(idsFor('zoe', 'zora'));
    expect(await search('ZOE')).toEqual(idsFor('zoe'));
    expect(await search('Zoë Ü')).toEqual(idsFor('zoe'));
    expect(await search('ÜN')).toEqual(idsFor('unal'));
    expect(await search('unal y')).toEqual(idsFor('unal'));
  });

  it('does not match the middle of a name', async () => {
    expect(await search('ünal')).toEqual(idsFor('unal'));
    expect(await search('ora')).toEqual([]);
  });

  it('finds a contact without a name by its email', async () => {
    expect(await search('zed@')).toEqual(idsFor('mail'));
  });

  it('narrows a search by tag', async () => {
    expect(await search('z', '&tag=vip')).toEqual(idsFor('zora'));
  });

  it('keeps the index in step when the name changes', async () => {
    const renamed = await api<Contact>(
      'PATCH',
      `/api/contacts/${people.zora?.id}`,
      { firstName: 'Astrid' },
      { 'if-match': '"1"' },
    );
    expect(renamed.status).toBe(200);
    expect(await search('zora')).toEqual([]);
    expect(await search('astrid')).toEqual(idsFor('zora'));
  });

  it('answers a search with no letter or digit in it (#, a lone accent) with 200 or 400, not 500', async () => {
    const answers = await Promise.all(
      ['/api/contacts?q=%23', '/api/contacts?q=%CC%81', '/api/companies?q=%23%20%23'].map(async (path) => {
        const reply = await api('GET', path);
        return `${path} ${reply.status < 500 ? 'answered' : `failed with ${reply.status}`}`;
      }),
    );
    expect(answers).toEqual([
      '/api/contacts?q=%23 answered',
      '/api/contacts?q=%CC%81 answered',
      '/api/companies?q=%23%20%23 answered',
    ]);
  });

  it('answers a long search of characters that expand when normalised with 200 or 400, not 500', async () => {
    const reply = await api('GET', `/api/contacts?q=${encodeURIComponent('\ufdfa'.repeat(100))}`);
    expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(500);
  });

  it('stores a maximum-length name of characters that expand when normalised, or refuses it with 400', async () => {
    const reply = await api('POST', '/api/contacts', {
      firstName: '\ufdfa'.repeat(100),
      lastName: '\u337f'.repeat(100),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(500);
    if (reply.status >= 400) expect(errorOf(reply).code).toBe('request.invalid');
  });
});

describe('pagination', () => {
  it('walks 7 contacts with limit=3, each exactly once, newest first', async () => {
    const api = await apiAs(newWorkspaceId());
    const createdIds: string[] = [];
    for (let index = 0; index < 7; index++)
      createdIds.push((await created(api, { firstName: `P${index}` })).id);
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const reply = await api<Page>('GET', `/api/contacts?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(reply.status).toBe(200);
      seen.push(...idsOf(reply.body));
      pageSizes.push(reply.body.items.length);
      cursor = reply.body.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeUndefined();
    expect(pageSizes.slice(0, 2)).toEqual([3, 3]);
    expect(seen).toEqual([...createdIds].reverse());
  });

  it('answers 400 request.invalid_cursor for a cursor it did not mint', async () => {
    const api = await apiAs(newWorkspaceId());
    for (const cursor of ['garbage', 'eyJ9', Buffer.from('{"pk":1}').toString('base64url')]) {
      const reply = await api('GET', `/api/contacts?cursor=${cursor}`);
      expect(reply.status).toBe(400);
      expect(errorOf(reply).code).toBe('request.invalid_cursor');
    }
  });

  it("refuses workspace A's cursor in workspace B with 400", async () => {
    const a = await apiAs(newWorkspaceId());
    const b = await apiAs(newWorkspaceId());
    for (const firstName of ['A1', 'A2']) await created(a, { firstName });
    await created(b, { firstName: 'B1' });
    const page = await a<Page>('GET', '/api/contacts?limit=1');
    expect(page.body.nextCursor).toBeDefined();
    const reply = await b('GET', `/api/contacts?limit=1&cursor=${page.body.nextCursor}`);
    expect(reply.status).toBe(400);
    expect(errorOf(reply).code).toBe('request.invalid_cursor');
  });

  it('answers 400 request.invalid_cursor, not 500, for a cursor of another list of the same workspace', async () => {
    const api = await apiAs(newWorkspaceId());
    for (const firstName of ['Zoe', 'Zed']) await created(api, { firstName, tags: ['vip'] });
    const acme = (await api<{ id: string }>('POST', '/api/companies', { name: 'Acme' })).body.id;
    await api('POST', '/api/companies', { name: 'Apex' });
    for (const firstName of ['Ann', 'Bob']) await created(api, { firstName, companyId: acme });
    const contactsCursor = (await api<Page>('GET', '/api/contacts?limit=1')).body.nextCursor;
    const searchCursor = (await api<Page>('GET', '/api/contacts?limit=1&q=z')).body.nextCursor;
    const companiesCursor = (await api<Page>('GET', '/api/companies?limit=1')).body.nextCursor;
    expect([contactsCursor, searchCursor, companiesCursor].every(Boolean)).toBe(true);
    const misused = [
      ['a contacts cursor on companies', `/api/companies?cursor=${contactsCursor}`],
      ['a companies cursor on contacts', `/api/contacts?cursor=${companiesCursor}`],
      ['a list cursor on a name search', `/api/contacts?q=z&cursor=${contactsCursor}`],
      ['a name-search cursor on the list', `/api/contacts?cursor=${searchCursor}`],
      ['a list cursor on a tag filter', `/api/contacts?tag=vip&cursor=${contactsCursor}`],
      ["a list cursor on a company's contacts", `/api/contacts?companyId=${acme}&cursor=${contactsCursor}`],
    ];
    const answers = await Promise.all(
      misused.map(async ([what, path]) => {
        const reply = await api('GET', path as string);
        return `${what}: ${reply.status} ${reply.status >= 400 ? errorOf(reply).code : ''}`.trim();
      }),
    );
    expect(answers).toEqual(misused.map(([what]) => `${what}: 400 request.invalid_cursor`));
  });
});

describe('changing a contact', () => {
  it('checks If-Match: 409 when stale, 428 when missing, 400 when malformed; none of them writes', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const ann = await created(api, { firstName: 'Ann' });
    expect(
      (await api('PATCH', `/api/contacts/${ann.id}`, { lastName: 'Lee' }, { 'if-match': '"1"' })).status,
    ).toBe(200);
    const before = await testTable().itemsOf(workspaceId);

    const stale = await api('PATCH', `/api/contacts/${ann.id}`, { lastName: 'Stale' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('contact.version_conflict');
    const missing = await api('PATCH', `/api/contacts/${ann.id}`, { lastName: 'Missing' });
    expect(missing.status).toBe(428);
    expect(errorOf(missing).code).toBe('request.precondition_required');
    const malformed = await api(
      'PATCH',
      `/api/contacts/${ann.id}`,
      { lastName: 'Bad' },
      { 'if-match': 'version 2' },
    );
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed)).toMatchObject({
      code: 'request.invalid',
      fields: { 'If-Match': expect.any(String) },
    });
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
  });

  it('clears fields sent as null, keeps the others, and moves the version and ETag on', async () => {
    const api = await apiAs(newWorkspaceId());
    const ann = await created(api, {
      firstName: 'Ann',
      lastName: 'Lee',
      jobTitle: 'Buyer',
      phone: '+44 20 7946 0958',
    });
    const changed = await api<Contact>(
      'PATCH',
      `/api/contacts/${ann.id}`,
      { jobTitle: null, phone: null, lastName: 'Ng' },
      { 'if-match': 'W/"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    const read = await api<Contact>('GET', `/api/contacts/${ann.id}`);
    expect(read.body).toEqual(changed.body);
    expect(read.body).toMatchObject({
      firstName: 'Ann',
      lastName: 'Ng',
      version: 2,
      createdAt: ann.createdAt,
    });
    expect(read.body).not.toHaveProperty('jobTitle');
    expect(read.body).not.toHaveProperty('phone');
  });

  it('refuses to clear both name and email', async () => {
    const api = await apiAs(newWorkspaceId());
    const ann = await created(api, { firstName: 'Ann', email: 'ann@example.com' });
    const reply = await api(
      'PATCH',
      `/api/contacts/${ann.id}`,
      { firstName: null, email: null },
      { 'if-match': '"1"' },
    );
    expect(reply.status).toBe(400);
    expect(errorOf(reply).fields).toHaveProperty('firstName');
  });

  it('refuses a companyId of a company that does not exist, naming the field, and writes nothing', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const ann = await created(api, { firstName: 'Ann' });
    const before = await testTable().itemsOf(workspaceId);
    const missingCompany = '01J00000000000000000000000';
    const onCreate = await api('POST', '/api/contacts', { firstName: 'Bob', companyId: missingCompany });
    expect(onCreate.status).toBe(400);
    expect(errorOf(onCreate).fields).toEqual({ companyId: 'There is no company with this id.' });
    const onPatch = await api(
      'PATCH',
      `/api/contacts/${ann.id}`,
      { companyId: missingCompany },
      { 'if-match': '"1"' },
    );
    expect(onPatch.status).toBe(400);
    expect(errorOf(onPatch).fields).toEqual({ companyId: 'There is no company with this id.' });
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
  });

  it('answers 404 for a change or a delete of a contact that does not exist', async () => {
    const api = await apiAs(newWorkspaceId());
    const id = '01J00000000000000000000000';
    expect(
      (await api('PATCH', `/api/contacts/${id}`, { firstName: 'X' }, { 'if-match': '"1"' })).status,
    ).toBe(404);
    const deleted = await api('DELETE', `/api/contacts/${id}`);
    expect(deleted.status).toBe(404);
    expect(errorOf(deleted).code).toBe('contact.not_found');
  });
});
