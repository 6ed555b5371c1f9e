import type { EventBridgeEvent } from 'aws-lambda';
import type { DedupeKey, EventDedupe } from '../../shared/platform/event-dedupe';
import type { JobCheckpoint, JobCheckpoints } from '../../shared/platform/job-checkpoints';

/** In-memory fakes of the frames' ports, with the same rules as their DynamoDB adapters. */
export function memoryDedupe(): EventDedupe & {
  items: Map<string, { status: 'claimed' | 'handled'; token: string; until: Date }>;
} {
  const items = new Map<string, { status: 'claimed' | 'handled'; token: string; until: Date }>();
  const id = (key: DedupeKey) => `${key.workspaceId}|${key.consumer}|${key.eventId}`;
  return {
    items,
    async claim(key, token, until, now) {
      const found = items.get(id(key));
      if (found?.status === 'handled') return 'handled';
      if (found && found.until >= now) return 'busy';
      items.set(id(key), { status: 'claimed', token, until });
      return 'claimed';
    },
    async markHandled(key, token) {
      const found = items.get(id(key));
      if (found?.token !== token) return false;
      found.status = 'handled';
      return true;
    },
    async release(key, token) {
      const found = items.get(id(key));
      if (found?.token === token && found.status === 'claimed') items.delete(id(key));
    },
  };
}

export function memoryRegistry(workspaceIds: string[] = []) {
  const workspaces = new Set(workspaceIds);
  return {
    workspaces,
    async register(workspaceId: string) {
      workspaces.add(workspaceId);
    },
    async *list(options: { after?: string } = {}) {
      for (const workspaceId of [...workspaces].sort()) {
        if (options.after === undefined || workspaceId > options.after) yield workspaceId;
      }
    },
  };
}

export function memoryCheckpoints(): JobCheckpoints & { saved: Map<string, JobCheckpoint> } {
  const saved = new Map<string, JobCheckpoint>();
  return {
    saved,
    read: async (job) => saved.get(job),
    async save(job, checkpoint) {
      saved.set(job, { ...checkpoint });
    },
    async clear(job) {
      saved.delete(job);
    },
  };
}

/** A Lambda context whose remaining time falls by `stepMs` each time it is asked. */
export function countdown(startMs: number, stepMs: number) {
  let left = startMs + stepMs;
  return {
    getRemainingTimeInMillis: () => {
      left -= stepMs;
      return left;
    },
  };
}

export function busEvent(
  detailType: string,
  detail: unknown,
  id = 'bus-event-1',
): EventBridgeEvent<string, unknown> {
  return {
    version: '0',
    id,
    'detail-type': detailType,
    source: 'crm',
    account: '000000000000',
    time: '2026-01-01T00:00:00Z',
    region: 'eu-central-1',
    resources: [],
    detail,
  };
}
