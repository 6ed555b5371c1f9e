import type { Context, ScheduledEvent } from 'aws-lambda';
import { retryDueDeliveries } from '../../shared/outbound-webhooks/outbound-deliveries';
import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';

const deps = outboundWebhookDepsFromEnv();

/** Every minute: the due retries of every workspace, until the function's time runs low. */
export const handler = async (_event: ScheduledEvent, context: Context) => {
  const summary = await retryDueDeliveries(deps, { timeLeftMs: () => context.getRemainingTimeInMillis() });
  if (summary.attempted + summary.cancelled > 0) {
    console.log(JSON.stringify({ level: 'info', message: 'webhook retries', ...summary }));
  }
  return summary;
};
