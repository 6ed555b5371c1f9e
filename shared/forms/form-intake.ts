import type { FieldDefinition } from '../custom-fields/field-definition';
import { listFieldDefinitions } from '../custom-fields/field-definitions-store';
import { AppError, NotFoundError, PayloadTooLargeError } from '../platform/errors';
import { maxBodyBytes, readRequestBody } from '../platform/http-handler';
import { newId } from '../platform/ids';
import { parseOrThrow } from '../platform/validation';
import {
  type IntakeDeps,
  type RawWebhook,
  receiveWebhook,
  type WebhookEndpoint,
} from '../webhooks/receive-webhook';
import { FormSubmissionFields } from './form';
import { parseFormId } from './form-id';
import type { FormDefinition } from './form-item';
import { readSubmission } from './form-submission';
import { getFormDefinition } from './forms-store';

/** The `source` of form deliveries in the inbox, the archive and webhook.received events. */
export const formWebhookSource = 'form';
export const formSubmissionTopic = 'form.submission';

export class OriginNotAllowedError extends AppError {
  constructor(origin: string) {
    super(403, 'form.origin_not_allowed', { detail: `origin ${origin.slice(0, 200)} is not allowed` });
  }
}

/**
 * A page may post the form when its origin is listed; a form with no list takes posts from any page.
 * Browsers send Origin with every cross-site POST; a post without one comes from a server and is allowed.
 */
export function checkOrigin(form: Pick<FormDefinition, 'allowedOrigins'>, origin: string | undefined): void {
  if (origin === undefined || form.allowedOrigins.length === 0) return;
  if (!form.allowedOrigins.includes(origin.trim().toLowerCase())) throw new OriginNotAllowedError(origin);
}

/** The fields of a posted form, JSON or urlencoded, with the API's body rules (413, 415, 400). */
export function readFormFields(body: Buffer, contentType: string | undefined): FormSubmissionFields {
  return parseOrThrow(FormSubmissionFields, readRequestBody(body, contentType, { formUrlEncoded: true }));
}

/**
 * API Gateway adds the caller's address as X-Forwarded-For; where nothing did (the local cloud), it is
 * added from the request context the same way, so the archive (and so the consent record) carries it.
 */
export function withClientAddress(
  headers: Record<string, string | undefined>,
  sourceIp: string | undefined,
): Record<string, string | undefined> {
  return headers['x-forwarded-for'] || !sourceIp ? headers : { ...headers, 'x-forwarded-for': sourceIp };
}

/** The client's address: the first hop of X-Forwarded-For (what the client's side reported). */
export function clientAddressOf(headers: Record<string, string | undefined>): string | undefined {
  const first = headers['x-forwarded-for']?.split(',')[0]?.trim();
  return first && first.length <= 100 ? first : undefined;
}

const clientKeyPattern = /^[A-Za-z0-9_.:-]{8,200}$/;

interface LoadedForm {
  form: FormDefinition;
  definitions: FieldDefinition[];
}

export type FormIntakeResult = {
  form: FormDefinition;
  /** What the client is told: the inbox id, or a made-up one for a honeypot hit (told like a success). */
  submissionId: string;
  outcome: 'accepted' | 'duplicate' | 'spam';
};

/**
 * Takes in a form post through the webhook intake (decision 050): the body's size (413, nothing stored),
 * the form the URL names (404), the page's origin (403), the body (415, 400 with a message per page input);
 * only then is the raw post archived. A honeypot hit is archived and acknowledged, nothing more. An accepted post
 * is one inbox item plus webhook.received, processed asynchronously; the same `submission_id` field or
 * `Idempotency-Key` header again is a duplicate and a no-op. Every refusal is logged.
 */
export async function receiveFormSubmission(
  deps: IntakeDeps,
  formId: string,
  request: RawWebhook,
): Promise<FormIntakeResult> {
  let loaded: LoadedForm | undefined;
  // intake logs the refusals it makes itself (413 and 404 here); this function logs the form's own
  let refusedByIntake: AppError | undefined;
  const endpoint: WebhookEndpoint<LoadedForm> = {
    source: formWebhookSource,
    // the platform's body limit, checked before anything is stored
    bodyLimit: {
      bytes: maxBodyBytes,
      error: () => {
        refusedByIntake = new PayloadTooLargeError();
        return refusedByIntake;
      },
    },
    parseTargetId: (id) => {
      const ref = parseFormId(id);
      return ref && { workspaceId: ref.workspaceId, targetKey: ref.id };
    },
    load: async (loadDeps, target) => {
      try {
        const form = await getFormDefinition(loadDeps.store, {
          workspaceId: target.workspaceId,
          id: target.targetKey,
        });
        loaded = {
          form,
          definitions: await listFieldDefinitions(loadDeps.store, target.workspaceId, 'contact'),
        };
        return loaded;
      } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
    },
    notFound: () => {
      refusedByIntake = new NotFoundError('form.not_found');
      return refusedByIntake;
    },
    verify: (received, target) => checkOrigin(target.form, received.headers.origin),
    judge: (received, target) => {
      const fields = readFormFields(received.body, received.headers['content-type']);
      const read = readSubmission(target.form, target.definitions, fields, {
        referer: received.headers.referer,
      });
      if (read.kind === 'spam') return { accept: false, reason: 'honeypot' };
      const headerKey = received.headers['idempotency-key']?.trim();
      const deliveryId =
        read.clientSubmissionId ?? (headerKey && clientKeyPattern.test(headerKey) ? headerKey : newId());
      return { accept: true, topic: formSubmissionTopic, deliveryId };
    },
  };
  try {
    const result = await receiveWebhook(deps, endpoint, formId, request);
    const form = (loaded as LoadedForm).form;
    if (result.outcome === 'ignored')
      return { form, submissionId: newId(deps.clock().getTime()), outcome: 'spam' };
    return { form, submissionId: result.inboxId, outcome: result.outcome };
  } catch (error) {
    if (error instanceof AppError && error.statusCode < 500 && error !== refusedByIntake) {
      deps.log({
        level: 'warn',
        msg: 'form submission refused',
        formId: formId.slice(0, 200),
        status: error.statusCode,
        code: error.code,
        ...(error.extra.fields ? { fields: Object.keys(error.extra.fields) } : {}),
      });
    }
    throw error;
  }
}
