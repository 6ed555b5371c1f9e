import { beforeAll, describe, expect, it } from 'vitest';
import { activitiesKeys } from '../../shared/activities/activities-keys';
import { openWorkOf } from '../../shared/activities/open-work';
import { TicketTimelineEntry } from '../../shared/activities/work-timeline-entries';
import type { OutboxEvent } from '../../shared/events/outbox';
import { eventHandler } from '../../shared/platform/event-handler-frame';
import { GetCommand } from '../../shared/store/document-client';
import { MemberDeactivated } from '../../shared/team/member-events';
import { teamKeys } from '../../shared/team/team-keys';
import { openTicket } from '../../shared/tickets/open-ticket';
import { reassignMemberTickets } from '../../shared/tickets/reassign-member-tickets';
import type { TicketSlaSettings, TicketStats, TicketsPage, TicketView } from '../../shared/tickets/ticket';
import {
  TicketOpened,
  TicketReopened,
  TicketResolved,
  TicketUpdated,
} from '../../shared/tickets/ticket-events';
import { ticketsKeys } from '../../shared/tickets/tickets-keys';
import { updateTicket } from '../../shared/tickets/update-ticket';
import { type Api, apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { busEvent } from '../support/frame-fakes';
import { localMemberIdOf, seedMember } from '../support/team-members';

/** Tickets through the API: the status flow, the SLA queue, figures, policy, assignees and reassignment. */
const table = testTable();
type ErrorReply = { error: { code: string; fields?: Record<string, string> } };

async function outboxEventsOf(workspaceId: string, detailType: string) {
  return (await table.itemsOf(workspaceId))
    .filter((item) => item.sk === 'OUTBOX')
    .flatMap((item) => item.events as OutboxEvent[])
    .filter((event) => event.detailType === detailType);
}

async function itemAt(key: { pk: string; sk: string }) {
  return (
    await table.client.send(new GetCommand({ TableName: table.tableName, Key: key, ConsistentRead: true }))
  ).Item;
}

async function ticketTimelineOf(workspaceId: string, contactId: string) {
  return (await table.itemsOf(workspaceId))
    .filter((item) => item.entity === 'timelineEntry' && item.contactId === contactId)
    .map((item) => TicketTimelineEntry.parse(item))
    .sort((a, b) => a.id.localeCompare(b.id));
}

async function openWorkOfContact(workspaceId: string, contactId: string) {
  return openWorkOf(await itemAt(activitiesKeys.contactOpenWork(workspaceId, contactId))).ticket;
}

describe('tickets', () => {
  let workspaceId: string;
  let api: Api;
  let me: string;
  let companyId: string;
  let ada: { id: string };

  beforeAll(async () => {
    workspaceId = newWorkspaceId('tickets');
    api = await apiAs(workspaceId);
    me = await seedMember(workspaceId);
    companyId = (await api<{ id: string }>('POST', '/api/companies', { name: 'Acme' })).body.id;
    ada = (
      await api<{ id: string }>('POST', '/api/contacts', {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@example.com',
        companyId,
      })
    ).body;
  });

  it('opens a ticket with SLA due times from the default policy, on the queue, the open work and the timeline', async () => {
    const before = Date.now();
    const opened = await api<TicketView>('POST', '/api/tickets', {
      subject: 'Parcel never arrived',
      description: 'Ordered on Monday.',
      priority: 'high',
      contactId: ada.id,
      assigneeId: me,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.headers.get('etag')).toBe('"1"');
    const ticket = opened.body;
    expect(ticket).toMatchObject({
      subject: 'Parcel never arrived',
      status: 'open',
      priority: 'high',
      contactId: ada.id,
      contactName: 'Ada Lovelace',
      assigneeId: me,
      openedBy: me,
      version: 1,
      slaBreached: false,
      firstResponseBreached: false,
    });
    const openedAt = Date.parse(ticket.openedAt);
    expect(openedAt).toBeGreaterThanOrEqual(before - 1000);
    // high under the defaults: 4 hours to answer, a day to resolve
    expect(Date.parse(ticket.firstResponseDueAt) - openedAt).toBe(4 * 3600_000);
    expect(Date.parse(ticket.slaDueAt) - openedAt).toBe(24 * 3600_000);

    expect(await openWorkOfContact(workspaceId, ada.id)).toEqual([
      {
        kind: 'ticket',
        id: ticket.id,
        title: 'Parcel never arrived',
        status: 'open',
        priority: 'high',
        dueAt: ticket.slaDueAt,
        assigneeId: me,
        updatedAt: ticket.updatedAt,
      },
    ]);
    const timeline = await ticketTimelineOf(workspaceId, ada.id);
    expect(timeline).toEqual([
      expect.objectContaining({
        type: 'ticket.opened',
        ticketId: ticket.id,
        companyId,
        actorId: me,
        status: 'open',
      }),
    ]);
    // on the company's timeline too
    const entry = await itemAt(
      activitiesKeys.timelineEntry(workspaceId, 'CONTACT', ada.id, timeline[0]?.id as string),
    );
    expect(entry?.gsi2pk).toBe(activitiesKeys.companyTimelinePartition(workspaceId, companyId));
    const events = await outboxEventsOf(workspaceId, 'ticket.opened');
    expect(events).toHaveLength(1);
    expect(TicketOpened.detail.parse(events[0]?.detail)).toMatchObject({
      contactId: ada.id,
      actorId: me,
      ticket: { id: ticket.id, subject: 'Parcel never arrived', slaDueAt: ticket.slaDueAt },
    });
    expect(events[0]?.detail).not.toHaveProperty('ticket.description');

    const read = await api<TicketView>('GET', `/api/tickets/${ticket.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toMatchObject({ id: ticket.id, description: 'Ordered on Monday.' });
  });

  it('goes open → pending → resolved → reopened, with first response and resolution times, figures and events', async () => {
    const ticket = (
      await api<TicketView>('POST', '/api/tickets', {
        subject: 'Invoice address',
        priority: 'normal',
        contactId: ada.id,
      })
    ).body;
    const path = `/api/tickets/${ticket.id}`;
    expect((await api('PATCH', path, { status: 'pending' })).status).toBe(428);

    const pending = await api<TicketView>('PATCH', path, { status: 'pending' }, { 'if-match': '"1"' });
    expect(pending.status, JSON.stringify(pending.body)).toBe(200);
    expect(pending.headers.get('etag')).toBe('"2"');
    expect(pending.body).toMatchObject({
      status: 'pending',
      version: 2,
      firstResponseSeconds: expect.any(Number),
    });
    expect(pending.body.firstRespondedAt).toBeDefined();
    expect((await openWorkOfContact(workspaceId, ada.id)).find((work) => work.id === ticket.id)?.status).toBe(
      'pending',
    );

    const resolved = await api<TicketView>('PATCH', path, { status: 'resolved' }, { 'if-match': '"2"' });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', version: 3, slaBreached: false });
    expect(resolved.body.resolutionSeconds).toBeGreaterThanOrEqual(0);
    expect((await openWorkOfContact(workspaceId, ada.id)).map((work) => work.id)).not.toContain(ticket.id);
    const queue = await api<TicketsPage>('GET', '/api/tickets');
    expect(queue.body.items.map((item) => item.id)).not.toContain(ticket.id);
    const month = resolved.body.resolvedAt?.slice(0, 7) as string;
    expect(await itemAt({ pk: `WS#${workspaceId}#TICKET_STATS#${month}`, sk: 'STATS' })).toMatchObject({
      resolvedCount: 1,
      resolutionSecondsTotal: resolved.body.resolutionSeconds,
      firstResponseCount: 1,
    });
    const resolvedEvents = await outboxEventsOf(workspaceId, 'ticket.resolved');
    expect(TicketResolved.detail.parse(resolvedEvents[0]?.detail)).toMatchObject({
      ticket: { id: ticket.id, status: 'resolved' },
      resolutionSeconds: resolved.body.resolutionSeconds,
      slaBreached: false,
    });

    const reopened = await api<TicketView>('PATCH', path, { status: 'open' }, { 'if-match': '"3"' });
    expect(reopened.body).toMatchObject({ status: 'open', version: 4, reopenCount: 1 });
    expect(reopened.body).not.toHaveProperty('resolvedAt');
    expect(reopened.body.firstRespondedAt).toBe(pending.body.firstRespondedAt);
    // the reopen takes the resolution back out of its month
    expect(await itemAt({ pk: `WS#${workspaceId}#TICKET_STATS#${month}`, sk: 'STATS' })).toMatchObject({
      resolvedCount: 0,
      resolutionSecondsTotal: 0,
      firstResponseCount: 1,
    });
    expect(await outboxEventsOf(workspaceId, 'ticket.reopened')).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ contactId: ada.id }) }),
    ]);
    expect(
      TicketReopened.detail.safeParse((await outboxEventsOf(workspaceId, 'ticket.reopened'))[0]?.detail)
        .success,
    ).toBe(true);
    expect((await openWorkOfContact(workspaceId, ada.id)).find((work) => work.id === ticket.id)?.status).toBe(
      'open',
    );
    const types = (await ticketTimelineOf(workspaceId, ada.id))
      .filter((entry) => entry.ticketId === ticket.id)
      .map((entry) => entry.type);
    expect(types).toEqual(['ticket.opened', 'ticket.resolved', 'ticket.reopened']);
    // status open ↔ pending is ticket.updated
    expect(
      (await outboxEventsOf(workspaceId, 'ticket.updated')).map((event) =>
        TicketUpdated.detail.parse(event.detail),
      ),
    ).toContainEqual(
      expect.objectContaining({ changes: ['status'], ticket: expect.objectContaining({ id: ticket.id }) }),
    );
  });

  it('refuses an illegal transition with 409 ticket.illegal_transition and a stale version with 409', async () => {
    const ticket = (
      await api<TicketView>('POST', '/api/tickets', { subject: 'Wrong size', contactId: ada.id })
    ).body;
    const path = `/api/tickets/${ticket.id}`;
    const before = await table.itemsOf(workspaceId);
    const illegal = await api<ErrorReply>('PATCH', path, { status: 'resolved' }, { 'if-match': '"1"' });
    expect([illegal.status, illegal.body.error.code]).toEqual([409, 'ticket.illegal_transition']);
    expect(await table.itemsOf(workspaceId)).toEqual(before);
    await api('PATCH', path, { subject: 'Wrong size (shoes)' }, { 'if-match': '"1"' });
    const stale = await api<ErrorReply>('PATCH', path, { subject: 'x' }, { 'if-match': '"1"' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'ticket.version_conflict']);
  });

  it('refuses an assignee who is not an active member (400 naming assigneeId) and a contact that is not there', async () => {
    const gone = await seedMember(workspaceId, { email: 'gone@example.com', status: 'deactivated' });
    const before = await table.itemsOf(workspaceId);
    for (const assigneeId of [gone, localMemberIdOf(workspaceId, 'stranger@example.com')]) {
      const refused = await api<ErrorReply>('POST', '/api/tickets', {
        subject: 'Refund',
        contactId: ada.id,
        assigneeId,
      });
      expect([refused.status, refused.body.error.code]).toEqual([400, 'request.invalid']);
      expect(Object.keys(refused.body.error.fields ?? {})).toEqual(['assigneeId']);
    }
    const noContact = await api<ErrorReply>('POST', '/api/tickets', {
      subject: 'Refund',
      contactId: '01J9ZK3T5Q8W6N4M2P0R7S9V1X',
    });
    expect([noContact.status, Object.keys(noContact.body.error.fields ?? {})]).toEqual([400, ['contactId']]);
    expect(await table.itemsOf(workspaceId)).toEqual(before);

    const ticket = (await api<TicketView>('POST', '/api/tickets', { subject: 'Refund', contactId: ada.id }))
      .body;
    const reassigned = await api<ErrorReply>(
      'PATCH',
      `/api/tickets/${ticket.id}`,
      { assigneeId: gone },
      { 'if-match': '"1"' },
    );
    expect([reassigned.status, Object.keys(reassigned.body.error.fields ?? {})]).toEqual([
      400,
      ['assigneeId'],
    ]);
  });

  it('is not found from another workspace', async () => {
    const ticket = (
      await api<TicketView>('POST', '/api/tickets', { subject: 'Mine only', contactId: ada.id })
    ).body;
    const other = await apiAs(newWorkspaceId('tickets-other'));
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { status: 'pending' }],
    ] as const) {
      const reply = await other<ErrorReply>(method, `/api/tickets/${ticket.id}`, body, { 'if-match': '"1"' });
      expect([reply.status, reply.body.error.code]).toEqual([404, 'ticket.not_found']);
    }
    const contactTickets = await other<ErrorReply>('GET', `/api/contacts/${ada.id}/tickets`);
    expect([contactTickets.status, contactTickets.body.error.code]).toEqual([404, 'contact.not_found']);
    const created = await other<ErrorReply>('POST', '/api/tickets', { subject: 'x', contactId: ada.id });
    expect([created.status, Object.keys(created.body.error.fields ?? {})]).toEqual([400, ['contactId']]);
    expect((await other<TicketsPage>('GET', '/api/tickets')).body.items).toEqual([]);
  });
});

describe('the queue, the figures and the SLA policy', () => {
  let workspaceId: string;
  let api: Api;
  let me: string;
  let colleague: string;
  let contactId: string;

  beforeAll(async () => {
    workspaceId = newWorkspaceId('ticket-queue');
    api = await apiAs(workspaceId);
    me = await seedMember(workspaceId);
    colleague = await seedMember(workspaceId, { email: 'sam@example.com', roles: ['support'] });
    contactId = (
      await api<{ id: string }>('POST', '/api/contacts', { firstName: 'Grace', email: 'g@example.com' })
    ).body.id;
  });

  const open = async (subject: string, priority: string, assigneeId?: string) => {
    const reply = await api<TicketView>('POST', '/api/tickets', {
      subject,
      priority,
      contactId,
      ...(assigneeId ? { assigneeId } : {}),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };

  it('lists open and pending tickets soonest SLA due first, in one Query, filtered by assignee and status', async () => {
    const low = await open('Low', 'low', colleague);
    const urgent = await open('Urgent', 'urgent', me);
    const normal = await open('Normal', 'normal');
    const high = await open('High', 'high', me);
    await api('PATCH', `/api/tickets/${high.id}`, { status: 'pending' }, { 'if-match': '"1"' });

    const queue = await api<TicketsPage>('GET', '/api/tickets');
    expect(queue.body.items.map((ticket) => ticket.subject)).toEqual(['Urgent', 'High', 'Normal', 'Low']);
    const firstPage = await api<TicketsPage>('GET', '/api/tickets?limit=2');
    expect(firstPage.body.items.map((ticket) => ticket.id)).toEqual([urgent.id, high.id]);
    const secondPage = await api<TicketsPage>(
      'GET',
      `/api/tickets?limit=2&cursor=${encodeURIComponent(firstPage.body.nextCursor as string)}`,
    );
    expect(secondPage.body.items.map((ticket) => ticket.id)).toEqual([normal.id, low.id]);

    const mine = await api<TicketsPage>('GET', '/api/tickets?assignee=mine');
    expect(mine.body.items.map((ticket) => ticket.subject)).toEqual(['Urgent', 'High']);
    const pending = await api<TicketsPage>('GET', '/api/tickets?status=pending');
    expect(pending.body.items.map((ticket) => ticket.subject)).toEqual(['High']);
    const mineOpen = await api<TicketsPage>('GET', '/api/tickets?assignee=mine&status=open');
    expect(mineOpen.body.items.map((ticket) => ticket.subject)).toEqual(['Urgent']);

    // a higher priority moves the ticket up the queue (its due time is recomputed from the opening)
    const raised = await api<TicketView>(
      'PATCH',
      `/api/tickets/${low.id}`,
      { priority: 'urgent' },
      { 'if-match': '"1"' },
    );
    expect(Date.parse(raised.body.slaDueAt) - Date.parse(raised.body.openedAt)).toBe(4 * 3600_000);
    // (it was opened before the urgent one, so it is due first)
    const requeued = await api<TicketsPage>('GET', '/api/tickets');
    expect(requeued.body.items.map((ticket) => ticket.subject)).toEqual(['Low', 'Urgent', 'High', 'Normal']);
    // reassigning moves it between members' queues
    await api('PATCH', `/api/tickets/${low.id}`, { assigneeId: me }, { 'if-match': '"2"' });
    expect(
      (await api<TicketsPage>('GET', '/api/tickets?assignee=mine')).body.items.map((t) => t.subject),
    ).toEqual(['Low', 'Urgent', 'High']);
    // a contact's tickets: newest first
    const contactTickets = await api<TicketsPage>('GET', `/api/contacts/${contactId}/tickets`);
    expect(contactTickets.body.items.map((ticket) => ticket.subject)).toEqual([
      'High',
      'Normal',
      'Urgent',
      'Low',
    ]);
  });

  it("answers this month's average resolution time and SLA breaches: resolved late and open past due", async () => {
    const store = { client: table.client, tableName: table.tableName };
    const now = Date.now();
    // opened 6 hours ago as urgent (4 hours to resolve): past due, still open
    const overdue = await openTicket({ store, clock: () => new Date(now - 6 * 3600_000) }, workspaceId, me, {
      subject: 'Overdue',
      priority: 'urgent',
      contactId,
    });
    // opened 5 hours ago as urgent, answered and resolved now: late
    const late = await openTicket({ store, clock: () => new Date(now - 5 * 3600_000) }, workspaceId, me, {
      subject: 'Late',
      priority: 'urgent',
      contactId,
    });
    await api('PATCH', `/api/tickets/${late.id}`, { status: 'pending' }, { 'if-match': '"1"' });
    const resolved = await api<TicketView>(
      'PATCH',
      `/api/tickets/${late.id}`,
      { status: 'resolved' },
      { 'if-match': '"2"' },
    );
    expect(resolved.body.slaBreached).toBe(true);
    expect(resolved.body.resolutionSeconds).toBeGreaterThanOrEqual(5 * 3600);

    const stats = await api<TicketStats>('GET', '/api/tickets/stats');
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      month: new Date().toISOString().slice(0, 7),
      resolvedCount: 1,
      averageResolutionSeconds: resolved.body.resolutionSeconds,
      resolvedLateCount: 1,
      overdueOpenCount: 1,
      slaBreaches: 2,
      // the queue test's four, and the overdue one
      openCount: 5,
      nextDue: { ticketId: overdue.id, slaDueAt: overdue.slaDueAt },
      firstResponsesLateCount: 1,
    });
    const queue = await api<TicketsPage>('GET', '/api/tickets');
    expect(queue.body.items[0]).toMatchObject({
      id: overdue.id,
      slaBreached: true,
      firstResponseBreached: true,
    });
  });

  it('keeps the default policy until an admin sets one; new tickets and priority changes use it', async () => {
    const defaults = await api<TicketSlaSettings>('GET', '/api/settings/ticket-sla');
    expect(defaults.body).toEqual({
      urgent: { firstResponseMinutes: 60, resolutionMinutes: 240 },
      high: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
      normal: { firstResponseMinutes: 480, resolutionMinutes: 4320 },
      low: { firstResponseMinutes: 1440, resolutionMinutes: 7200 },
    });
    const policy = { ...defaults.body, normal: { firstResponseMinutes: 30, resolutionMinutes: 120 } };
    const created = await api<TicketSlaSettings>('PUT', '/api/settings/ticket-sla', policy);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ ...policy, updatedBy: me });
    expect((await api('PUT', '/api/settings/ticket-sla', policy)).status).toBe(200);
    const support = await apiAs(workspaceId, ['support']);
    expect((await support('PUT', '/api/settings/ticket-sla', policy)).status).toBe(403);
    expect((await support<TicketSlaSettings>('GET', '/api/settings/ticket-sla')).body.normal).toEqual(
      policy.normal,
    );
    const backwards = await api<ErrorReply>('PUT', '/api/settings/ticket-sla', {
      ...policy,
      high: { firstResponseMinutes: 500, resolutionMinutes: 100 },
    });
    expect([backwards.status, Object.keys(backwards.body.error.fields ?? {})]).toEqual([
      400,
      ['high.firstResponseMinutes'],
    ]);

    const ticket = await open('Under the new policy', 'normal');
    expect(Date.parse(ticket.firstResponseDueAt) - Date.parse(ticket.openedAt)).toBe(30 * 60_000);
    expect(Date.parse(ticket.slaDueAt) - Date.parse(ticket.openedAt)).toBe(120 * 60_000);
  });
});

describe('member.deactivated', () => {
  it("hands the member's open tickets to the member picked, once, and leaves resolved ones", async () => {
    const workspaceId = newWorkspaceId('ticket-reassign');
    const api = await apiAs(workspaceId);
    const admin = await seedMember(workspaceId);
    const leaving = await seedMember(workspaceId, { email: 'leaving@example.com', roles: ['support'] });
    const taking = await seedMember(workspaceId, { email: 'taking@example.com', roles: ['support'] });
    const contactId = (
      await api<{ id: string }>('POST', '/api/contacts', { firstName: 'Lin', email: 'lin@example.com' })
    ).body.id;
    const store = { client: table.client, tableName: table.tableName };
    const deps = { store, clock: () => new Date() };
    const open = (subject: string) =>
      openTicket(deps, workspaceId, admin, { subject, priority: 'normal', contactId, assigneeId: leaving });
    const first = await open('First');
    const second = await open('Second');
    const done = await open('Done');
    await updateTicket(deps, workspaceId, admin, done.id, { status: 'pending' }, 1);
    await updateTicket(deps, workspaceId, admin, done.id, { status: 'resolved' }, 2);
    const others = await openTicket(deps, workspaceId, admin, {
      subject: 'Not theirs',
      priority: 'low',
      contactId,
    });

    const handler = eventHandler({
      contract: MemberDeactivated,
      name: 'ReassignDeactivatedMemberTickets',
      deps,
      handle: (detail, context) => reassignMemberTickets(context.deps, detail.workspaceId, detail),
    });
    const detail = {
      eventId: '01JEQ3T5Q8W6N4M2P0R7S9V1XD',
      eventVersion: 1,
      workspaceId,
      occurredAt: new Date().toISOString(),
      memberId: leaving,
      email: 'leaving@example.com',
      reassignTo: taking,
      deactivatedBy: admin,
    };
    await handler(busEvent('member.deactivated', detail), { getRemainingTimeInMillis: () => 30_000 });

    const read = async (id: string) => (await api<TicketView>('GET', `/api/tickets/${id}`)).body;
    expect(await read(first.id)).toMatchObject({ assigneeId: taking, version: 2 });
    expect(await read(second.id)).toMatchObject({ assigneeId: taking, version: 2 });
    expect(await read(done.id)).toMatchObject({ assigneeId: leaving, status: 'resolved', version: 3 });
    expect(await read(others.id)).not.toHaveProperty('assigneeId');
    const work = await openWorkOfContact(workspaceId, contactId);
    expect(
      work
        .filter((entry) => entry.assigneeId === taking)
        .map((entry) => entry.title)
        .sort(),
    ).toEqual(['First', 'Second']);
    // filed under the member taking them on byOwner, no longer under the one leaving
    const ticketItem = await itemAt(ticketsKeys.ticket(workspaceId, first.id));
    expect(ticketItem?.gsi5pk).toBe(teamKeys.ownedByPartition(workspaceId, taking, 'OPEN_TICKETS'));
    expect(ticketItem?.gsi5sk).toBe(`${first.slaDueAt}#${first.id}`);
    const updated = (await outboxEventsOf(workspaceId, 'ticket.updated')).map((event) =>
      TicketUpdated.detail.parse(event.detail),
    );
    expect(
      updated
        .filter((event) => event.changes.includes('assigneeId'))
        .map((event) => event.ticket.id)
        .sort(),
    ).toEqual([first.id, second.id].sort());

    // the event again (a redelivery), and the operation once more: nothing moves twice
    await handler(busEvent('member.deactivated', detail), { getRemainingTimeInMillis: () => 30_000 });
    expect(await reassignMemberTickets(deps, workspaceId, detail)).toBe(0);
    expect(await read(first.id)).toMatchObject({ version: 2 });
  });
});
