import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Activity, ActivityRevisions } from '../../shared/activities/activity';
import { migrateTimeline } from '../../shared/activities/migrate-timeline';
import { openWorkSet } from '../../shared/activities/open-work';
import { contactOverview, listContactTimeline } from '../../shared/activities/read-timeline';
import type { ContactOverview, TimelinePage } from '../../shared/activities/timeline-entry';
import type { OutboxEvent } from '../../shared/events/outbox';
import { orderItem, recordOrder } from '../../shared/orders/record-order';
import { PutCommand } from '../../shared/store/document-client';
import { keys } from '../../shared/store/keys';
import { writeTransaction } from '../../shared/store/transactions';
import { type Api, apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { countingStore } from '../support/counting-store';
import { espressoOrder } from '../support/order-fixtures';
import { localMemberIdOf } from '../support/team-members';

/** Activities and timelines through the API: each type, edits with revisions, who may change what, reads. */
type ErrorReply = { error: { code: string; fields?: Record<string, string> } };

/** Counts the requests a real client sends to the test table's DynamoDB Local. */
const countingTestStore = () => countingStore(inject('dynamoDbEndpoint'), inject('tableName'));

describe('activities', () => {
  const workspaceId = newWorkspaceId('activities');
  const me = localMemberIdOf(workspaceId);
  let api: Api;
  let colleague: Api;
  let otherAdmin: Api;
  let company: { id: string };
  let ada: { id: string };
  const contactPath = () => `/api/contacts/${ada.id}/activities`;

  beforeAll(async () => {
    api = await apiAs(workspaceId);
    colleague = await apiAs(workspaceId, ['sales'], 'colleague@example.com');
    otherAdmin = await apiAs(workspaceId, ['admin'], 'boss@example.com');
    company = (await api<{ id: string }>('POST', '/api/companies', { name: 'Lovelace Ltd' })).body;
    ada = (
      await api<{ id: string }>('POST', '/api/contacts', {
        firstName: 'Ada',
        email: 'ada@example.com',
        companyId: company.id,
      })
    ).body;
  });

  it('logs each type with who and when, renders markdown safely, and raises activity.logged without the text', async () => {
    const note = await api<Activity>('POST', contactPath(), {
      type: 'note',
      body: 'Met **Ada** <script>alert(1)</script> [docs](javascript:alert(1)) <img src=x onerror=alert(1)>',
      occurredAt: '2026-11-01T09:00:00Z',
    });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    expect(note.headers.get('etag')).toBe('"1"');
    expect(note.body).toMatchObject({
      type: 'note',
      contactId: ada.id,
      companyId: company.id,
      authorId: me,
      version: 1,
      occurredAt: '2026-11-01T09:00:00.000Z',
      recordedAt: expect.any(String),
    });
    if (note.body.type !== 'note') throw new Error('not a note');
    expect(note.body.bodyHtml).toContain('<strong>Ada</strong>');
    expect(note.body.bodyHtml).not.toMatch(/<script|<img|javascript:/);

    const call = await api<Activity>('POST', contactPath(), {
      type: 'call',
      direction: 'outbound',
      outcome: 'connected',
      durationSeconds: 420,
      notes: 'Wants a _quote_',
    });
    expect(call.status, JSON.stringify(call.body)).toBe(201);
    expect(call.body).toMatchObject({ type: 'call', notesHtml: '<p>Wants a <em>quote</em></p>' });
    const meeting = await api<Activity>('POST', contactPath(), {
      type: 'meeting',
      title: 'Kick-off',
      startsAt: '2026-11-20T10:00:00Z',
      endsAt: '2026-11-20T11:00:00Z',
      attendees: [
        { kind: 'member', memberId: me },
        { kind: 'contact', contactId: ada.id },
        { kind: 'email', email: 'Guest@Example.com' },
      ],
      location: 'Room 4',
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    expect(meeting.body).toMatchObject({
      occurredAt: '2026-11-20T10:00:00.000Z',
      attendees: [expect.anything(), expect.anything(), { kind: 'email', email: 'guest@example.com' }],
    });
    const email = await api<Activity>('POST', contactPath(), {
      type: 'email',
      subject: 'Your quote',
      direction: 'sent',
      body: 'Dear Ada,\n\nplease find it attached.',
    });
    expect(email.status, JSON.stringify(email.body)).toBe(201);

    const events = (await testTable().itemsOf(workspaceId))
      .filter((item) => item.sk === 'OUTBOX')
      .flatMap((item) => item.events as OutboxEvent[])
      .filter((event) => event.detailType === 'activity.logged');
    expect(events.map((event) => event.detail)).toContainEqual(
      expect.objectContaining({
        activityId: note.body.id,
        type: 'note',
        contactId: ada.id,
        companyId: company.id,
        authorId: me,
      }),
    );
    expect(JSON.stringify(events)).not.toContain('Ada**');
  });

  it('refuses bodies a type does not take, meetings that end before they start, and the future', async () => {
    const cases: [unknown, string][] = [
      [{ type: 'note', body: 'x', outcome: 'busy' }, 'outcome'],
      [{ type: 'call', direction: 'sideways', outcome: 'connected', durationSeconds: 1 }, 'direction'],
      [
        { type: 'meeting', title: 'Late', startsAt: '2026-11-20T11:00:00Z', endsAt: '2026-11-20T10:00:00Z' },
        'endsAt',
      ],
      [{ type: 'note', body: 'x', occurredAt: '2099-01-01T00:00:00Z' }, 'occurredAt'],
      [{ type: 'note', body: 'x'.repeat(20_001) }, 'body'],
      [{ type: 'task', body: 'x' }, 'type'],
    ];
    for (const [body, field] of cases) {
      const reply = await api<ErrorReply>('POST', contactPath(), body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(reply.body.error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
  });

  it('lets the author or an admin edit, keeping each earlier content as a revision; others get 403', async () => {
    const logged = await colleague<Activity>('POST', contactPath(), { type: 'note', body: 'First draft' });
    expect(logged.status).toBe(201);
    const path = `${contactPath()}/${logged.body.id}`;

    expect((await colleague('PATCH', path, { type: 'note', body: 'x' })).status).toBe(428);
    const edited = await colleague<Activity>(
      'PATCH',
      path,
      { type: 'note', body: 'Second draft' },
      { 'if-match': '"1"' },
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.headers.get('etag')).toBe('"2"');
    expect(edited.body).toMatchObject({
      id: logged.body.id,
      version: 2,
      body: 'Second draft',
      bodyHtml: '<p>Second draft</p>',
      authorId: logged.body.authorId,
      occurredAt: logged.body.occurredAt,
      editedBy: logged.body.authorId,
    });
    const stale = await colleague<ErrorReply>(
      'PATCH',
      path,
      { type: 'note', body: 'y' },
      { 'if-match': '"1"' },
    );
    expect([stale.status, stale.body.error.code]).toEqual([409, 'activity.version_conflict']);

    // a member who is neither the author nor an admin
    const other = await apiAs(workspaceId, ['sales'], 'someone@example.com');
    const refused = await other<ErrorReply>(
      'PATCH',
      path,
      { type: 'note', body: 'mine now' },
      { 'if-match': '"2"' },
    );
    expect([refused.status, refused.body.error.code]).toEqual([403, 'activity.not_author']);
    expect((await other<ErrorReply>('DELETE', path)).status).toBe(403);

    // an admin may: and may even put the type right
    const byAdmin = await otherAdmin<Activity>(
      'PATCH',
      path,
      { type: 'call', direction: 'inbound', outcome: 'voicemail', durationSeconds: 30 },
      { 'if-match': '"2"' },
    );
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
    expect(byAdmin.body).toMatchObject({ type: 'call', version: 3, authorId: logged.body.authorId });

    const revisions = await api<ActivityRevisions>('GET', `${path}/revisions`);
    expect(revisions.status).toBe(200);
    expect(revisions.body.items.map((revision) => [revision.version, revision.content.type])).toEqual([
      [2, 'note'],
      [1, 'note'],
    ]);
    expect(revisions.body.items[1]?.content).toMatchObject({ body: 'First draft' });
    expect(revisions.body.items[0]).toMatchObject({
      replacedBy: localMemberIdOf(workspaceId, 'boss@example.com'),
    });

    // the type index follows the edit
    const calls = await api<TimelinePage>('GET', `${contactPath()}?type=call`);
    expect(calls.body.items.map((entry) => entry.id)).toContain(logged.body.id);
    const notes = await api<TimelinePage>('GET', `${contactPath()}?type=note`);
    expect(notes.body.items.map((entry) => entry.id)).not.toContain(logged.body.id);

    // the author deletes it, and its revisions go with it
    expect((await colleague('DELETE', path)).status).toBe(204);
    expect((await colleague<ErrorReply>('DELETE', path)).status).toBe(404);
    expect((await api('GET', `${path}/revisions`)).status).toBe(404);
    const left = (await testTable().itemsOf(workspaceId)).filter((item) =>
      String(item.sk).includes(logged.body.id),
    );
    expect(left).toEqual([]);
  });

  it('lists the timeline newest first, in pages, filtered by type, with submissions and orders on it', async () => {
    const { store } = countingTestStore();
    const placed = await recordOrder(
      { store, clock: () => new Date() },
      {
        workspaceId,
        connectionId: `${workspaceId}.01JCONNECT0000000000000000`,
        connectionKey: '01JCONNECT0000000000000000',
        source: 'shopify',
      },
      espressoOrder('1001', '2026-11-05T08:00:00Z'),
      { contactId: ada.id, email: 'ada@example.com', companyId: company.id },
    );
    const all = await api<TimelinePage>('GET', `${contactPath()}?limit=100`);
    expect(all.status).toBe(200);
    const times = all.body.items.map((entry) => entry.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.body.items).toContainEqual(
      expect.objectContaining({
        type: 'order.placed',
        orderId: placed.order.id,
        number: '#1001',
        total: '24.90',
      }),
    );
    expect(all.body.items.map((entry) => entry.type).sort()).toEqual([
      'call',
      'email',
      'meeting',
      'note',
      'order.placed',
    ]);

    // pages of two, then the rest: the same entries in the same order
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api<TimelinePage>(
        'GET',
        `${contactPath()}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((entry) => entry.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((entry) => entry.id));

    const meetings = await api<TimelinePage>('GET', `${contactPath()}?type=meeting`);
    expect(meetings.body.items.map((entry) => entry.type)).toEqual(['meeting']);
    const forged = await api<ErrorReply>('GET', `${contactPath()}?cursor=eyJwayI6IngiLCJzayI6InkifQ`);
    expect([forged.status, forged.body.error.code]).toEqual([400, 'request.invalid_cursor']);
  });

  it("shows a company's own activities and its contacts' entries on its timeline", async () => {
    const own = await api<Activity>('POST', `/api/companies/${company.id}/activities`, {
      type: 'note',
      body: 'Annual review due',
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body).toMatchObject({ companyId: company.id });
    expect(own.body).not.toHaveProperty('contactId');
    const timeline = await api<TimelinePage>('GET', `/api/companies/${company.id}/activities?limit=100`);
    expect(timeline.status).toBe(200);
    const types = timeline.body.items.map((entry) => `${entry.type}${entry.contactId ? ' (contact)' : ''}`);
    expect(types).toEqual(
      expect.arrayContaining(['note', 'note (contact)', 'call (contact)', 'order.placed (contact)']),
    );
    const ids = timeline.body.items.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const notes = await api<TimelinePage>(
      'GET',
      `/api/companies/${company.id}/activities?type=note&limit=100`,
    );
    expect(new Set(notes.body.items.map((entry) => entry.type))).toEqual(new Set(['note']));
    expect(notes.body.items.length).toBe(2);

    const edited = await api<Activity>(
      'PATCH',
      `/api/companies/${company.id}/activities/${own.body.id}`,
      { type: 'note', body: 'Annual review in March' },
      { 'if-match': '"1"' },
    );
    expect(edited.status).toBe(200);
    // a contact's entry is changed on the contact, not through the company
    const contactEntry = timeline.body.items.find((entry) => entry.contactId && entry.type === 'note');
    expect((await api('DELETE', `/api/companies/${company.id}/activities/${contactEntry?.id}`)).status).toBe(
      404,
    );
    expect((await api('DELETE', `/api/companies/${company.id}/activities/${own.body.id}`)).status).toBe(204);

    // a deleted company's timeline is gone at once for readers; its items go on company.deleted
    // (DeleteCompanyTimeline, test/integration/activities-background.int.test.ts)
    const gone = (await api<{ id: string }>('POST', '/api/companies', { name: 'Short-lived GmbH' })).body;
    const logged = await api('POST', `/api/companies/${gone.id}/activities`, { type: 'note', body: 'x' });
    expect(logged.status).toBe(201);
    expect((await api('DELETE', `/api/companies/${gone.id}`)).status).toBe(204);
    expect((await api('GET', `/api/companies/${gone.id}/activities`)).status).toBe(404);
  });

  it('answers the overview from ONE Query: the contact, its 20 newest entries and its open work', async () => {
    const grace = (
      await api<{ id: string }>('POST', '/api/contacts', { firstName: 'Grace', email: 'grace@example.com' })
    ).body;
    for (let at = 0; at < 23; at++) {
      const reply = await api('POST', `/api/contacts/${grace.id}/activities`, {
        type: 'note',
        body: `Note ${at}`,
        occurredAt: new Date(Date.UTC(2026, 0, 1, 0, at)).toISOString(),
      });
      expect(reply.status).toBe(201);
    }
    const { store, sent } = countingTestStore();
    await writeTransaction(store, [
      openWorkSet(store.tableName, workspaceId, grace.id, {
        kind: 'task',
        id: '01JTASK0000000000000000001',
        title: 'Call back',
        dueAt: '2026-12-10T09:00:00.000Z',
        updatedAt: '2026-12-01T09:00:00.000Z',
      }),
    ]);
    await writeTransaction(store, [
      openWorkSet(store.tableName, workspaceId, grace.id, {
        kind: 'ticket',
        id: '01JTICKET00000000000000001',
        title: 'Broken grinder',
        status: 'open',
        priority: 'high',
        updatedAt: '2026-12-01T09:00:00.000Z',
      }),
    ]);

    sent.length = 0;
    const overview = await contactOverview({ store }, workspaceId, grace.id);
    expect(sent).toEqual(['QueryCommand']);
    expect(overview.contact).toMatchObject({ id: grace.id, firstName: 'Grace' });
    expect(overview.activities).toHaveLength(20);
    expect(overview.activities.map((entry) => (entry.type === 'note' ? entry.body : ''))).toEqual(
      Array.from({ length: 20 }, (_, at) => `Note ${22 - at}`),
    );
    expect(overview.openTasks).toEqual([
      expect.objectContaining({ id: '01JTASK0000000000000000001', title: 'Call back' }),
    ]);
    expect(overview.openTickets).toEqual([
      expect.objectContaining({ title: 'Broken grinder', status: 'open' }),
    ]);
    expect(overview.openDeals).toEqual([]);

    // and a timeline page is one Query too
    sent.length = 0;
    const page = await listContactTimeline({ store }, workspaceId, grace.id, { limit: 25 });
    expect(sent).toEqual(['QueryCommand']);
    expect(page.items).toHaveLength(23);

    const viaApi = await api<ContactOverview>('GET', `/api/contacts/${grace.id}/overview`);
    expect(viaApi.status).toBe(200);
    expect(viaApi.body.activities).toHaveLength(20);
    expect(viaApi.body.openTickets).toHaveLength(1);
  });

  it('answers 404 for another workspace, and for a contact or company that does not exist', async () => {
    const stranger = await apiAs(newWorkspaceId('strangers'));
    for (const path of [
      `/api/contacts/${ada.id}/overview`,
      `/api/contacts/${ada.id}/activities`,
      `/api/contacts/${ada.id}/activities?type=note`,
      `/api/companies/${company.id}/activities`,
      `/api/contacts/01JAAAAAAAAAAAAAAAAAAAAAAA/overview`,
      `/api/contacts/not-an-id/activities`,
    ]) {
      const reply = await stranger<ErrorReply>('GET', path);
      expect(`${reply.status} ${reply.body.error.code}`, path).toMatch(/^404 (contact|company)\.not_found$/);
    }
    const logged = await stranger<ErrorReply>('POST', `/api/contacts/${ada.id}/activities`, {
      type: 'note',
      body: 'x',
    });
    expect([logged.status, logged.body.error.code]).toEqual([404, 'contact.not_found']);
  });

  it('migrates submissions under the old key and adds entries for orders written before the timeline', async () => {
    const table = testTable();
    const bo = (
      await api<{ id: string }>('POST', '/api/contacts', {
        firstName: 'Bo',
        email: 'bo@example.com',
        companyId: company.id,
      })
    ).body;
    const legacyId = '01JAAAAAAAAAAAAAAAAAAAAAAB';
    await table.client.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...keys.contactActivity(workspaceId, bo.id, legacyId),
          ...keys.formSubmission(workspaceId, '01JFORM0000000000000000000', legacyId),
          entity: 'activity',
          id: legacyId,
          type: 'form.submitted',
          contactId: bo.id,
          formId: `${workspaceId}.01JFORM0000000000000000000`,
          formName: 'Old form',
          occurredAt: '2025-01-01T00:00:00.000Z',
          recordedAt: '2025-01-01T00:00:00.000Z',
          utm: { source: 'old' },
          fields: {},
        },
      }),
    );
    const oldOrder = {
      ...espressoOrder('900', '2025-02-01T00:00:00.000Z'),
      id: '01JB0RDER00000000000000000',
      connectionId: `${workspaceId}.01JCONNECT0000000000000000`,
      source: 'shopify',
      contactId: bo.id,
      email: 'bo@example.com',
      createdAt: '2025-02-01T00:00:00.000Z',
    };
    await table.client.send(
      new PutCommand({
        TableName: table.tableName,
        Item: orderItem(workspaceId, '01JCONNECT0000000000000000', oldOrder),
      }),
    );

    const first = await migrateTimeline({ client: table.client, tableName: table.tableName });
    expect(first.submissionsMoved).toBeGreaterThanOrEqual(1);
    expect(first.ordersAdded).toBeGreaterThanOrEqual(1);
    const timeline = await api<TimelinePage>('GET', `/api/contacts/${bo.id}/activities`);
    expect(timeline.body.items.map((entry) => [entry.type, entry.id])).toEqual([
      ['order.placed', expect.any(String)],
      ['form.submitted', legacyId],
    ]);
    expect(timeline.body.items[0]).toMatchObject({
      orderId: oldOrder.id,
      occurredAt: oldOrder.placedAt,
      companyId: company.id,
    });
    const items = await table.itemsOf(workspaceId);
    expect(items.filter((item) => String(item.sk).startsWith('ACTIVITY#'))).toEqual([]);
    expect(items.find((item) => item.id === legacyId)).toMatchObject({
      gsi3pk: keys.formSubmissionsPartition(workspaceId, '01JFORM0000000000000000000'),
      gsi2pk: keys.companyTimelinePartition(workspaceId, company.id),
    });

    // run again: nothing moves twice, no order gets a second entry
    const before = await table.itemsOf(workspaceId);
    const second = await migrateTimeline({ client: table.client, tableName: table.tableName });
    expect(second.submissionsMoved).toBe(0);
    expect(await table.itemsOf(workspaceId)).toEqual(before);
  });
});
