import { retryDueDeliveriesInWorkspace } from '../../shared/outbound-webhooks/outbound-deliveries';
import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';
import { workspaceJob } from '../../shared/platform/job-frame';

/** Every minute: the due retries of each workspace, until the function's time runs low. */
export const handler = workspaceJob({
  name: 'RetryOutboundWebhookDeliveries',
  deps: outboundWebhookDepsFromEnv(),
  runForWorkspace: (deps, workspaceId, { timeLeftMs }) =>
    retryDueDeliveriesInWorkspace(deps, workspaceId, { timeLeftMs }),
});
