import { mailFromEnv } from '../../shared/email/mail-from';
import { mailerFromEnv } from '../../shared/email/mailer';
import { publicApiUrlFromEnv } from '../../shared/forms/api-base-url';
import { processFormDelivery } from '../../shared/forms/process-form-delivery';
import { depsFromEnv } from '../../shared/platform/deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';
import { logEntry } from '../../shared/platform/logger';
import { archiveFromEnv } from '../../shared/webhooks/archive';
import { WebhookReceived } from '../../shared/webhooks/webhook-events';

/** webhook.received of source `form`: record the submission; a failure is retried, then dead-lettered. */
export const handler = eventHandler({
  contract: WebhookReceived,
  name: 'ProcessFormSubmission',
  deps: {
    ...depsFromEnv(),
    archive: archiveFromEnv(),
    mailer: mailerFromEnv(),
    mailFrom: mailFromEnv(),
    publicApiUrl: publicApiUrlFromEnv(),
    log: logEntry,
  },
  handle: (detail, { deps }) => processFormDelivery(deps, detail),
});
