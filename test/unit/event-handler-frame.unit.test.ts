import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineEvent } from '../../shared/events/domain-event';
import {
  EventInProgressError,
  eventHandler,
  MalformedEventError,
} from '../../shared/platform/event-handler-frame';
import { currentContext } from '../../shared/platform/invocation-context';
import { busEvent, countdown, memoryDedupe, memoryRegistry } from '../support/frame-fakes';

const ThingHappened = defineEvent('thing.happened', 1, { thingId: z.string() });
const now = new Date('2026-01-01T10:00:00.000Z');

const detail = (overrides: Record<string, unknown> = {}) => ({
  eventId: 'evt-1',
  eventVersion: 1,
  workspaceId: 'acme-1',
  occurredAt: now.toISOString(),
  correlationId: 'corr-from-api',
  thingId: 't-1',
  ...overrides,
});

function frame(handle: (thingId: string) => Promise<void>) {
  const dedupe = memoryDedupe();
  const workspaces = memoryRegistry();
  const seen: { thingId: string; correlationId?: string; workspaceId?: string }[] = [];
  const handler = eventHandler({
    contract: ThingHappened,
    name: 'HandleThings',
    deps: { label: 'deps' },
    ports: { dedupe, workspaces, clock: () => now },
    handle: async (parsed, ctx) => {
      seen.push({
        thingId: parsed.thingId,
        correlationId: currentContext()?.correlationId,
        workspaceId: currentContext()?.workspaceId,
      });
      expect(ctx.deps.label).toBe('deps');
      await handle(parsed.thingId);
    },
  });
  const lambda = countdown(30_000, 0);
  return {
    handler: (event: unknown) => handler(busEvent('thing.happened', event), lambda),
    dedupe,
    workspaces,
    seen,
  };
}

describe('eventHandler', () => {
  it('writes nothing for an event its consumer says does not concern it, and handles the ones that do', async () => {
    const dedupe = memoryDedupe();
    const handled: string[] = [];
    const handler = eventHandler({
      contract: ThingHappened,
      name: 'HandleSomeThings',
      deps: { wanted: 't-2' },
      ports: { dedupe, workspaces: memoryRegistry(), clock: () => now },
      concerns: (parsed, { deps, detailType }) =>
        detailType === 'thing.happened' && parsed.thingId === deps.wanted,
      handle: async (parsed) => {
        handled.push(parsed.thingId);
      },
    });
    const lambda = countdown(30_000, 0);
    await handler(busEvent('thing.happened', detail({ thingId: 't-1' })), lambda);
    expect(dedupe.items.size).toBe(0);
    await handler(busEvent('thing.happened', detail({ eventId: 'evt-2', thingId: 't-2' })), lambda);
    expect(handled).toEqual(['t-2']);
    expect([...dedupe.items.values()].map((item) => item.status)).toEqual(['handled']);
  });

  it('hands what concerns found to handle as its work, so the consumer does not read it twice', async () => {
    const reads: string[] = [];
    const worked: string[][] = [];
    const handler = eventHandler({
      contract: ThingHappened,
      name: 'HandleWithWork',
      deps: {},
      ports: { dedupe: memoryDedupe(), workspaces: memoryRegistry(), clock: () => now },
      concerns: (parsed) => {
        reads.push(parsed.thingId);
        return parsed.thingId === 't-1' ? ['hook-a', 'hook-b'] : false;
      },
      handle: async (_parsed, { work }) => {
        worked.push(work);
      },
    });
    await handler(busEvent('thing.happened', detail({ thingId: 't-1' })), countdown(30_000, 0));
    await handler(
      busEvent('thing.happened', detail({ eventId: 'evt-2', thingId: 't-9' })),
      countdown(30_000, 0),
    );
    expect(reads).toEqual(['t-1', 't-9']);
    expect(worked).toEqual([['hook-a', 'hook-b']]);
  });

  it('handles an event once, in the context of its correlation id and workspace, and registers the workspace', async () => {
    const { handler, seen, workspaces } = frame(async () => undefined);
    await handler(detail());
    await handler(detail());
    expect(seen).toEqual([{ thingId: 't-1', correlationId: 'corr-from-api', workspaceId: 'acme-1' }]);
    expect([...workspaces.workspaces]).toEqual(['acme-1']);
  });

  it('takes the bus event id as correlation id for an event written without one', async () => {
    const { handler, seen } = frame(async () => undefined);
    await handler(detail({ correlationId: undefined }));
    expect(seen[0]?.correlationId).toBe('bus-event-1');
  });

  it('lets a failure throw and runs the event again on the retry', async () => {
    let calls = 0;
    const { handler, seen } = frame(async () => {
      calls++;
      if (calls === 1) throw new Error('store unavailable');
    });
    await expect(handler(detail())).rejects.toThrow('store unavailable');
    await handler(detail());
    await handler(detail());
    expect(seen).toHaveLength(2);
  });

  it('throws for a malformed detail without handling it or claiming it', async () => {
    const { handler, seen, dedupe } = frame(async () => undefined);
    await expect(handler(detail({ thingId: 42 }))).rejects.toBeInstanceOf(MalformedEventError);
    await expect(handler({ nothing: true })).rejects.toBeInstanceOf(MalformedEventError);
    expect(seen).toEqual([]);
    expect(dedupe.items.size).toBe(0);
  });

  it('throws, to be retried, while a duplicate holds a live claim; runs it once the claim has expired', async () => {
    const { handler, seen, dedupe } = frame(async () => undefined);
    // a crashed invocation left its claim, which lasts until that invocation's deadline
    await dedupe.claim(
      { consumer: 'HandleThings', workspaceId: 'acme-1', eventId: 'evt-1' },
      'crashed',
      new Date(now.getTime() + 1000),
      now,
    );
    await expect(handler(detail())).rejects.toBeInstanceOf(EventInProgressError);
    expect(seen).toEqual([]);

    const expired = [...dedupe.items.values()][0];
    if (expired) expired.until = new Date(now.getTime() - 1);
    await handler(detail());
    expect(seen).toHaveLength(1);
  });

  it('dedupes per consumer: another consumer of the same event still handles it', async () => {
    const first = frame(async () => undefined);
    await first.handler(detail());
    const other = eventHandler({
      contract: ThingHappened,
      name: 'OtherConsumer',
      deps: {},
      ports: { dedupe: first.dedupe, workspaces: memoryRegistry(), clock: () => now },
      handle: async () => {
        handled++;
      },
    });
    let handled = 0;
    await other(busEvent('thing.happened', detail()), countdown(30_000, 0));
    expect(handled).toBe(1);
  });
});
