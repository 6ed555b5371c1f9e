import { beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../../shared/events/outbox';
import type { ContactList, ContactListWithCount, ListMembersPage } from '../../shared/lists/list';
import { ListJoined, ListLeft } from '../../shared/lists/list-events';
import { type Api, apiAs, newWorkspaceId, testTable } from '../support/api-client';

/** Lists and their members through the API: names, counts, join/leave with their events, deletes. */
async function outboxEventsOf(workspaceId: string, detailType: string) {
  const items = await testTable().itemsOf(workspaceId);
  return items
    .filter((item) => item.sk === 'OUTBOX')
    .flatMap((item) => item.events as OutboxEvent[])
    .filter((event) => event.detailType === detailType);
}

describe('lists', () => {
  let workspaceId: string;
  let api: Api;
  let ada: { id: string };
  let grace: { id: string };

  beforeAll(async () => {
    workspaceId = newWorkspaceId('lists');
    api = await apiAs(workspaceId);
    ada = (await api<{ id: string }>('POST', '/api/contacts', { firstName: 'Ada', email: 'ada@example.com' }))
      .body;
    grace = (
      await api<{ id: string }>('POST', '/api/contacts', { firstName: 'Grace', email: 'g@example.com' })
    ).body;
  });

  it('creates lists with names unique ignoring case, lists them by name, renames over the version', async () => {
    const webinar = await api<ContactList>('POST', '/api/lists', { name: 'Webinar guests' });
    expect(webinar.status).toBe(201);
    expect(webinar.headers.get('etag')).toBe('"1"');
    expect(webinar.body).toMatchObject({ name: 'Webinar guests', version: 1 });
    const again = await api<{ error: { code: string } }>('POST', '/api/lists', { name: 'WEBINAR guests' });
    expect([again.status, again.body.error.code]).toEqual([409, 'list.name_exists']);
    const owners = await api<{ error: { code: string } }>('POST', '/api/lists', { name: 'Owners', id: 'x' });
    expect(owners.status).toBe(400);
    await api('POST', '/api/lists', { name: 'Customers', description: 'Bought at least once' });
    const listed = await api<{ items: ContactList[] }>('GET', '/api/lists');
    expect(listed.body.items.map((list) => list.name)).toEqual(['Customers', 'Webinar guests']);

    const path = `/api/lists/${webinar.body.id}`;
    expect((await api('PATCH', path, { name: 'Spring webinar' })).status).toBe(428);
    const renamed = await api<ContactList>('PATCH', path, { name: 'Spring webinar' }, { 'if-match': '"1"' });
    expect(renamed.body).toMatchObject({ name: 'Spring webinar', version: 2 });
    const stale = await api<{ error: { code: string } }>(
      'PATCH',
      path,
      { description: 'x' },
      { 'if-match': '"1"' },
    );
    expect([stale.status, stale.body.error.code]).toEqual([409, 'list.version_conflict']);
    const clash = await api<{ error: { code: string } }>(
      'PATCH',
      path,
      { name: 'customers' },
      { 'if-match': '"2"' },
    );
    expect([clash.status, clash.body.error.code]).toEqual([409, 'list.name_exists']);
  });

  it('puts contacts on a list once, with list.joined, counts and pages its members, and takes them off with list.left', async () => {
    const list = (await api<ContactList>('POST', '/api/lists', { name: 'VIP' })).body;
    const membersPath = `/api/lists/${list.id}/members`;
    const first = await api('PUT', `${membersPath}/${ada.id}`);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ listId: list.id, contactId: ada.id, source: { kind: 'user' } });
    const second = await api('PUT', `${membersPath}/${ada.id}`);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect((await api('PUT', `${membersPath}/${grace.id}`, {})).status).toBe(201);
    const unknown = await api<{ error: { code: string } }>(
      'PUT',
      `${membersPath}/01J9ZK3T5Q8W6N4M2P0R7S9V1X`,
    );
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'contact.not_found']);

    expect((await api<ContactListWithCount>('GET', `/api/lists/${list.id}`)).body.memberCount).toBe(2);
    const page1 = await api<ListMembersPage>('GET', `${membersPath}?limit=1`);
    const page2 = await api<ListMembersPage>(
      'GET',
      `${membersPath}?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor ?? '')}`,
    );
    expect(
      [...page1.body.items, ...page2.body.items].map((member) => member.contact.firstName).sort(),
    ).toEqual(['Ada', 'Grace']);
    const adaLists = await api<{ items: Array<{ list: { name: string } }> }>(
      'GET',
      `/api/contacts/${ada.id}/lists`,
    );
    expect(adaLists.body.items.map((item) => item.list.name)).toContain('VIP');

    const joined = (await outboxEventsOf(workspaceId, 'list.joined')).map((event) =>
      ListJoined.detail.parse(event.detail),
    );
    expect(
      joined
        .filter((event) => event.listId === list.id)
        .map((event) => event.contactId)
        .sort(),
    ).toEqual([ada.id, grace.id].sort());

    expect((await api('DELETE', `${membersPath}/${ada.id}`)).status).toBe(204);
    const gone = await api<{ error: { code: string } }>('DELETE', `${membersPath}/${ada.id}`);
    expect([gone.status, gone.body.error.code]).toEqual([404, 'list.member_not_found']);
    const left = (await outboxEventsOf(workspaceId, 'list.left')).map((event) =>
      ListLeft.detail.parse(event.detail),
    );
    expect(left).toEqual([expect.objectContaining({ listId: list.id, listName: 'VIP', contactId: ada.id })]);
    expect((await api<ContactListWithCount>('GET', `/api/lists/${list.id}`)).body.memberCount).toBe(1);
  });

  it('answers a created or changed list with its member count, as its own route does', async () => {
    const created = await api<ContactListWithCount>('POST', '/api/lists', { name: 'Counted' });
    expect(created.status).toBe(201);
    expect(created.body.memberCount).toBe(0);
    const path = `/api/lists/${created.body.id}`;
    await api('PUT', `${path}/members/${ada.id}`);
    await api('PUT', `${path}/members/${grace.id}`);
    const renamed = await api<ContactListWithCount>(
      'PATCH',
      path,
      { name: 'Counted twice', description: 'Two people' },
      { 'if-match': '"1"' },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Counted twice', version: 2, memberCount: 2 });
    expect(renamed.body).toEqual((await api<ContactListWithCount>('GET', path)).body);
  });

  it("deleting a list removes its memberships, deleting a contact removes the contact's", async () => {
    const list = (await api<ContactList>('POST', '/api/lists', { name: 'Short-lived' })).body;
    const other = (await api<ContactList>('POST', '/api/lists', { name: 'Longer-lived' })).body;
    const temp = (await api<{ id: string }>('POST', '/api/contacts', { firstName: 'Temp' })).body;
    for (const id of [ada.id, temp.id]) await api('PUT', `/api/lists/${list.id}/members/${id}`);
    await api('PUT', `/api/lists/${other.id}/members/${temp.id}`);

    expect((await api('DELETE', `/api/lists/${list.id}`)).status).toBe(204);
    expect((await api('GET', `/api/lists/${list.id}`)).status).toBe(404);
    expect((await api('DELETE', `/api/lists/${list.id}`)).status).toBe(404);
    const items = await testTable().itemsOf(workspaceId);
    expect(items.filter((item) => item.listId === list.id && item.entity === 'listMember')).toEqual([]);

    expect((await api('DELETE', `/api/contacts/${temp.id}`)).status).toBe(204);
    expect((await api<ContactListWithCount>('GET', `/api/lists/${other.id}`)).body.memberCount).toBe(0);
    expect((await api('GET', `/api/contacts/${temp.id}/lists`)).status).toBe(404);
  });

  it('lets marketing manage lists, support only add and remove members', async () => {
    const support = await apiAs(workspaceId, ['support']);
    const marketing = await apiAs(workspaceId, ['marketing']);
    expect((await support('POST', '/api/lists', { name: 'Support list' })).status).toBe(403);
    const list = await marketing<ContactList>('POST', '/api/lists', { name: 'Marketing list' });
    expect(list.status).toBe(201);
    expect((await support('PUT', `/api/lists/${list.body.id}/members/${grace.id}`)).status).toBe(201);
    expect((await support('DELETE', `/api/lists/${list.body.id}`)).status).toBe(403);
  });
});
