import { beforeAll, describe, expect, it } from 'vitest';
import type { Company } from '../../shared/companies/company';
import type { Contact } from '../../shared/contacts/contact';
import type { OutboxEvent } from '../../shared/events/outbox';
import type { Member } from '../../shared/team/member';
import { reassignOwnedRecords } from '../../shared/team/reassign-owned-records';
import { type Api, apiAs, newWorkspaceId, testTable, tokenFor } from '../support/api-client';
import { localMemberIdOf } from '../support/team-members';

type ErrorReply = { error: { code: string; fields?: Record<string, string> } };

async function outboxEventsOf(workspaceId: string, detailType: string) {
  const items = await testTable().itemsOf(workspaceId);
  return items
    .filter((item) => item.sk === 'OUTBOX')
    .flatMap((item) => item.events as OutboxEvent[])
    .filter((event) => event.detailType === detailType);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the background work did not finish within 15 s');
}

const membersOf = async (api: Api) =>
  (await api<{ items: Member[] }>('GET', '/api/settings/members')).body.items;

describe('the team', () => {
  let workspaceId: string;
  let admin: Api;
  let adminId: string;

  beforeAll(async () => {
    workspaceId = newWorkspaceId('team');
    admin = await apiAs(workspaceId);
    adminId = localMemberIdOf(workspaceId);
  });

  it('lists the caller as an active member from its first request, with its roles and last activity', async () => {
    const members = await membersOf(admin);
    expect(members).toEqual([
      expect.objectContaining({
        id: adminId,
        email: 'tester@example.com',
        roles: ['admin'],
        status: 'active',
        lastActiveAt: expect.any(String),
      }),
    ]);
  });

  it('invites a member by email with roles: listed as invited, member.invited, signs in with those roles', async () => {
    const invited = await admin<Member>('POST', '/api/settings/members', {
      email: 'Bob@Example.com',
      name: 'Bob Builder',
      roles: ['sales', 'sales'],
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      email: 'bob@example.com',
      roles: ['sales'],
      status: 'invited',
      version: 1,
    });
    expect(invited.body.id).toBe(localMemberIdOf(workspaceId, 'bob@example.com'));
    expect((await membersOf(admin)).find((member) => member.id === invited.body.id)?.status).toBe('invited');
    expect(await outboxEventsOf(workspaceId, 'member.invited')).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({ memberId: invited.body.id, roles: ['sales'], invitedBy: adminId }),
      }),
    ]);

    const again = await admin<ErrorReply>('POST', '/api/settings/members', {
      email: 'bob@example.com',
      roles: ['support'],
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'member.email_taken']);

    // an invited user's roles are the directory's, whatever the sign-in page asks for
    const bob = await apiAs(workspaceId, ['admin'], 'bob@example.com');
    expect((await bob('GET', '/api/settings/members')).status).toBe(200);
    const forbidden = await bob<ErrorReply>('POST', '/api/settings/members', {
      email: 'x@example.com',
      roles: ['admin'],
    });
    expect(forbidden.status).toBe(403);
    expect((await membersOf(admin)).find((member) => member.id === invited.body.id)).toMatchObject({
      status: 'active',
      roles: ['sales'],
    });
  });

  it('changes roles over the version (If-Match), with member.updated; only admins manage the team', async () => {
    const carol = (
      await admin<Member>('POST', '/api/settings/members', { email: 'carol@example.com', roles: ['support'] })
    ).body;
    const withoutVersion = await admin<ErrorReply>('PATCH', `/api/settings/members/${carol.id}`, {
      roles: ['marketing'],
    });
    expect(withoutVersion.status).toBe(428);
    const changed = await admin<Member>(
      'PATCH',
      `/api/settings/members/${carol.id}`,
      { roles: ['marketing', 'support'] },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ roles: ['marketing', 'support'], version: 2 });
    const stale = await admin<ErrorReply>(
      'PATCH',
      `/api/settings/members/${carol.id}`,
      { roles: ['sales'] },
      { 'if-match': '"1"' },
    );
    expect([stale.status, stale.body.error.code]).toEqual([409, 'member.version_conflict']);
    expect(await outboxEventsOf(workspaceId, 'member.updated')).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({
          memberId: carol.id,
          roles: ['marketing', 'support'],
          previousRoles: ['support'],
        }),
      }),
    ]);
    // carol signs in with the roles the admin gave
    const carolApi = await apiAs(workspaceId, ['admin'], 'carol@example.com');
    expect((await carolApi('GET', '/api/lists')).status).toBe(200);
    expect(
      (await carolApi('POST', '/api/settings/members', { email: 'y@example.com', roles: ['admin'] })).status,
    ).toBe(403);

    // the last active admin keeps the role
    const lastAdmin = await admin<ErrorReply>(
      'PATCH',
      `/api/settings/members/${adminId}`,
      { roles: ['sales'] },
      { 'if-match': '"1"' },
    );
    expect([lastAdmin.status, lastAdmin.body.error.code]).toEqual([409, 'member.last_admin']);

    const unknown = await admin<ErrorReply>(
      'PATCH',
      `/api/settings/members/${'f'.repeat(32)}`,
      { roles: ['sales'] },
      { 'if-match': '"1"' },
    );
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'member.not_found']);
  });

  it('validates owners: an unknown or deactivated member is a 400 on ownerId; filters "my contacts" with one Query', async () => {
    const unknownOwner = await admin<ErrorReply>('POST', '/api/contacts', {
      firstName: 'Ann',
      ownerId: 'f'.repeat(32),
    });
    expect(unknownOwner.status).toBe(400);
    expect(unknownOwner.body.error.fields).toHaveProperty('ownerId');
    const badId = await admin<ErrorReply>('POST', '/api/companies', { name: 'Acme', ownerId: 'not#an-id' });
    expect(badId.status).toBe(400);

    const mine = (await admin<Contact>('POST', '/api/contacts', { firstName: 'Mine', ownerId: adminId }))
      .body;
    const other = (await admin<Contact>('POST', '/api/contacts', { firstName: 'Other' })).body;
    expect(mine.ownerId).toBe(adminId);
    const page = await admin<{ items: Contact[] }>('GET', `/api/contacts?ownerId=${adminId}`);
    expect(page.body.items.map((contact) => contact.id)).toEqual([mine.id]);

    const claimed = await admin<Contact>(
      'PATCH',
      `/api/contacts/${other.id}`,
      { ownerId: adminId },
      { 'if-match': '"1"' },
    );
    expect(claimed.status).toBe(200);
    const both = await admin<{ items: Contact[] }>('GET', `/api/contacts?ownerId=${adminId}`);
    expect(both.body.items.map((contact) => contact.id)).toEqual([other.id, mine.id]); // newest first
    const firstPage = await admin<{ items: Contact[]; nextCursor?: string }>(
      'GET',
      `/api/contacts?ownerId=${adminId}&limit=1`,
    );
    expect(firstPage.body.nextCursor).toBeDefined();
    const forged = await admin<ErrorReply>(
      'GET',
      `/api/contacts?ownerId=${localMemberIdOf(workspaceId, 'bob@example.com')}&cursor=${firstPage.body.nextCursor}`,
    );
    expect([forged.status, forged.body.error.code]).toEqual([400, 'request.invalid_cursor']);

    const cleared = await admin<Contact>(
      'PATCH',
      `/api/contacts/${other.id}`,
      { ownerId: null },
      { 'if-match': '"2"' },
    );
    expect(cleared.body.ownerId).toBeUndefined();
    const after = await admin<{ items: Contact[] }>('GET', `/api/contacts?ownerId=${adminId}`);
    expect(after.body.items.map((contact) => contact.id)).toEqual([mine.id]);

    const company = (await admin<Company>('POST', '/api/companies', { name: 'Acme', ownerId: adminId })).body;
    const companies = await admin<{ items: Company[] }>('GET', `/api/companies?ownerId=${adminId}`);
    expect(companies.body.items.map((item) => item.id)).toEqual([company.id]);
  });

  it('deactivates a member: refused sign-in and requests, its contacts and companies handed over', async () => {
    const dave = (
      await admin<Member>('POST', '/api/settings/members', { email: 'dave@example.com', roles: ['sales'] })
    ).body;
    const daveApi = await apiAs(workspaceId, ['sales'], 'dave@example.com');
    expect((await daveApi('GET', '/api/settings/members')).status).toBe(200); // dave is active now
    const owned = (await admin<Contact>('POST', '/api/contacts', { firstName: 'Owned', ownerId: dave.id }))
      .body;
    const ownedCompany = (
      await admin<Company>('POST', '/api/companies', { name: 'Dave Co', ownerId: dave.id })
    ).body;

    const self = await admin<ErrorReply>('DELETE', `/api/settings/members/${adminId}?reassignTo=${dave.id}`);
    expect([self.status, self.body.error.code]).toEqual([409, 'member.cannot_deactivate_self']);
    const noHeir = await admin<ErrorReply>('DELETE', `/api/settings/members/${dave.id}`);
    expect(noHeir.status).toBe(400);
    const toHimself = await admin<ErrorReply>(
      'DELETE',
      `/api/settings/members/${dave.id}?reassignTo=${dave.id}`,
    );
    expect(toHimself.status).toBe(400);
    expect(toHimself.body.error.fields).toHaveProperty('reassignTo');
    const toStranger = await admin<ErrorReply>(
      'DELETE',
      `/api/settings/members/${dave.id}?reassignTo=${'e'.repeat(32)}`,
    );
    expect(toStranger.status).toBe(400);
    const bySales = await daveApi<ErrorReply>(
      'DELETE',
      `/api/settings/members/${adminId}?reassignTo=${dave.id}`,
    );
    expect(bySales.status).toBe(403);

    const deactivated = await admin('DELETE', `/api/settings/members/${dave.id}?reassignTo=${adminId}`);
    expect(deactivated.status).toBe(204);
    expect((await membersOf(admin)).find((member) => member.id === dave.id)).toMatchObject({
      status: 'deactivated',
      deactivatedAt: expect.any(String),
    });
    const twice = await admin<ErrorReply>('DELETE', `/api/settings/members/${dave.id}?reassignTo=${adminId}`);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'member.already_deactivated']);

    // the token dave holds is refused, and the local sign-in gives him no new one
    const refused = await daveApi<ErrorReply>('GET', '/api/contacts');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'auth.member_deactivated']);
    await expect(tokenFor(workspaceId, ['sales'], 'dave@example.com')).rejects.toThrow(/403/);
    // nor can anything be given to him
    const toDave = await admin<ErrorReply>('POST', '/api/contacts', { firstName: 'Late', ownerId: dave.id });
    expect(toDave.status).toBe(400);

    const moved = await until(
      () => admin<Contact>('GET', `/api/contacts/${owned.id}`),
      (reply) => reply.body.ownerId === adminId,
    );
    expect(moved.body.version).toBe(2);
    const movedCompany = await until(
      () => admin<Company>('GET', `/api/companies/${ownedCompany.id}`),
      (reply) => reply.body.ownerId === adminId,
    );
    expect(movedCompany.body.version).toBe(2);
    expect((await admin<{ items: Contact[] }>('GET', `/api/contacts?ownerId=${dave.id}`)).body.items).toEqual(
      [],
    );
    // a redelivered member.deactivated finds nothing left to move
    const table = testTable();
    const store = { client: table.client, tableName: table.tableName };
    expect(
      await reassignOwnedRecords({ store, clock: () => new Date() }, workspaceId, dave.id, adminId),
    ).toBe(0);
    expect((await admin<Contact>('GET', `/api/contacts/${owned.id}`)).body.version).toBe(2);
    const updates = await outboxEventsOf(workspaceId, 'contact.updated');
    expect(updates).toContainEqual(
      expect.objectContaining({
        detail: expect.objectContaining({
          changedFields: ['ownerId'],
          contact: expect.objectContaining({ id: owned.id }),
        }),
      }),
    );
  });

  it('keeps workspaces apart: another workspace’s member is unknown', async () => {
    const elsewhere = await apiAs(newWorkspaceId('team-other'));
    const reply = await elsewhere<ErrorReply>(
      'PATCH',
      `/api/settings/members/${adminId}`,
      { roles: ['sales'] },
      { 'if-match': '"1"' },
    );
    expect([reply.status, reply.body.error.code]).toEqual([404, 'member.not_found']);
    const owner = await elsewhere<ErrorReply>('POST', '/api/contacts', { firstName: 'X', ownerId: adminId });
    expect(owner.status).toBe(400);
  });
});
