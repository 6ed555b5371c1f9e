import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud';
import { eventBusFromEnv } from '../../shared/events/event-publisher';
import type { Task, TaskPage } from '../../shared/tasks/task';
import { TaskDue } from '../../shared/tasks/task-events';
import { newWorkspaceId } from '../support/api-client';
import { localCloudClient } from '../support/local-cloud-client';
import { seedMember } from '../support/team-members';

/**
 * Tasks' background work in a local cloud of its own, wired from the registry as in AWS: the scheduler runs
 * the due sweep every minute (task.due reaches the bus once), and member.deactivated on the bus reaches the
 * reassignment consumer.
 */
let cloud: LocalCloud;
let client: ReturnType<typeof localCloudClient>;
const workspaceId = newWorkspaceId('tasks-bg');

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, tableName: 'seed-crm-tasks-test' });
  client = localCloudClient(cloud);
});
afterAll(async () => {
  await cloud?.stop();
});

const table = () => ({ client: client.documents, tableName: cloud.tableName });

describe('tasks in the background', () => {
  it('are swept for due tasks every minute by the scheduler, which emits task.due once per due time', async () => {
    const api = await client.apiAs(workspaceId);
    await seedMember(workspaceId, { table: table() });
    const reply = await api<Task>('POST', '/api/tasks', {
      title: 'Overdue already',
      dueAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    await client.drained();

    const rule = 'AnnounceDueTasksSchedule';
    const next = cloud.eventBus.nextRuns().get(rule);
    expect(next, 'the scheduler runs the sweep').toBeInstanceOf(Date);
    expect((next as Date).getTime() - Date.now()).toBeLessThanOrEqual(60_000);

    await Promise.all([cloud.eventBus.fireSchedule(rule), cloud.eventBus.fireSchedule(rule)]);
    await cloud.eventBus.fireSchedule(rule);
    await client.drained();
    const due = cloud.eventBus
      .published()
      .filter((entry) => entry.event['detail-type'] === 'task.due')
      .map((entry) => TaskDue.detail.parse(entry.event.detail))
      .filter((detail) => detail.task.id === reply.body.id);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ workspaceId, task: { title: 'Overdue already', done: false } });
    const read = await api<Task>('GET', `/api/tasks/${reply.body.id}`);
    expect(read.body.dueAnnouncedAt).toEqual(expect.any(String));
  });

  it('hand a deactivated member’s open tasks over when member.deactivated comes, once however often it comes', async () => {
    const api = await client.apiAs(workspaceId);
    const leaving = await seedMember(workspaceId, { email: 'leaving@example.com', table: table() });
    const taking = await seedMember(workspaceId, { email: 'taking@example.com', table: table() });
    for (const title of ['First', 'Second']) {
      const created = await api('POST', '/api/tasks', { title, assigneeId: leaving });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    await client.drained();

    const detail = {
      eventId: '01J9ZK3T5Q8W6N4M2P0R7S9V1X',
      eventVersion: 1,
      workspaceId,
      occurredAt: new Date().toISOString(),
      memberId: leaving,
      email: 'leaving@example.com',
      reassignTo: taking,
      deactivatedBy: 'admin-1',
    };
    const bus = eventBusFromEnv({ ...process.env, EVENTBRIDGE_ENDPOINT: cloud.eventBridgeEndpoint });
    const send = () =>
      bus.client.send(
        new PutEventsCommand({
          Entries: [
            {
              Source: 'crm',
              DetailType: 'member.deactivated',
              Detail: JSON.stringify(detail),
              EventBusName: bus.busName,
            },
          ],
        }),
      );
    await send();
    await client.drained();
    await send();
    await client.drained();

    const theirs = await api<TaskPage>('GET', `/api/tasks?view=all&assigneeId=${taking}`);
    expect(theirs.body.items.map((task) => [task.title, task.version])).toEqual([
      ['First', 2],
      ['Second', 2],
    ]);
    const left = await api<TaskPage>('GET', `/api/tasks?view=all&assigneeId=${leaving}`);
    expect(left.body.items).toEqual([]);
    const reassignedEvents = cloud.eventBus
      .published()
      .filter(
        (entry) =>
          entry.event['detail-type'] === 'task.updated' &&
          (entry.event.detail as { updatedBy?: string }).updatedBy === 'admin-1',
      );
    expect(reassignedEvents).toHaveLength(2);
  });
});
