import { describe, expect, it } from 'vitest';
import { currentContext } from '../../shared/platform/invocation-context';
import { workspaceJob } from '../../shared/platform/job-frame';
import { countdown, memoryCheckpoints, memoryRegistry } from '../support/frame-fakes';

const now = new Date('2026-01-01T10:00:00.000Z');

function job(workspaceIds: string[], run: (workspaceId: string) => Promise<void> = async () => undefined) {
  const checkpoints = memoryCheckpoints();
  const visited: { workspaceId: string; contextWorkspace?: string }[] = [];
  const handler = workspaceJob({
    name: 'SweepThings',
    deps: { label: 'deps' },
    ports: { workspaces: memoryRegistry(workspaceIds), checkpoints, clock: () => now },
    marginMs: 10_000,
    checkpointEvery: 100,
    runForWorkspace: async (deps, workspaceId) => {
      expect(deps.label).toBe('deps');
      visited.push({ workspaceId, contextWorkspace: currentContext()?.workspaceId });
      await run(workspaceId);
    },
  });
  return { handler, checkpoints, visited };
}

describe('workspaceJob', () => {
  it('runs every registered workspace in the logger context of that workspace', async () => {
    const { handler, visited, checkpoints } = job(['acme-2', 'acme-1', 'acme-3']);
    const summary = await handler({ id: 'schedule-1' }, countdown(60_000, 0));
    expect(visited).toEqual([
      { workspaceId: 'acme-1', contextWorkspace: 'acme-1' },
      { workspaceId: 'acme-2', contextWorkspace: 'acme-2' },
      { workspaceId: 'acme-3', contextWorkspace: 'acme-3' },
    ]);
    expect(summary).toEqual({ workspaces: 3, failed: 0, complete: true });
    expect(checkpoints.saved.size).toBe(0);
  });

  it('stops before the timeout with a checkpoint, and the next run continues after it', async () => {
    const { handler, visited, checkpoints } = job(['a', 'b', 'c', 'd', 'e']);
    // asked once per workspace before it starts: 24 s, 19 s, 14 s, then 9 s is below the 10 s margin
    const first = await handler({}, countdown(24_000, 5_000));
    expect(first).toMatchObject({ workspaces: 3, complete: false });
    expect(checkpoints.saved.get('SweepThings')).toMatchObject({ after: 'c' });

    const second = await handler({}, countdown(60_000, 0));
    expect(second).toEqual({ workspaces: 2, failed: 0, complete: true, resumedAfter: 'c' });
    expect(visited.map((entry) => entry.workspaceId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(checkpoints.saved.size).toBe(0);

    // the sweep complete, the next run starts from the first workspace again
    await handler({}, countdown(60_000, 0));
    expect(visited.map((entry) => entry.workspaceId).slice(5)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('starts nothing and saves nothing when the time is already short', async () => {
    const { handler, visited, checkpoints } = job(['a', 'b']);
    expect(await handler({}, countdown(5_000, 0))).toMatchObject({ workspaces: 0, complete: false });
    expect(visited).toEqual([]);
    expect(checkpoints.saved.size).toBe(0);
  });

  it('isolates a failing workspace: the others run, it is counted, and the next run tries it again', async () => {
    let failing = true;
    const { handler, visited } = job(['a', 'b', 'c'], async (workspaceId) => {
      if (workspaceId === 'b' && failing) throw new Error('throttled');
    });
    expect(await handler({}, countdown(60_000, 0))).toEqual({ workspaces: 3, failed: 1, complete: true });
    failing = false;
    expect(await handler({}, countdown(60_000, 0))).toEqual({ workspaces: 3, failed: 0, complete: true });
    expect(visited.map((entry) => entry.workspaceId)).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });
});
