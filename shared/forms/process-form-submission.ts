import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { activitiesKeys } from '../activities/activities-keys';
import { timelineEntryItem } from '../activities/timeline-item';
import { confirmationMail } from '../consents/confirmation-mail';
import { confirmationLifetimeSeconds, signConfirmationToken } from '../consents/confirmation-token';
import type { Consent } from '../consents/consent';
import { ConsentConfirmed } from '../consents/consent-events';
import { findContactByEmail } from '../contacts/find-contact-by-email';
import { upsertContactByEmail } from '../contacts/upsert-contact-by-email';
import { listFieldDefinitions } from '../custom-fields/field-definitions-store';
import type { Mailer } from '../email/mailer';
import { type PendingEvent, pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import { joinListsWrites, membershipsOf } from '../lists/list-members';
import { listLists } from '../lists/lists-store';
import type { Deps } from '../platform/deps';
import { type FieldErrors, NotFoundError, ValidationError } from '../platform/errors';
import { GetCommand, UpdateCommand } from '../store/document-client';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { type DeliveryKey, linkDeliveryToContact } from '../webhooks/webhook-inbox';
import { type FormSubmissionFields, formSubmitPath } from './form';
import { FormSubmitted } from './form-events';
import { type FormRef, parseFormId } from './form-id';
import type { FormDefinition } from './form-item';
import { readSubmission, type SubmissionContent } from './form-submission';
import { formsKeys } from './forms-keys';
import { getFormDefinition } from './forms-store';
import type { SubmissionActivity } from './submission-activity';

export interface FormProcessingDeps extends Deps {
  mailer: Mailer;
  /** The sender of confirmation emails (a verified SES identity in AWS). */
  mailFrom: string;
}

/** A submission as intake kept it, ready to be processed (again, after a retry or a replay). */
export interface ReceivedFormSubmission {
  /** The public form id, `<workspaceId>.<ulid>`. */
  formId: string;
  /** Intake's id of the delivery (a ULID): the activity and consent ids, so processing twice is a no-op. */
  submissionId: string;
  fields: FormSubmissionFields;
  receivedAt: string;
  ip?: string;
  userAgent?: string;
  referer?: string;
  /** Where the confirmation link points: the configured public API URL (never the post's Host). */
  apiBaseUrl: string;
  /** The inbox item and archived body of the post: linked from the contact, so its erasure finds them. */
  delivery?: { key: DeliveryKey; archiveKey: string };
}

export type ConsentState = 'none' | 'pending' | 'confirmed';

export type SubmissionOutcome =
  | { outcome: 'recorded' | 'duplicate'; contactId: string; consent: ConsentState; confirmationSent: boolean }
  | { outcome: 'spam' | 'form_deleted' }
  | { outcome: 'rejected'; fields: FieldErrors };

const maxUserAgentChars = 500;

/**
 * Records a form submission on its contact. Primary course:
 * 1. read the submission with its form (a honeypot hit stops here, as does a form deleted meanwhile);
 * 2. a submission already recorded on the email's contact is a duplicate: skip to 5;
 * 3. upsert the contact by email: fill its empty fields, add the form's tags (its own transaction), and
 *    link the delivery to it (erasure);
 * 4. in one transaction: the submission's timeline entry (must not exist; its id is the submission's), the consent record when the box was ticked,
 *    the memberships of the form's lists it is not on yet, and the outbox item with form.submitted (and
 *    consent.confirmed for a single opt-in, list.joined for each list joined);
 * 5. double opt-in: send the confirmation email once, and note that it was sent.
 * A submission the form's rules refuse (it passed intake under an older version of the form, say) is
 * `rejected` and writes nothing; anything else that fails is thrown, so the delivery is retried.
 */
export async function processFormSubmission(
  deps: FormProcessingDeps,
  submission: ReceivedFormSubmission,
): Promise<SubmissionOutcome> {
  const ref = parseFormId(submission.formId);
  if (!ref) return { outcome: 'form_deleted' };
  let form: FormDefinition;
  try {
    form = await getFormDefinition(deps.store, ref);
  } catch (error) {
    if (error instanceof NotFoundError) return { outcome: 'form_deleted' };
    throw error;
  }
  const definitions = await listFieldDefinitions(deps.store, ref.workspaceId, 'contact');
  let content: SubmissionContent;
  try {
    const read = readSubmission(form, definitions, submission.fields, { referer: submission.referer });
    if (read.kind === 'spam') return { outcome: 'spam' };
    content = read;
  } catch (error) {
    if (error instanceof ValidationError) return { outcome: 'rejected', fields: error.extra.fields ?? {} };
    throw error;
  }
  const consentState: ConsentState =
    content.consentGiven && form.consent ? (form.consent.doubleOptIn ? 'pending' : 'confirmed') : 'none';

  const known = await findContactByEmail(deps, ref.workspaceId, content.contact.email);
  if (known && (await activityExists(deps, ref, known.id, submission.submissionId))) {
    return finish(deps, form, ref, submission, known.id, consentState, 'duplicate');
  }
  let upserted: Awaited<ReturnType<typeof upsertContactByEmail>>;
  try {
    upserted = await upsertContactByEmail(deps, ref.workspaceId, content.contact);
  } catch (error) {
    // a required custom field the contact lacks, say: retrying will not change the answer
    if (error instanceof ValidationError) return { outcome: 'rejected', fields: error.extra.fields ?? {} };
    throw error;
  }
  const { contact, created } = upserted;
  if (submission.delivery)
    await linkDeliveryToContact(deps.store, ref.workspaceId, contact.id, {
      ...submission.delivery,
      inboxId: submission.submissionId,
    });
  const now = deps.clock();
  const activity: SubmissionActivity = {
    id: submission.submissionId,
    type: 'form.submitted',
    contactId: contact.id,
    ...(contact.companyId ? { companyId: contact.companyId } : {}),
    formId: form.id,
    formName: form.name,
    occurredAt: submission.receivedAt,
    recordedAt: now.toISOString(),
    utm: content.utm,
    ...(content.pageUrl ? { pageUrl: content.pageUrl } : {}),
    ...(content.referrer ? { referrer: content.referrer } : {}),
    ...(submission.ip ? { ip: submission.ip } : {}),
    ...(submission.userAgent ? { userAgent: submission.userAgent.slice(0, maxUserAgentChars) } : {}),
    fields: content.extraFields,
    ...(consentState !== 'none' ? { consentId: submission.submissionId } : {}),
  };
  const items: TransactItem[] = [
    {
      Put: {
        TableName: deps.store.tableName,
        Item: {
          ...timelineEntryItem(ref.workspaceId, activity),
          ...formsKeys.formSubmission(ref.workspaceId, ref.id, activity.id),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  const events: PendingEvent[] = [
    pendingEvent(FormSubmitted, {
      formId: form.id,
      formName: form.name,
      submissionId: activity.id,
      contactId: contact.id,
      contactCreated: created,
      email: content.contact.email,
      tags: form.tags,
      utm: content.utm,
      ...(content.pageUrl ? { pageUrl: content.pageUrl } : {}),
      ...(content.referrer ? { referrer: content.referrer } : {}),
      consent: consentState,
    }),
  ];
  if (consentState !== 'none' && form.consent) {
    const consent: Consent = {
      id: submission.submissionId,
      contactId: contact.id,
      formId: form.id,
      email: content.contact.email,
      text: form.consent.text,
      version: form.consent.version,
      ...(content.submittedConsentVersion && content.submittedConsentVersion !== form.consent.version
        ? { submittedVersion: content.submittedConsentVersion }
        : {}),
      status: consentState,
      doubleOptIn: form.consent.doubleOptIn,
      givenAt: submission.receivedAt,
      ...(submission.ip ? { ip: submission.ip } : {}),
      ...(activity.userAgent ? { userAgent: activity.userAgent } : {}),
      ...(consentState === 'confirmed' ? { confirmedAt: submission.receivedAt } : {}),
    };
    items.push({
      Put: {
        TableName: deps.store.tableName,
        Item: {
          ...formsKeys.contactConsent(ref.workspaceId, contact.id, consent.id),
          entity: 'consent',
          ...consent,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    if (consentState === 'confirmed') {
      events.push(
        pendingEvent(ConsentConfirmed, {
          consentId: consent.id,
          contactId: contact.id,
          formId: form.id,
          email: consent.email,
          version: consent.version,
          doubleOptIn: false,
          confirmedAt: submission.receivedAt,
        }),
      );
    }
  }
  if (form.lists.length > 0) {
    const [lists, memberships] = await Promise.all([
      listLists(deps.store, ref.workspaceId),
      membershipsOf(deps.store, ref.workspaceId, contact.id),
    ]);
    // a list deleted since the form was saved is skipped
    const joins = joinListsWrites(
      deps.store.tableName,
      ref.workspaceId,
      contact.id,
      lists.filter((list) => form.lists.includes(list.id)),
      memberships,
      { kind: 'form', formId: form.id },
      now,
    );
    items.push(...joins.items);
    events.push(...joins.events);
  }
  items.push(...outboxWrite(deps.store.tableName, ref.workspaceId, events, now));
  try {
    await writeTransaction(deps.store, items);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons || !failedAt(reasons, 0)) throw error;
    return finish(deps, form, ref, submission, contact.id, consentState, 'duplicate');
  }
  return finish(deps, form, ref, submission, contact.id, consentState, 'recorded');
}

async function activityExists(
  { store }: Pick<Deps, 'store'>,
  ref: FormRef,
  contactId: string,
  submissionId: string,
): Promise<boolean> {
  const result = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: activitiesKeys.timelineEntry(ref.workspaceId, 'CONTACT', contactId, submissionId),
      ConsistentRead: true,
      ProjectionExpression: 'pk',
    }),
  );
  return result.Item !== undefined;
}

async function finish(
  deps: FormProcessingDeps,
  form: FormDefinition,
  ref: FormRef,
  submission: ReceivedFormSubmission,
  contactId: string,
  consent: ConsentState,
  outcome: 'recorded' | 'duplicate',
): Promise<SubmissionOutcome> {
  const confirmationSent =
    consent === 'pending' &&
    (await sendConfirmationOnce(deps, form, ref, contactId, submission.submissionId, submission.apiBaseUrl));
  return { outcome, contactId, consent, confirmationSent };
}

/**
 * Sends the double opt-in email unless the consent is no longer pending or its email went out already
 * (a retried delivery). A crash between sending and noting it sends a second email on the retry: better
 * twice than never, and both links confirm the same record.
 */
async function sendConfirmationOnce(
  deps: FormProcessingDeps,
  form: FormDefinition,
  ref: FormRef,
  contactId: string,
  consentId: string,
  apiBaseUrl: string,
): Promise<boolean> {
  const key = formsKeys.contactConsent(ref.workspaceId, contactId, consentId);
  const stored = await deps.store.client.send(
    new GetCommand({ TableName: deps.store.tableName, Key: key, ConsistentRead: true }),
  );
  const consent = stored.Item as Consent | undefined;
  if (consent?.status !== 'pending' || consent.confirmationSentAt) return false;
  const now = deps.clock();
  const token = signConfirmationToken(form.secret, form.id, {
    contactId,
    consentId,
    expiresAt: Math.floor(now.getTime() / 1000) + confirmationLifetimeSeconds,
  });
  const link = `${apiBaseUrl}${formSubmitPath(form.id)}/confirm?token=${token}`;
  await deps.mailer.send(
    confirmationMail({
      from: deps.mailFrom,
      to: consent.email,
      formName: form.name,
      consentText: consent.text,
      link,
    }),
  );
  try {
    await deps.store.client.send(
      new UpdateCommand({
        TableName: deps.store.tableName,
        Key: key,
        UpdateExpression: 'SET confirmationSentAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(confirmationSentAt)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  return true;
}
