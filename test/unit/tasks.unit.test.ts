import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { dayBoundsIn } from '../../shared/tasks/day-bounds';
import { taskListQuery } from '../../shared/tasks/list-tasks';
import { isOverdue, type Task, TaskInput, TaskPatch, TasksQuery } from '../../shared/tasks/task';
import { openWorkContactOf, taskIndexKeys } from '../../shared/tasks/task-item';
import { openWorkWrites } from '../../shared/tasks/task-writes';
import { changedFieldsOf, patchedTask } from '../../shared/tasks/update-task';

const ws = 'acme-1';
const id = '01J9ZK3T5Q8W6N4M2P0R7S9V1X';
const contactId = '01J9ZK3T5Q8W6N4M2P0R7S9V2Y';
const companyId = '01J9ZK3T5Q8W6N4M2P0R7S9V3Z';

const open: Task = {
  id,
  title: 'Call Zoë',
  dueAt: '2026-12-06T09:30:00.000Z',
  priority: 'high',
  assigneeId: 'm-1',
  related: { kind: 'contact', id: contactId },
  done: false,
  createdBy: 'm-1',
  version: 1,
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
};

describe('the bounds of today in a time zone', () => {
  const bounds = (zone: string, at: string) => {
    const { start, end } = dayBoundsIn(zone, new Date(at));
    return [start.toISOString(), end.toISOString()];
  };

  it('are midnight to midnight, in UTC and at offsets of hours and of 45 minutes, at either end of the day', () => {
    expect(bounds('UTC', '2026-12-06T00:00:00.000Z')).toEqual([
      '2026-12-06T00:00:00.000Z',
      '2026-12-07T00:00:00.000Z',
    ]);
    expect(bounds('UTC', '2026-12-06T23:59:59.999Z')).toEqual([
      '2026-12-06T00:00:00.000Z',
      '2026-12-07T00:00:00.000Z',
    ]);
    // 18:14Z is 23:59 in Kathmandu (+05:45), 18:15Z already the next day
    expect(bounds('Asia/Kathmandu', '2026-12-06T18:14:00Z')).toEqual([
      '2026-12-05T18:15:00.000Z',
      '2026-12-06T18:15:00.000Z',
    ]);
    expect(bounds('Asia/Kathmandu', '2026-12-06T18:15:00Z')[0]).toBe('2026-12-06T18:15:00.000Z');
    // the ends of the offsets: +14:00 and -11:00
    expect(bounds('Pacific/Kiritimati', '2026-12-06T09:59:00Z')).toEqual([
      '2026-12-05T10:00:00.000Z',
      '2026-12-06T10:00:00.000Z',
    ]);
    expect(bounds('Pacific/Pago_Pago', '2026-12-06T10:59:00Z')).toEqual([
      '2026-12-05T11:00:00.000Z',
      '2026-12-06T11:00:00.000Z',
    ]);
  });

  it('span 23 hours on the day clocks go forward and 25 on the day they go back', () => {
    expect(bounds('Europe/Berlin', '2026-03-29T12:00:00Z')).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ]);
    expect(bounds('Europe/Berlin', '2026-10-25T12:00:00Z')).toEqual([
      '2026-10-24T22:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
    ]);
    // St John's changes at 02:00 with a half-hour offset
    expect(bounds('America/St_Johns', '2026-03-08T12:00:00Z')).toEqual([
      '2026-03-08T03:30:00.000Z',
      '2026-03-09T02:30:00.000Z',
    ]);
  });

  it('start at 01:00 where the change skips midnight', () => {
    // Santiago: Sunday 6 September 2026 begins at 01:00 (-03:00), the day before at 00:00 (-04:00)
    expect(bounds('America/Santiago', '2026-09-06T12:00:00Z')).toEqual([
      '2026-09-06T04:00:00.000Z',
      '2026-09-07T03:00:00.000Z',
    ]);
    expect(bounds('America/Santiago', '2026-09-05T12:00:00Z')).toEqual([
      '2026-09-05T04:00:00.000Z',
      '2026-09-06T04:00:00.000Z',
    ]);
    // Beirut goes from 00:00 to 01:00 on 29 March 2026
    expect(bounds('Asia/Beirut', '2026-03-29T12:00:00Z')).toEqual([
      '2026-03-28T22:00:00.000Z',
      '2026-03-29T21:00:00.000Z',
    ]);
  });
});

describe('a task', () => {
  it('is overdue when open with a due time that has passed, never when done or without one', () => {
    const now = new Date('2026-12-06T10:00:00.000Z');
    expect(isOverdue(open, now)).toBe(true);
    expect(isOverdue({ ...open, dueAt: '2026-12-06T10:00:00.000Z' }, now)).toBe(false);
    expect(isOverdue({ ...open, done: true }, now)).toBe(false);
    expect(isOverdue({ done: false }, now)).toBe(false);
  });

  it('is filed open by due time, under its assignee, in the due queue and under its contact', () => {
    expect(taskIndexKeys(ws, open)).toEqual({
      gsi1pk: 'WS#acme-1#OPEN_TASKS',
      gsi1sk: `2026-12-06T09:30:00.000Z#${id}`,
      gsi5pk: 'WS#acme-1#MEMBER#m-1#OPEN_TASKS',
      gsi5sk: `2026-12-06T09:30:00.000Z#${id}`,
      gsi2pk: 'WS#acme-1#TASKS_DUE',
      gsi2sk: `2026-12-06T09:30:00.000Z#${id}`,
      gsi3pk: `WS#acme-1#CONTACT#${contactId}#TASKS`,
      gsi3sk: `OPEN#2026-12-06T09:30:00.000Z#${id}`,
    });
  });

  it('leaves the due queue once announced, is last without a due time, and unfiled without a record', () => {
    expect(taskIndexKeys(ws, { ...open, dueAnnouncedAt: '2026-12-06T09:30:10.000Z' })).not.toHaveProperty(
      'gsi2pk',
    );
    const { dueAt: _dueAt, related: _related, ...bare } = open;
    expect(taskIndexKeys(ws, bare)).toEqual({
      gsi1pk: 'WS#acme-1#OPEN_TASKS',
      gsi1sk: `~#${id}`,
      gsi5pk: 'WS#acme-1#MEMBER#m-1#OPEN_TASKS',
      gsi5sk: `~#${id}`,
    });
  });

  it('is filed as done by completion time once done: off the open lists, its assignee and the queue', () => {
    const done = { ...open, done: true, completedAt: '2026-12-06T11:00:00.000Z', completedBy: 'm-2' };
    expect(taskIndexKeys(ws, done)).toEqual({
      gsi1pk: 'WS#acme-1#DONE_TASKS',
      gsi1sk: `2026-12-06T11:00:00.000Z#${id}`,
      gsi3pk: `WS#acme-1#CONTACT#${contactId}#TASKS`,
      gsi3sk: `DONE#2026-12-06T11:00:00.000Z#${id}`,
    });
    expect(openWorkContactOf(done)).toBeUndefined();
    expect(openWorkContactOf(open)).toBe(contactId);
    expect(openWorkContactOf({ ...open, related: { kind: 'company', id: companyId } })).toBeUndefined();
  });
});

describe('a change of a task', () => {
  const now = new Date('2026-12-06T12:00:00.000Z');

  it('completes and reopens it, stamping and clearing who and when', () => {
    const done = patchedTask(open, { done: true }, 'm-2', now);
    expect(done).toMatchObject({
      done: true,
      completedAt: now.toISOString(),
      completedBy: 'm-2',
      version: 2,
    });
    const reopened = patchedTask(done, { done: false }, 'm-1', now);
    expect(reopened.done).toBe(false);
    expect(reopened).not.toHaveProperty('completedAt');
    expect(reopened).not.toHaveProperty('completedBy');
    expect(changedFieldsOf(open, done)).toEqual([]);
  });

  it('re-arms task.due for a new due time only, and clears what is sent as null', () => {
    const announced = { ...open, dueAnnouncedAt: '2026-12-06T09:30:05.000Z' };
    expect(patchedTask(announced, { title: 'Call Zoë again' }, 'm-1', now).dueAnnouncedAt).toBe(
      announced.dueAnnouncedAt,
    );
    const later = patchedTask(announced, { dueAt: '2026-12-08T09:00:00.000Z' }, 'm-1', now);
    expect(later).not.toHaveProperty('dueAnnouncedAt');
    expect(taskIndexKeys(ws, later)).toMatchObject({ gsi2sk: `2026-12-08T09:00:00.000Z#${id}` });
    const cleared = patchedTask(open, { dueAt: null, related: null }, 'm-1', now);
    expect(cleared).not.toHaveProperty('dueAt');
    expect(cleared).not.toHaveProperty('related');
    expect(changedFieldsOf(open, cleared)).toEqual(['dueAt', 'related']);
  });

  it("keeps the contacts' open work in step: set while open, removed when done or moved", () => {
    const kinds = (writes: ReturnType<typeof openWorkWrites>) =>
      writes.map(
        (write) => `${write.Update?.UpdateExpression?.split(' ')[0]} ${String(write.Update?.Key?.pk)}`,
      );
    const contactPk = `WS#acme-1#CONTACT#${contactId}`;
    expect(kinds(openWorkWrites('t', ws, undefined, open))).toEqual([`SET ${contactPk}`]);
    expect(kinds(openWorkWrites('t', ws, open, patchedTask(open, { title: 'x' }, 'm', now)))).toEqual([
      `SET ${contactPk}`,
    ]);
    expect(kinds(openWorkWrites('t', ws, open, patchedTask(open, { done: true }, 'm', now)))).toEqual([
      `REMOVE ${contactPk}`,
    ]);
    const other = '01J9ZK3T5Q8W6N4M2P0R7S9V4A';
    const moved = patchedTask(open, { related: { kind: 'contact', id: other } }, 'm', now);
    expect(kinds(openWorkWrites('t', ws, open, moved))).toEqual([
      `REMOVE ${contactPk}`,
      `SET WS#acme-1#CONTACT#${other}`,
    ]);
    expect(kinds(openWorkWrites('t', ws, open, undefined))).toEqual([`REMOVE ${contactPk}`]);
  });
});

describe('the list of tasks', () => {
  const caller = { workspaceId: ws, userId: 'm-1' };
  const now = new Date('2026-12-06T12:00:00.000Z');
  const plan = (query: Record<string, string>) => taskListQuery(caller, z.parse(TasksQuery, query), now);

  it('is one Query of the index partition its view names', () => {
    expect(plan({})).toEqual({ index: 'byOwner', partition: 'WS#acme-1#MEMBER#m-1#OPEN_TASKS' });
    expect(plan({ view: 'all' })).toEqual({ index: 'byCollection', partition: 'WS#acme-1#OPEN_TASKS' });
    expect(plan({ view: 'overdue' })).toEqual({
      index: 'byCollection',
      partition: 'WS#acme-1#OPEN_TASKS',
      sortKey: { op: '<', value: now.toISOString() },
    });
    expect(plan({ view: 'today', timeZone: 'Europe/Berlin' })).toEqual({
      index: 'byCollection',
      partition: 'WS#acme-1#OPEN_TASKS',
      sortKey: { op: 'between', from: '2026-12-05T23:00:00.000Z', to: '2026-12-06T23:00:00.000Z' },
    });
    expect(plan({ view: 'overdue', assigneeId: 'm-2' })).toMatchObject({
      index: 'byOwner',
      partition: 'WS#acme-1#MEMBER#m-2#OPEN_TASKS',
    });
    expect(plan({ view: 'done' })).toEqual({
      index: 'byCollection',
      partition: 'WS#acme-1#DONE_TASKS',
      newestFirst: true,
    });
    expect(plan({ contactId })).toEqual({
      index: 'byParent',
      partition: `WS#acme-1#CONTACT#${contactId}#TASKS`,
      sortKey: { op: 'begins_with', prefix: 'OPEN#' },
    });
    expect(plan({ companyId, view: 'done' })).toEqual({
      index: 'byParent',
      partition: `WS#acme-1#COMPANY#${companyId}#TASKS`,
      sortKey: { op: 'begins_with', prefix: 'DONE#' },
      newestFirst: true,
    });
    expect(plan({ dealId: companyId })).toEqual({
      index: 'byParent',
      partition: `WS#acme-1#DEAL#${companyId}#TASKS`,
      sortKey: { op: 'begins_with', prefix: 'OPEN#' },
    });
  });

  it('refuses a time zone Intl does not know, and views a record does not have', () => {
    expect(z.safeParse(TasksQuery, { view: 'today', timeZone: 'Mars/Olympus_Mons' }).success).toBe(false);
    expect(
      z.safeParse(TasksQuery, { view: 'today', timeZone: 'America/Argentina/Buenos_Aires' }).success,
    ).toBe(true);
    expect(z.safeParse(TasksQuery, { contactId, view: 'overdue' }).success).toBe(false);
    expect(z.safeParse(TasksQuery, { contactId, companyId }).success).toBe(false);
    expect(z.safeParse(TasksQuery, { contactId, dealId: companyId }).success).toBe(false);
    expect(z.safeParse(TasksQuery, { assigneeId: 'm-2', view: 'done' }).success).toBe(false);
    expect(z.safeParse(TasksQuery, { assigneeId: 'm-2' }).success).toBe(false);
    expect(z.safeParse(TasksQuery, { assigneeId: 'm-2', view: 'today' }).success).toBe(true);
  });
});

describe('task bodies', () => {
  it('are strict, with a one-line title, bounded notes and a due time kept in UTC', () => {
    expect(z.parse(TaskInput, { title: ' Call ', dueAt: '2026-12-06T10:30:00+01:00' })).toEqual({
      title: 'Call',
      dueAt: '2026-12-06T09:30:00.000Z',
      priority: 'normal',
    });
    expect(z.safeParse(TaskInput, { title: 'Call\nme' }).success).toBe(false);
    expect(z.safeParse(TaskInput, { title: 'Call', notes: 'x'.repeat(5001) }).success).toBe(false);
    expect(z.safeParse(TaskInput, { title: 'Call', done: true }).success).toBe(false);
    expect(z.safeParse(TaskInput, { title: 'Call', dueAt: 'tomorrow' }).success).toBe(false);
    expect(z.safeParse(TaskInput, { title: 'Call', related: { kind: 'deal', id } }).success).toBe(true);
    expect(z.safeParse(TaskInput, { title: 'Call', related: { kind: 'order', id } }).success).toBe(false);
    expect(z.safeParse(TaskPatch, {}).success).toBe(false);
    expect(z.safeParse(TaskPatch, { done: true }).success).toBe(true);
  });
});
