import { type KeyPair, workspaceRegistryPartition, workspaceRegistrySkPrefix, ws } from '../store/key-parts';

/**
 * The platform's own keys: the workspace prefix every key starts with, and the items of the background
 * frames (decision 100). Two are the exceptions to "every key starts with the workspace", read only by
 * background frames, never for a request: the workspace registry (one partition listing every workspace)
 * and the checkpoints of scheduled jobs.
 *
 * The request path imports `workspacePrefix` and `workspaceRegistration` on their own: a bundle keeps an
 * object whole once any member is used, and every API function would carry the frames' keys.
 */
export const workspacePrefix = (workspaceId: string) => `${ws(workspaceId)}#`;

/** The workspace registry: every workspace in one partition, so jobs list them with a Query. */
export const workspaceRegistration = (workspaceId: string): KeyPair => ({
  pk: workspaceRegistryPartition,
  sk: `${workspaceRegistrySkPrefix}${workspaceId}`,
});

export const platformKeys = {
  workspacePrefix,
  /** One consumer's dedupe of one event: a claim while it runs, then "handled" until its TTL. */
  eventHandled: (workspaceId: string, consumer: string, eventId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#EVENT#${eventId}#HANDLED_BY#${consumer}`,
    sk: 'EVENT_HANDLED',
  }),
  workspaceRegistration,
  workspaceRegistryPrefix: () => ({ pk: workspaceRegistryPartition, skPrefix: workspaceRegistrySkPrefix }),
  /** A scheduled job's checkpoint: the workspace its current sweep reached. */
  jobCheckpoint: (jobName: string): KeyPair => ({ pk: `JOB#${jobName}`, sk: 'CHECKPOINT' }),
};
