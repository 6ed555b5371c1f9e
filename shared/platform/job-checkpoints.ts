import { DeleteCommand, GetCommand, PutCommand } from '../store/document-client';
import type { Store } from '../store/store';
import { platformKeys } from './platform-keys';

/** Where a scheduled job's sweep over the workspaces stands. */
export interface JobCheckpoint {
  /** The last workspace this sweep finished (or failed); the next run starts after it. */
  after: string;
  /** When the sweep began: a sweep spans runs while it has a checkpoint. */
  sweepStartedAt: string;
}

export interface JobCheckpoints {
  read(job: string): Promise<JobCheckpoint | undefined>;
  save(job: string, checkpoint: JobCheckpoint, now: Date): Promise<void>;
  /** The sweep is complete: the next run starts from the first workspace. */
  clear(job: string): Promise<void>;
}

export function dynamoJobCheckpoints(store: Store): JobCheckpoints {
  return {
    async read(job) {
      const { Item } = await store.client.send(
        new GetCommand({
          TableName: store.tableName,
          Key: platformKeys.jobCheckpoint(job),
          ConsistentRead: true,
        }),
      );
      if (typeof Item?.after !== 'string') return undefined;
      return { after: Item.after, sweepStartedAt: String(Item.sweepStartedAt) };
    },
    async save(job, checkpoint, now) {
      await store.client.send(
        new PutCommand({
          TableName: store.tableName,
          Item: {
            ...platformKeys.jobCheckpoint(job),
            entity: 'jobCheckpoint',
            job,
            ...checkpoint,
            savedAt: now.toISOString(),
          },
        }),
      );
    },
    async clear(job) {
      await store.client.send(
        new DeleteCommand({ TableName: store.tableName, Key: platformKeys.jobCheckpoint(job) }),
      );
    },
  };
}
