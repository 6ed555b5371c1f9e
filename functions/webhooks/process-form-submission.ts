import type { EventBridgeEvent } from 'aws-lambda';
import { mailFromEnv } from '../../shared/email/mail-from';
import { mailerFromEnv } from '../../shared/email/mailer';
import { processFormDelivery } from '../../shared/forms/process-form-delivery';
import { depsFromEnv } from '../../shared/platform/deps';
import { archiveFromEnv } from '../../shared/webhooks/archive';
import { WebhookReceived } from '../../shared/webhooks/webhook-events';

const deps = {
  ...depsFromEnv(),
  archive: archiveFromEnv(),
  mailer: mailerFromEnv(),
  mailFrom: mailFromEnv(),
  log: (entry: Record<string, unknown>) => console.log(JSON.stringify(entry)),
};

/** webhook.received of source `form`: record the submission; a failure is retried, then dead-lettered. */
export const handler = async (event: EventBridgeEvent<string, unknown>): Promise<void> => {
  await processFormDelivery(deps, WebhookReceived.detail.parse(event.detail));
};
