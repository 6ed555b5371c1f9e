import type { Context } from 'aws-lambda';
import type { Store } from '../store/store';
import { currentContext, newCorrelationId, runWithContext } from './invocation-context';
import { dynamoJobCheckpoints, type JobCheckpoints } from './job-checkpoints';
import { type Logger, logger } from './logger';
import { dynamoWorkspaceRegistry, type WorkspaceRegistry } from './workspace-registry';

export interface WorkspaceJobContext {
  correlationId: string;
  /** What is left of the invocation, for work inside one workspace that can stop early. */
  timeLeftMs: () => number;
  log: Logger;
}

export interface WorkspaceJobSummary {
  workspaces: number;
  failed: number;
  /** False when the run stopped for time: the next run continues from the checkpoint. */
  complete: boolean;
  /** The workspace the run resumed after, when it continued a sweep. */
  resumedAfter?: string;
}

/** The frame's own ports: the registry it walks, the checkpoints it keeps, the clock. */
export interface JobFramePorts {
  workspaces: Pick<WorkspaceRegistry, 'list'>;
  checkpoints: JobCheckpoints;
  clock: () => Date;
}

export function jobFramePorts(deps: { store: Store; clock: () => Date }): JobFramePorts {
  return {
    workspaces: dynamoWorkspaceRegistry(deps.store),
    checkpoints: dynamoJobCheckpoints(deps.store),
    clock: deps.clock,
  };
}

export type WorkspaceJobOptions<Deps> = {
  /** The job's name (its function's name in the capability): its checkpoint's key and the logs' functionName. Never rename it. */
  name: string;
  runForWorkspace: (deps: Deps, workspaceId: string, ctx: WorkspaceJobContext) => Promise<unknown>;
  deps: Deps;
  /** Time kept in hand: no workspace is started with less left than this (default 10 s). */
  marginMs?: number;
  /** The checkpoint is also saved every this many workspaces, so a crash loses little (default 25). */
  checkpointEvery?: number;
} & (Deps extends { store: Store; clock: () => Date } ? { ports?: JobFramePorts } : { ports: JobFramePorts });

/**
 * A scheduled Lambda handler that runs `runForWorkspace` for every registered workspace. Primary course:
 * 1. read the checkpoint: a sweep left unfinished resumes after the workspace it reached;
 * 2. list the workspaces from the registry (a Query, in id order) after that point;
 * 3. per workspace, unless less than `marginMs` is left: run it in the logger context of the workspace;
 *    a failure is logged and counted, and the others go on (the next sweep runs it again);
 * 4. out of time: save the checkpoint and stop; at the end: clear it, so the next run sweeps from the start.
 * Runs that overlap (a slow sweep, a new schedule tick) may both run a workspace: jobs must be idempotent.
 */
export function workspaceJob<Deps>(options: WorkspaceJobOptions<Deps>) {
  const { name, runForWorkspace, deps, marginMs = 10_000, checkpointEvery = 25 } = options;
  const ports = options.ports ?? jobFramePorts(deps as unknown as { store: Store; clock: () => Date });
  return async (
    event: { id?: string } | undefined,
    lambda: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<WorkspaceJobSummary> => {
    const correlationId = typeof event?.id === 'string' ? event.id : newCorrelationId();
    return runWithContext({ correlationId, functionName: name }, async () => {
      const timeLeftMs = () => lambda.getRemainingTimeInMillis();
      const checkpoint = await ports.checkpoints.read(name);
      const sweepStartedAt = checkpoint?.sweepStartedAt ?? ports.clock().toISOString();
      const summary: WorkspaceJobSummary = {
        workspaces: 0,
        failed: 0,
        complete: false,
        ...(checkpoint ? { resumedAfter: checkpoint.after } : {}),
      };
      let reached = checkpoint?.after;
      for await (const workspaceId of ports.workspaces.list({ after: checkpoint?.after })) {
        if (timeLeftMs() < marginMs) {
          if (reached !== undefined) {
            await ports.checkpoints.save(name, { after: reached, sweepStartedAt }, ports.clock());
          }
          logger.info('job stopped for time', { ...summary, reached });
          return summary;
        }
        await runWithContext(
          { ...(currentContext() ?? { correlationId, functionName: name }), workspaceId },
          () => runOne(workspaceId),
        );
        summary.workspaces++;
        reached = workspaceId;
        if (summary.workspaces % checkpointEvery === 0) {
          await ports.checkpoints.save(name, { after: reached, sweepStartedAt }, ports.clock());
        }
      }
      if (checkpoint || summary.workspaces >= checkpointEvery) await ports.checkpoints.clear(name);
      summary.complete = true;
      logger.info('job finished', { ...summary });
      return summary;

      async function runOne(workspaceId: string) {
        const startedAt = ports.clock().getTime();
        try {
          const outcome = await runForWorkspace(deps, workspaceId, {
            correlationId,
            timeLeftMs,
            log: logger,
          });
          logger.info('job workspace done', {
            ms: ports.clock().getTime() - startedAt,
            ...(outcome && typeof outcome === 'object' ? { outcome } : {}),
          });
        } catch (error) {
          summary.failed++;
          logger.error('job workspace failed', { error });
        }
      }
    });
  };
}
