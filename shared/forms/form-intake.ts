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
import { claimConfirmationMail, releaseConfirmationMail } from './confirmation-mail-claim';
import { FormSubmissionFields } from './form';
import { type FormRef, parseFormId } from './form-id';
import type { FormDefinition } from './form-item';
import { type FormPostLimits, limitFormPosts } from './form-post-limits';
import { type ReadSubmission, readSubmission } from './form-submission';
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

export interface FormIntakeDeps extends IntakeDeps {
  formPostLimits: FormPostLimits;
}

export type FormIntakeResult = {
  form: FormDefinition;
  /** What the client is told: the inbox id, or a made-up one for a honeypot hit (told like a success). */
  submissionId: string;
  /**
   * `confirmation_pending`: the address was sent this form's double opt-in email less than 24 h ago and
   * has not confirmed; the post is not queued and the poster is asked to check their inbox.
   */
  outcome: 'accepted' | 'duplicate' | 'spam' | 'confirmation_pending';
};

/** A post read before intake: usable (so it counts against the limits), with the delivery id it will have. */
interface ReadPost {
  ref: FormRef;
  loaded: LoadedForm;
  read: ReadSubmission;
  deliveryId: string;
}

function deliveryIdOf(read: ReadSubmission, headers: RawWebhook['headers']): string {
  const headerKey = headers['idempotency-key']?.trim();
  const clientId = read.kind === 'submission' ? read.clientSubmissionId : undefined;
  return clientId ?? (headerKey && clientKeyPattern.test(headerKey) ? headerKey : newId());
}

/**
 * The form, origin and body checks of intake, ahead of it and without writing anything. A post that fails
 * one of them is left to intake, which refuses it the same way (and stores nothing); only a usable post (or
 * a honeypot hit) counts against the rate limits and may claim a confirmation email.
 */
async function readPost(
  deps: IntakeDeps,
  formId: string,
  request: RawWebhook,
): Promise<ReadPost | undefined> {
  const ref = parseFormId(formId);
  if (!ref) return undefined;
  try {
    const form = await getFormDefinition(deps.store, ref);
    const loaded = { form, definitions: await listFieldDefinitions(deps.store, ref.workspaceId, 'contact') };
    checkOrigin(form, request.headers.origin);
    const fields = readFormFields(request.body, request.headers['content-type']);
    const read = readSubmission(form, loaded.definitions, fields, { referer: request.headers.referer });
    return { ref, loaded, read, deliveryId: deliveryIdOf(read, request.headers) };
  } catch (error) {
    if (error instanceof AppError && error.statusCode < 500) return undefined;
    throw error;
  }
}

/** The address a double opt-in email would go to, when this post asks for one. */
function confirmationAddressOf(post: ReadPost): string | undefined {
  const { read, loaded } = post;
  if (read.kind !== 'submission' || !read.consentGiven || !loaded.form.consent?.doubleOptIn) return undefined;
  return read.contact.email;
}

/**
 * Takes in a form post through the webhook intake (decision 050). Primary course:
 * 1. read the post as intake will (form, origin, body); a post refused there goes to intake as it is;
 * 2. count it against its client's and its form's rate limits (429 with Retry-After, nothing written);
 * 3. a post asking for a double opt-in email claims the address's email for this form (at most one per
 *    24 h while unconfirmed): a repeat is answered "check your inbox" and not queued (decision 132);
 * 4. intake checks the body's size (413, nothing stored), loads the form (404), checks the page's origin
 *    (403) and the body (415, 400 with a message per page input), and only then archives the raw post. A
 *    honeypot hit is archived and acknowledged, nothing more. An accepted post is one inbox item plus
 *    webhook.received, processed asynchronously; the same `submission_id` field or `Idempotency-Key` header
 *    again is a duplicate.
 * A claim whose post failed in intake is given back (a duplicate keeps it: the first post holds the same
 * delivery id and is queued). Every refusal is logged.
 */
export async function receiveFormSubmission(
  deps: FormIntakeDeps,
  formId: string,
  request: RawWebhook,
  client?: string,
): Promise<FormIntakeResult> {
  let loaded: LoadedForm | undefined;
  // intake logs the refusals it makes itself (413 and 404 here); this function logs the form's own
  let refusedByIntake: AppError | undefined;
  let claimedFor: string | undefined;
  let post: ReadPost | undefined;
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
      if (post) {
        loaded = post.loaded;
        return loaded;
      }
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
      const read =
        post?.read ??
        readSubmission(
          target.form,
          target.definitions,
          readFormFields(received.body, received.headers['content-type']),
          {
            referer: received.headers.referer,
          },
        );
      if (read.kind === 'spam') return { accept: false, reason: 'honeypot' };
      return {
        accept: true,
        topic: formSubmissionTopic,
        deliveryId: post?.deliveryId ?? deliveryIdOf(read, received.headers),
      };
    },
  };
  try {
    post = await readPost(deps, formId, request);
    if (post) {
      await limitFormPosts(deps.store, post.ref, client, deps.formPostLimits, deps.clock());
      const address = confirmationAddressOf(post);
      if (address) {
        if (!(await claimConfirmationMail(deps.store, post.ref, address, post.deliveryId, deps.clock()))) {
          deps.log({ level: 'info', msg: 'form submission: confirmation email sent before', formId });
          return { form: post.loaded.form, submissionId: post.deliveryId, outcome: 'confirmation_pending' };
        }
        claimedFor = address;
      }
    }
    const result = await receiveWebhook(deps, endpoint, formId, request);
    const form = (loaded as LoadedForm).form;
    if (result.outcome === 'ignored')
      return { form, submissionId: newId(deps.clock().getTime()), outcome: 'spam' };
    return { form, submissionId: result.inboxId, outcome: result.outcome };
  } catch (error) {
    if (claimedFor && post) await releaseConfirmationMail(deps.store, post.ref, claimedFor, post.deliveryId);
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
