import { companiesKeys } from '../companies/companies-keys';
import { contactsKeys } from '../contacts/contacts-keys';
import { customFieldsKeys } from '../custom-fields/custom-fields-keys';
import { eventsKeys } from '../events/events-keys';
import { formsKeys } from '../forms/forms-keys';
import { listsKeys } from '../lists/lists-keys';
import { ordersKeys } from '../orders/orders-keys';
import { outboundWebhooksKeys } from '../outbound-webhooks/outbound-webhooks-keys';
import { recordKeys } from '../records/record-keys';
import { shopsKeys } from '../shops/shops-keys';
import { webhooksKeys } from '../webhooks/webhooks-keys';
import { type KeyPair, workspaceRegistryPartition, workspaceRegistrySkPrefix, ws } from './key-parts';

export type { ContactLinkKind, KeyPair, RecordKind } from './key-parts';

/**
 * Every key of the table, as the capabilities declare theirs (`shared/<capability>/<capability>-keys.ts`,
 * on the primitives of key-parts.ts) plus the platform's own. Each starts with the workspace id that came
 * from the caller's token, so no query can reach another workspace's items. Golden tests pin the strings.
 * Two platform items are the exceptions, read only by background frames, never for a request: the
 * workspace registry (one partition listing every workspace) and the checkpoints of scheduled jobs.
 */
export const keys = {
  workspacePrefix: (workspaceId: string) => `${ws(workspaceId)}#`,
  // --- platform: background frames (decision 100) ---
  /** One consumer's dedupe of one event: a claim while it runs, then "handled" until its TTL. */
  eventHandled: (workspaceId: string, consumer: string, eventId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#EVENT#${eventId}#HANDLED_BY#${consumer}`,
    sk: 'EVENT_HANDLED',
  }),
  /** The workspace registry: every workspace in one partition, so jobs list them with a Query. */
  workspaceRegistration: (workspaceId: string): KeyPair => ({
    pk: workspaceRegistryPartition,
    sk: `${workspaceRegistrySkPrefix}${workspaceId}`,
  }),
  workspaceRegistryPrefix: () => ({ pk: workspaceRegistryPartition, skPrefix: workspaceRegistrySkPrefix }),
  /** A scheduled job's checkpoint: the workspace its current sweep reached. */
  jobCheckpoint: (jobName: string): KeyPair => ({ pk: `JOB#${jobName}`, sk: 'CHECKPOINT' }),
  ...recordKeys,
  ...contactsKeys,
  ...companiesKeys,
  ...eventsKeys,
  ...shopsKeys,
  ...webhooksKeys,
  ...ordersKeys,
  ...listsKeys,
  ...formsKeys,
  ...outboundWebhooksKeys,
  ...customFieldsKeys,
};
