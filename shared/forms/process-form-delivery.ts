import { ValidationError } from '../platform/errors';
import type { Archive } from '../webhooks/archive';
import { ArchivedDelivery, bodyOf } from '../webhooks/archived-delivery';
import type { WebhookReceivedDetail } from '../webhooks/webhook-events';
import { type DeliveryKey, markDeliveryFailed, markDeliveryProcessed } from '../webhooks/webhook-inbox';
import { requirePublicApiUrl } from './api-base-url';
import { parseFormId } from './form-id';
import { clientAddressOf, readFormFields } from './form-intake';
import {
  type FormProcessingDeps,
  processFormSubmission,
  type SubmissionOutcome,
} from './process-form-submission';

export interface FormDeliveryDeps extends FormProcessingDeps {
  archive: Archive;
  /** PUBLIC_API_URL: where confirmation links point (configuration only, never the post's headers). */
  publicApiUrl: string | undefined;
  log: (entry: Record<string, unknown>) => void;
}

/**
 * Processes one accepted form post from its webhook.received event: loads the archived delivery (the
 * payload never travels on the bus), reads it as intake did, records it (processFormSubmission) and marks
 * the inbox item processed. A failure marks it failed and is rethrown, so the bus retries and finally
 * dead-letters it; a replay from the inbox runs this again, and a recorded submission is not recorded twice.
 */
export async function processFormDelivery(
  deps: FormDeliveryDeps,
  detail: WebhookReceivedDetail,
): Promise<SubmissionOutcome> {
  const ref = parseFormId(detail.connectionId);
  if (!ref) throw new Error(`webhook.received for a form names no form: ${detail.connectionId}`);
  const key: DeliveryKey = { source: detail.source, targetKey: ref.id, deliveryId: detail.deliveryId };
  try {
    const delivery = ArchivedDelivery.parse(JSON.parse(await deps.archive.get(detail.archiveKey)));
    const { headers } = delivery;
    let outcome: SubmissionOutcome;
    try {
      outcome = await processFormSubmission(deps, {
        formId: detail.connectionId,
        submissionId: detail.inboxId,
        fields: readFormFields(bodyOf(delivery), headers['content-type']),
        receivedAt: delivery.receivedAt,
        ip: clientAddressOf(headers),
        userAgent: headers['user-agent'],
        referer: headers.referer,
        apiBaseUrl: requirePublicApiUrl(deps.publicApiUrl),
        delivery: { key, archiveKey: detail.archiveKey },
      });
    } catch (error) {
      // intake read this body before; it can only fail now if the rules changed: not worth retrying
      if (!(error instanceof ValidationError)) throw error;
      outcome = { outcome: 'rejected', fields: error.extra.fields ?? {} };
    }
    await markDeliveryProcessed(deps.store, ref.workspaceId, key, detail.inboxId, deps.clock());
    deps.log({
      level: outcome.outcome === 'rejected' ? 'warn' : 'info',
      msg: 'form submission processed',
      formId: detail.connectionId,
      inboxId: detail.inboxId,
      ...outcome,
      ...(outcome.outcome === 'rejected' ? { fields: Object.keys(outcome.fields) } : {}),
    });
    return outcome;
  } catch (error) {
    await markDeliveryFailed(deps.store, ref.workspaceId, key, detail.inboxId, error);
    throw error;
  }
}
