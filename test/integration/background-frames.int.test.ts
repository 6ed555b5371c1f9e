import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineEvent } from '../../shared/events/domain-event';
import { dynamoEventDedupe } from '../../shared/platform/event-dedupe';
import { EventInProgressError, eventHandler } from '../../shared/platform/event-handler-frame';
import { currentContext } from '../../shared/platform/invocation-context';
import { workspaceJob } from '../../shared/platform/job-frame';
import { listWorkspaces, registerWorkspace } from '../../shared/platform/workspace-registry';
import { GetCommand } from '../../shared/store/document-client';
import { keys } from '../../shared/store/keys';
import type { Store } from '../../shared/store/store';
import { newWorkspaceId, testTable } from '../support/api-client';
import { busEvent } from '../support/frame-fakes';

/** The frames' DynamoDB adapters against DynamoDB Local: dedupe items, the registry, job checkpoints. */
const store: Store = testTable();
const ThingHappened = defineEvent('thing.happened', 1, { thingId: z.string() });

function detailIn(workspaceId: string, eventId: string) {
  return {
    eventId,
    eventVersion: 1,
    workspaceId,
    occurredAt: new Date().toISOString(),
    correlationId: `corr-${eventId}`,
    thingId: 't-1',
  };
}

const plenty = { getRemainingTimeInMillis: () => 30_000 };

describe('event handler frame on DynamoDB Local', () => {
  it('handles an event once, retries it after a failure, and registers its workspace', async () => {
    const workspaceId = newWorkspaceId('frames');
    let now = new Date();
    let fail = true;
    const handled: string[] = [];
    const handler = eventHandler({
      contract: ThingHappened,
      name: 'FramesIntConsumer',
      deps: { store, clock: () => now },
      handle: async (detail) => {
        if (fail) throw new Error('first attempt fails');
        handled.push(`${detail.eventId} ${currentContext()?.correlationId}`);
      },
    });
    const event = busEvent('thing.happened', detailIn(workspaceId, 'evt-a'));

    await expect(handler(event, plenty)).rejects.toThrow('first attempt fails');
    // the failure released the claim: the retry runs at once, and only once
    fail = false;
    now = new Date(now.getTime() + 1000);
    await handler(event, plenty);
    await handler(event, plenty);
    expect(handled).toEqual(['evt-a corr-evt-a']);

    const { Item } = await store.client.send(
      new GetCommand({
        TableName: store.tableName,
        Key: keys.eventHandled(workspaceId, 'FramesIntConsumer', 'evt-a'),
      }),
    );
    expect(Item).toMatchObject({ status: 'handled', entity: 'eventHandled' });
    expect(Item?.expiresAt).toBeGreaterThan(Math.floor(Date.now() / 1000));

    const registered: string[] = [];
    for await (const id of listWorkspaces(store, { after: `${workspaceId.slice(0, -1)}` })) {
      registered.push(id);
      if (registered.length > 5) break;
    }
    expect(registered).toContain(workspaceId);
  });

  it('refuses a duplicate while a live claim is held (crash in the middle), and runs it once the claim expired', async () => {
    const workspaceId = newWorkspaceId('frames');
    const start = new Date();
    let now = start;
    const dedupe = dynamoEventDedupe(store);
    // a crashed invocation claimed the event until its deadline, 10 s away, and never came back
    const key = { consumer: 'FramesIntConsumer', workspaceId, eventId: 'evt-b' };
    expect(await dedupe.claim(key, 'crashed', new Date(start.getTime() + 10_000), start)).toBe('claimed');

    let handled = 0;
    const handler = eventHandler({
      contract: ThingHappened,
      name: 'FramesIntConsumer',
      deps: { store, clock: () => now },
      handle: async () => {
        handled++;
      },
    });
    const event = busEvent('thing.happened', detailIn(workspaceId, 'evt-b'));
    await expect(handler(event, plenty)).rejects.toBeInstanceOf(EventInProgressError);
    expect(handled).toBe(0);

    now = new Date(start.getTime() + 11_000);
    await handler(event, plenty);
    expect(handled).toBe(1);
    // the crashed holder's late write is refused; the event stays handled
    expect(await dedupe.markHandled(key, 'crashed', now)).toBe(false);
    expect(await dedupe.claim(key, 'later', new Date(now.getTime() + 10_000), now)).toBe('handled');
  });
});

describe('workspace job frame on DynamoDB Local', () => {
  it('stops when time runs low with a checkpoint, and the next run continues after it', async () => {
    const prefix = newWorkspaceId('frames-job');
    const mine = ['a', 'b', 'c'].map((suffix) => `${prefix}-${suffix}`);
    for (const workspaceId of mine) await registerWorkspace(store, workspaceId);
    const name = `FramesIntJob-${prefix}`;

    let left = 60_000;
    const visited: string[] = [];
    const handler = workspaceJob({
      name,
      deps: { store, clock: () => new Date() },
      runForWorkspace: async (_deps, workspaceId) => {
        // other test files register workspaces in the same table: count only ours
        if (!workspaceId.startsWith(prefix)) return;
        visited.push(workspaceId);
        if (workspaceId === mine[1]) left = 0;
      },
    });
    const lambda = { getRemainingTimeInMillis: () => left };

    const first = await handler({ id: 'schedule-1' }, lambda);
    expect(first.complete).toBe(false);
    expect(visited).toEqual(mine.slice(0, 2));
    const { Item } = await store.client.send(
      new GetCommand({ TableName: store.tableName, Key: keys.jobCheckpoint(name), ConsistentRead: true }),
    );
    expect(Item).toMatchObject({ entity: 'jobCheckpoint', after: mine[1] });

    left = 60_000;
    const second = await handler({ id: 'schedule-2' }, lambda);
    expect(second).toMatchObject({ complete: true, resumedAfter: mine[1] });
    expect(visited).toEqual(mine);
  });

  it('goes on past a failing workspace and runs it again on the next run', async () => {
    const prefix = newWorkspaceId('frames-fail');
    const mine = ['a', 'b', 'c'].map((suffix) => `${prefix}-${suffix}`);
    for (const workspaceId of mine) await registerWorkspace(store, workspaceId);
    const attempts: string[] = [];
    let failing = true;
    const handler = workspaceJob({
      name: `FramesIntFailingJob-${prefix}`,
      deps: { store, clock: () => new Date() },
      runForWorkspace: async (_deps, workspaceId) => {
        if (!workspaceId.startsWith(prefix)) return;
        attempts.push(workspaceId);
        if (workspaceId === mine[0] && failing) throw new Error('throttled');
      },
    });
    const first = await handler({}, plenty);
    expect(first).toMatchObject({ complete: true });
    expect(first.failed).toBeGreaterThanOrEqual(1);
    failing = false;
    await handler({}, plenty);
    expect(attempts).toEqual([...mine, ...mine]);
  });
});
