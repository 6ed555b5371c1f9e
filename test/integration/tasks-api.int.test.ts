import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { openWorkOf } from '../../shared/activities/open-work';
import type { OutboxEvent } from '../../shared/events/outbox';
import { GetCommand } from '../../shared/store/document-client';
import { keys } from '../../shared/store/keys';
import type { Store } from '../../shared/store/store';
import { announceDueTasksInWorkspace } from '../../shared/tasks/announce-due-tasks';
import { listTasks } from '../../shared/tasks/list-tasks';
import { reassignMemberTasks } from '../../shared/tasks/reassign-member-tasks';
import type { Task, TaskPage } from '../../shared/tasks/task';
import { TasksQuery } from '../../shared/tasks/task';
import { updateTask } from '../../shared/tasks/update-task';
import { type Api, apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { seedMember } from '../support/team-members';

/** Tasks through the API, their indexes, the contact's open work, the due sweep and reassignment. */
const table = testTable();
const store: Store = { client: table.client, tableName: table.tableName };

async function outboxEventsOf(workspaceId: string, detailType: string) {
  const items = await table.itemsOf(workspaceId);
  return items
    .filter((item) => item.sk === 'OUTBOX')
    .flatMap((item) => item.events as OutboxEvent[])
    .filter((event) => event.detailType === detailType);
}

async function openWorkOfContact(workspaceId: string, contactId: string) {
  const { Item } = await table.client.send(
    new GetCommand({
      TableName: table.tableName,
      Key: keys.contactOpenWork(workspaceId, contactId),
      ConsistentRead: true,
    }),
  );
  return openWorkOf(Item).task;
}

async function rawTaskItem(workspaceId: string, taskId: string) {
  const { Item } = await table.client.send(
    new GetCommand({ TableName: table.tableName, Key: keys.task(workspaceId, taskId), ConsistentRead: true }),
  );
  return Item as Record<string, unknown>;
}

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

describe('tasks', () => {
  let workspaceId: string;
  let api: Api;
  let me: string;
  let grace: string;
  let contactId: string;
  let companyId: string;

  beforeAll(async () => {
    workspaceId = newWorkspaceId('tasks');
    api = await apiAs(workspaceId);
    me = await seedMember(workspaceId);
    grace = await seedMember(workspaceId, { email: 'grace@example.com', roles: ['sales'], name: 'Grace' });
    contactId = (
      await api<{ id: string }>('POST', '/api/contacts', { firstName: 'Ada', email: 'ada@example.com' })
    ).body.id;
    companyId = (await api<{ id: string }>('POST', '/api/companies', { name: 'Analytical Engines' })).body.id;
  });

  const create = async (body: Record<string, unknown>) => {
    const reply = await api<Task>('POST', '/api/tasks', body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };
  const patch = async (task: Pick<Task, 'id' | 'version'>, body: Record<string, unknown>) => {
    const reply = await api<Task>('PATCH', `/api/tasks/${task.id}`, body, {
      'if-match': `"${task.version}"`,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };
  const view = async (query: string) => {
    const reply = await api<TaskPage>('GET', `/api/tasks?${query}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.items.map((task) => task.title);
  };

  it('creates a task for the caller by default, reads, changes over the version and deletes it, with events', async () => {
    const task = await create({
      title: '  Send the offer ',
      notes: 'Two pages',
      related: { kind: 'company', id: companyId },
    });
    expect(task).toMatchObject({
      title: 'Send the offer',
      notes: 'Two pages',
      priority: 'normal',
      assigneeId: me,
      createdBy: me,
      done: false,
      version: 1,
      related: { kind: 'company', id: companyId },
    });
    const read = await api<Task>('GET', `/api/tasks/${task.id}`);
    expect([read.status, read.headers.get('etag')]).toEqual([200, '"1"']);
    expect(read.body).toEqual(task);

    expect((await api('PATCH', `/api/tasks/${task.id}`, { priority: 'high' })).status).toBe(428);
    const changed = await patch(task, { priority: 'high', notes: null });
    expect(changed).toMatchObject({ priority: 'high', version: 2 });
    expect(changed).not.toHaveProperty('notes');
    const stale = await api<{ error: { code: string } }>(
      'PATCH',
      `/api/tasks/${task.id}`,
      { title: 'x' },
      {
        'if-match': '"1"',
      },
    );
    expect([stale.status, stale.body.error.code]).toEqual([409, 'task.version_conflict']);

    expect((await api('DELETE', `/api/tasks/${task.id}`)).status).toBe(204);
    const gone = await api<{ error: { code: string } }>('GET', `/api/tasks/${task.id}`);
    expect([gone.status, gone.body.error.code]).toEqual([404, 'task.not_found']);
    expect((await api('DELETE', `/api/tasks/${task.id}`)).status).toBe(404);

    const types = ['task.created', 'task.updated', 'task.deleted'];
    for (const type of types) {
      const events = (await outboxEventsOf(workspaceId, type)).filter(
        (event) =>
          (event.detail.task as { id?: string } | undefined)?.id === task.id ||
          event.detail.taskId === task.id,
      );
      expect(events, type).toHaveLength(1);
    }
    const [updated] = (await outboxEventsOf(workspaceId, 'task.updated')).filter(
      (event) => (event.detail.task as { id: string }).id === task.id,
    );
    expect(updated?.detail).toMatchObject({ changedFields: ['notes', 'priority'], updatedBy: me });
    expect(JSON.stringify(updated?.detail)).not.toContain('Two pages');
  });

  it('refuses an assignee who is not an active member, a record of no one, and bad bodies with 400s', async () => {
    const invited = await seedMember(workspaceId, { email: 'invited@example.com', status: 'invited' });
    const before = await table.itemsOf(workspaceId);
    const refused = async (body: unknown, field: string) => {
      const reply = await api<{ error: { code: string; fields: Record<string, string> } }>(
        'POST',
        '/api/tasks',
        body,
      );
      expect([reply.status, Object.keys(reply.body.error.fields ?? {})], JSON.stringify(reply.body)).toEqual([
        400,
        [field],
      ]);
    };
    await refused({ title: 'Call', assigneeId: invited }, 'assigneeId');
    await refused({ title: 'Call', assigneeId: 'nobody-here' }, 'assigneeId');
    await refused({ title: 'Call', related: { kind: 'contact', id: companyId } }, 'related.id');
    await refused(
      { title: 'Call', related: { kind: 'company', id: '01J9ZK3T5Q8W6N4M2P0R7S9V1X' } },
      'related.id',
    );
    await refused({ title: '' }, 'title');
    await refused({ title: 'Call\u2028me' }, 'title');
    await refused({ title: 'Call', notes: 'x'.repeat(5001) }, 'notes');
    await refused({ title: 'Call', priority: 'asap' }, 'priority');
    await refused({ title: 'Call', dueAt: '2026-13-01T00:00:00Z' }, 'dueAt');
    await refused({ title: 'Call', done: true }, 'done');
    const badView = await api('GET', '/api/tasks?view=someday');
    expect(badView.status).toBe(400);
    const badZone = await api<{ error: { fields: object } }>(
      'GET',
      '/api/tasks?view=today&timeZone=Mars%2FBase',
    );
    expect([badZone.status, Object.keys(badZone.body.error.fields)]).toEqual([400, ['timeZone']]);
    expect(await table.itemsOf(workspaceId)).toEqual(before);

    const task = await create({ title: 'Reassign me' });
    const toInvited = await api<{ error: { fields: object } }>(
      'PATCH',
      `/api/tasks/${task.id}`,
      { assigneeId: invited },
      { 'if-match': '"1"' },
    );
    expect([toInvited.status, Object.keys(toInvited.body.error.fields)]).toEqual([400, ['assigneeId']]);
    await api('DELETE', `/api/tasks/${task.id}`);
  });

  it('answers views from their indexes: mine, overdue, today in the caller’s zone, all, done, a record’s', async () => {
    const ws = newWorkspaceId('task-views');
    const call = await apiAs(ws);
    const mine = await seedMember(ws);
    const other = await seedMember(ws, { email: 'other@example.com' });
    const make = async (title: string, extra: Record<string, unknown>) => {
      const reply = await call<Task>('POST', '/api/tasks', { title, ...extra });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body;
    };
    const contact = (await call<{ id: string }>('POST', '/api/contacts', { firstName: 'Zoë' })).body.id;
    await make('late', { dueAt: hours(-2) });
    await make('later today?', { dueAt: hours(0.5) });
    await make('no due', {});
    await make('next week', { dueAt: hours(24 * 7), related: { kind: 'contact', id: contact } });
    await make('theirs late', { dueAt: hours(-1), assigneeId: other });
    const finished = await make('finished', { dueAt: hours(-3), related: { kind: 'contact', id: contact } });
    await call('PATCH', `/api/tasks/${finished.id}`, { done: true }, { 'if-match': '"1"' });

    const titles = async (query: string) =>
      ((await call<TaskPage>('GET', `/api/tasks?${query}`)).body.items ?? []).map((task) => task.title);
    expect(await titles('')).toEqual(['late', 'later today?', 'next week', 'no due']);
    expect(await titles('view=mine')).toEqual(['late', 'later today?', 'next week', 'no due']);
    expect(await titles('view=overdue')).toEqual(['late', 'theirs late']);
    expect(await titles(`view=overdue&assigneeId=${other}`)).toEqual(['theirs late']);
    expect(await titles('view=all')).toEqual(['late', 'theirs late', 'later today?', 'next week', 'no due']);
    expect(await titles('view=done')).toEqual(['finished']);
    expect(await titles(`contactId=${contact}`)).toEqual(['next week']);
    expect(await titles(`contactId=${contact}&view=done`)).toEqual(['finished']);

    // "today" is the caller's day (its bounds are unit-tested): the same tasks answer differently by zone
    const due: Record<string, string> = {
      late: hours(-2),
      'theirs late': hours(-1),
      'later today?': hours(0.5),
    };
    const { dayBoundsIn } = await import('../../shared/tasks/day-bounds');
    for (const zone of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu']) {
      const bounds = dayBoundsIn(zone, new Date());
      const expected = Object.keys(due).filter(
        (title) =>
          (due[title] as string) >= bounds.start.toISOString() &&
          (due[title] as string) < bounds.end.toISOString(),
      );
      expect(new Set(await titles(`view=today&timeZone=${encodeURIComponent(zone)}`)), zone).toEqual(
        new Set(expected),
      );
    }

    // paged with cursors
    const first = (await call<TaskPage>('GET', '/api/tasks?view=all&limit=2')).body;
    expect(first.items).toHaveLength(2);
    const second = (
      await call<TaskPage>(
        'GET',
        `/api/tasks?view=all&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
      )
    ).body;
    expect(second.items.map((task) => task.title)).toEqual(['later today?', 'next week']);
    const foreign = await call(
      'GET',
      `/api/tasks?view=done&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
    );
    expect(foreign.status).toBe(400);

    // each view is one Query on its named index: no Scan, no second request
    const sent: { name: string; input: Record<string, unknown> }[] = [];
    const counting: Store = {
      tableName: store.tableName,
      client: {
        send: (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
          sent.push({ name: command.constructor.name, input: command.input });
          return store.client.send(command as never);
        },
      } as unknown as Store['client'],
    };
    const deps = { store: counting, clock: () => new Date() };
    const caller = { workspaceId: ws, userId: mine };
    for (const [query, index] of [
      [{ view: 'mine' }, 'gsi5'],
      [{ view: 'overdue' }, 'gsi1'],
      [{ view: 'today', timeZone: 'Europe/Berlin' }, 'gsi1'],
      [{ view: 'all' }, 'gsi1'],
      [{ view: 'done' }, 'gsi1'],
      [{ contactId: contact }, 'gsi3'],
    ] as const) {
      sent.length = 0;
      await listTasks(deps, caller, z.parse(TasksQuery, query));
      expect(
        sent.map((command) => `${command.name} ${String(command.input.IndexName)}`),
        JSON.stringify(query),
      ).toEqual([`QueryCommand ${index}`]);
      expect(sent[0]?.input).not.toHaveProperty('FilterExpression');
    }
  });

  it('completes and reopens a task, moving its index keys and the contact’s open work in the same write', async () => {
    const task = await create({
      title: 'Call Ada',
      dueAt: hours(2),
      priority: 'urgent',
      related: { kind: 'contact', id: contactId },
    });
    expect(await openWorkOfContact(workspaceId, contactId)).toEqual([
      expect.objectContaining({
        kind: 'task',
        id: task.id,
        title: 'Call Ada',
        priority: 'urgent',
        assigneeId: me,
      }),
    ]);
    const item = await rawTaskItem(workspaceId, task.id);
    expect(item).toMatchObject({
      gsi1pk: keys.openTasksPartition(workspaceId),
      gsi5pk: keys.memberOpenTasksPartition(workspaceId, me),
      gsi2pk: keys.dueTasksPartition(workspaceId),
      gsi3pk: keys.contactTasksPartition(workspaceId, contactId),
    });

    const done = await patch(task, { done: true });
    expect(done).toMatchObject({ done: true, completedBy: me, version: 2 });
    const doneItem = await rawTaskItem(workspaceId, task.id);
    expect(doneItem).toMatchObject({
      gsi1pk: keys.doneTasksPartition(workspaceId),
      gsi3sk: expect.stringMatching(/^DONE#/),
    });
    expect(doneItem).not.toHaveProperty('gsi5pk');
    expect(doneItem).not.toHaveProperty('gsi2pk');
    expect(await openWorkOfContact(workspaceId, contactId)).toEqual([]);
    expect(await view('view=mine')).not.toContain('Call Ada');
    expect(await view('view=done')).toContain('Call Ada');

    const reopened = await patch(done, { done: false, title: 'Call Ada again' });
    expect(reopened).toMatchObject({ done: false, version: 3 });
    expect(reopened).not.toHaveProperty('completedAt');
    expect(await openWorkOfContact(workspaceId, contactId)).toEqual([
      expect.objectContaining({ id: task.id, title: 'Call Ada again' }),
    ]);
    expect(await view('view=mine')).toContain('Call Ada again');

    // moved to the company: off the contact's open work, onto the company's list
    const moved = await patch(reopened, { related: { kind: 'company', id: companyId } });
    expect(await openWorkOfContact(workspaceId, contactId)).toEqual([]);
    expect(await view(`companyId=${companyId}`)).toContain('Call Ada again');
    expect(await view(`contactId=${contactId}`)).not.toContain('Call Ada again');
    // back to the contact, then deleted: the open work follows
    const back = await patch(moved, { related: { kind: 'contact', id: contactId } });
    expect((await openWorkOfContact(workspaceId, contactId)).map((entry) => entry.id)).toEqual([task.id]);
    expect((await api('DELETE', `/api/tasks/${back.id}`)).status).toBe(204);
    expect(await openWorkOfContact(workspaceId, contactId)).toEqual([]);

    const completed = (await outboxEventsOf(workspaceId, 'task.completed')).filter(
      (event) => (event.detail.task as { id: string }).id === task.id,
    );
    expect(completed).toHaveLength(1);
    expect(completed[0]?.detail).toMatchObject({ contactId, completedBy: me });
    expect(
      (await outboxEventsOf(workspaceId, 'task.reopened')).filter(
        (event) => (event.detail.task as { id: string }).id === task.id,
      ),
    ).toHaveLength(1);
  });

  it('reassigns a task to another member: off my list, onto theirs, and onto the contact’s open work', async () => {
    const task = await create({ title: 'Hand over', related: { kind: 'contact', id: contactId } });
    const reassigned = await patch(task, { assigneeId: grace });
    expect(reassigned.assigneeId).toBe(grace);
    expect(await view('view=mine')).not.toContain('Hand over');
    expect(await view(`view=all&assigneeId=${grace}`)).toContain('Hand over');
    expect(await openWorkOfContact(workspaceId, contactId)).toEqual([
      expect.objectContaining({ id: task.id, assigneeId: grace }),
    ]);
    await api('DELETE', `/api/tasks/${task.id}`);
  });

  it('does not show another workspace its tasks', async () => {
    const task = await create({ title: 'Private', related: { kind: 'contact', id: contactId } });
    const other = newWorkspaceId('tasks-other');
    const intruder = await apiAs(other);
    await seedMember(other);
    expect((await intruder('GET', `/api/tasks/${task.id}`)).status).toBe(404);
    expect(
      (await intruder('PATCH', `/api/tasks/${task.id}`, { done: true }, { 'if-match': '"1"' })).status,
    ).toBe(404);
    expect((await intruder('DELETE', `/api/tasks/${task.id}`)).status).toBe(404);
    const listed = await intruder<TaskPage>('GET', `/api/tasks?view=all&contactId=${contactId}`);
    expect(listed.body.items).toEqual([]);
    expect((await rawTaskItem(workspaceId, task.id)).done).toBe(false);
    await api('DELETE', `/api/tasks/${task.id}`);
  });

  it('emits task.due exactly once, whether the sweep runs twice or four times at once, and again for a new due time', async () => {
    const task = await create({
      title: 'Due soon',
      dueAt: hours(1),
      related: { kind: 'contact', id: contactId },
    });
    const dueEvents = async () =>
      (await outboxEventsOf(workspaceId, 'task.due')).filter(
        (event) => (event.detail.task as { id: string }).id === task.id,
      );
    const at = (iso: string) => ({ store, clock: () => new Date(iso) });

    // not yet due: nothing
    await announceDueTasksInWorkspace(at(hours(0.5)), workspaceId);
    expect(await dueEvents()).toHaveLength(0);

    const runs = await Promise.all(
      Array.from({ length: 4 }, () => announceDueTasksInWorkspace(at(hours(1.5)), workspaceId)),
    );
    const again = await announceDueTasksInWorkspace(at(hours(1.6)), workspaceId);
    expect(runs.reduce((sum, run) => sum + run.announced, 0) + again.announced).toBe(1);
    const events = await dueEvents();
    expect(events).toHaveLength(1);
    expect(events[0]?.detail).toMatchObject({
      contactId,
      task: { id: task.id, title: 'Due soon', dueAt: task.dueAt },
    });
    const announced = await rawTaskItem(workspaceId, task.id);
    expect(announced).toHaveProperty('dueAnnouncedAt');
    expect(announced).not.toHaveProperty('gsi2pk');
    expect(announced.version).toBe(1);

    // an edit after the announcement keeps it announced; a new due time re-arms it
    const edited = await patch(task, { title: 'Due soon!' });
    expect(await rawTaskItem(workspaceId, task.id)).not.toHaveProperty('gsi2pk');
    await announceDueTasksInWorkspace(at(hours(2)), workspaceId);
    expect(await dueEvents()).toHaveLength(1);
    const later = await patch(edited, { dueAt: hours(3) });
    expect(later).not.toHaveProperty('dueAnnouncedAt');
    await Promise.all([
      announceDueTasksInWorkspace(at(hours(3.5)), workspaceId),
      announceDueTasksInWorkspace(at(hours(3.5)), workspaceId),
    ]);
    expect(await dueEvents()).toHaveLength(2);

    // a done task is never announced
    const done = await create({ title: 'Done before due', dueAt: hours(1) });
    await patch(done, { done: true });
    await announceDueTasksInWorkspace(at(hours(5)), workspaceId);
    expect(
      (await outboxEventsOf(workspaceId, 'task.due')).filter(
        (event) => (event.detail.task as { id: string }).id === done.id,
      ),
    ).toHaveLength(0);
    await api('DELETE', `/api/tasks/${task.id}`);
  });

  it('keeps an edit that raced the due sweep from queueing the task again: it is retried on the announced task', async () => {
    // due in an hour (real time), so only this test's sweep, on a clock two hours ahead, announces it
    const task = await create({ title: 'Raced', dueAt: hours(1) });
    let swept = false;
    const racing: Store = {
      tableName: store.tableName,
      client: {
        send: async (command: { constructor: { name: string } }) => {
          const result = await store.client.send(command as never);
          // the sweep announces the task between the edit's read and its write, once
          if (!swept && command.constructor.name === 'GetCommand') {
            swept = true;
            const run = await announceDueTasksInWorkspace(
              { store, clock: () => new Date(hours(2)) },
              workspaceId,
            );
            expect(run.announced).toBeGreaterThanOrEqual(1);
          }
          return result;
        },
      } as unknown as Store['client'],
    };
    const edited = await updateTask(
      { store: racing, clock: () => new Date() },
      { workspaceId, userId: me },
      task.id,
      { title: 'Raced, edited' },
      1,
    );
    expect(swept).toBe(true);
    expect(edited).toMatchObject({ title: 'Raced, edited', version: 2, dueAnnouncedAt: expect.any(String) });
    const item = await rawTaskItem(workspaceId, task.id);
    expect(item).not.toHaveProperty('gsi2pk');
    expect(item.dueAnnouncedAt).toBe(edited.dueAnnouncedAt);
    await announceDueTasksInWorkspace({ store, clock: () => new Date(hours(3)) }, workspaceId);
    expect(
      (await outboxEventsOf(workspaceId, 'task.due')).filter(
        (event) => (event.detail.task as { id: string }).id === task.id,
      ),
    ).toHaveLength(1);
    await api('DELETE', `/api/tasks/${task.id}`);
  });

  it('hands a deactivated member’s open tasks to the member picked, once, and leaves done ones alone', async () => {
    const ws = newWorkspaceId('task-handover');
    const call = await apiAs(ws);
    await seedMember(ws);
    const leaving = await seedMember(ws, { email: 'leaving@example.com' });
    const taking = await seedMember(ws, { email: 'taking@example.com' });
    const contact = (await call<{ id: string }>('POST', '/api/contacts', { firstName: 'Bo' })).body.id;
    const open = [];
    for (let n = 0; n < 3; n++) {
      open.push(
        (
          await call<Task>('POST', '/api/tasks', {
            title: `Open ${n}`,
            assigneeId: leaving,
            dueAt: hours(n + 1),
            ...(n === 0 ? { related: { kind: 'contact', id: contact } } : {}),
          })
        ).body,
      );
    }
    const closed = (await call<Task>('POST', '/api/tasks', { title: 'Closed', assigneeId: leaving })).body;
    await call('PATCH', `/api/tasks/${closed.id}`, { done: true }, { 'if-match': '"1"' });

    const deps = { store, clock: () => new Date() };
    const change = { memberId: leaving, reassignTo: taking, deactivatedBy: 'admin-1' };
    expect(await reassignMemberTasks(deps, ws, change)).toEqual({ reassigned: 3, skipped: 0 });
    expect(await reassignMemberTasks(deps, ws, change)).toEqual({ reassigned: 0, skipped: 0 });

    for (const task of open) {
      const now = (await call<Task>('GET', `/api/tasks/${task.id}`)).body;
      expect(now).toMatchObject({ assigneeId: taking, version: 2 });
    }
    expect((await call<Task>('GET', `/api/tasks/${closed.id}`)).body.assigneeId).toBe(leaving);
    const theirs = await call<TaskPage>('GET', `/api/tasks?view=all&assigneeId=${taking}`);
    expect(theirs.body.items.map((task) => task.title)).toEqual(['Open 0', 'Open 1', 'Open 2']);
    expect((await call<TaskPage>('GET', `/api/tasks?view=all&assigneeId=${leaving}`)).body.items).toEqual([]);
    expect(await openWorkOfContact(ws, contact)).toEqual([expect.objectContaining({ assigneeId: taking })]);
    const updates = (await outboxEventsOf(ws, 'task.updated')).filter(
      (event) => (event.detail.changedFields as string[]).join() === 'assigneeId',
    );
    expect(updates).toHaveLength(3);
    expect(updates[0]?.detail).toMatchObject({ updatedBy: 'admin-1' });
  });
});
