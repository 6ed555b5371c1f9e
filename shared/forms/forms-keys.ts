import { type KeyPair, ws } from '../store/key-parts';

/** A consent record of a contact (what it agreed to, when, from where), in the contact's partition. */
export const contactConsentKey = (workspaceId: string, contactId: string, consentId: string): KeyPair => ({
  pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
  sk: `CONSENT#${consentId}`,
});

/**
 * The forms capability: forms, submissions on the timeline, consents.
 * Built here and nowhere else (keys.ts gathers them); golden tests pin the strings. The timeline reads a
 * submission's consent with `contactConsentKey` on its own, since a bundle keeps an object whole once any
 * member is used.
 */
export const formsKeys = {
  // --- webhooks: forms ---
  /** A form definition, in the workspace's settings partition (`id` is the ULID part of the form id). */
  form: (workspaceId: string, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    sk: `FORM#${id}`,
  }),
  formsPrefix: (workspaceId: string) => ({ pk: `${ws(workspaceId)}#SETTINGS`, skPrefix: 'FORM#' }),
  /**
   * Before decision 150: a form submission on the contact's timeline. Submissions are timeline entries now
   * (activitiesKeys.timelineEntry); infra/migrate-timeline.ts moves the items written under this key.
   */
  contactActivity: (workspaceId: string, contactId: string, activityId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    sk: `ACTIVITY#${activityId}`,
  }),
  contactActivitiesPrefix: (workspaceId: string, contactId: string) => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    skPrefix: 'ACTIVITY#',
  }),
  /** GSI byParent: the submissions of a form, newest first, on their timeline entries. */
  formSubmission: (workspaceId: string, formId: string, submissionId: string) => ({
    gsi3pk: `${ws(workspaceId)}#FORM#${formId}#SUBMISSIONS`,
    gsi3sk: submissionId,
  }),
  formSubmissionsPartition: (workspaceId: string, formId: string) =>
    `${ws(workspaceId)}#FORM#${formId}#SUBMISSIONS`,
  contactConsent: contactConsentKey,
  contactConsentsPrefix: (workspaceId: string, contactId: string) => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    skPrefix: 'CONSENT#',
  }),
  /**
   * The double opt-in email of one address for one form went out (or is on its way): at most one per
   * 24 h while unconfirmed. `emailHash` is the hex SHA-256 of the normalised email (emailHashOf).
   */
  confirmationMail: (workspaceId: string, formId: string, emailHash: string): KeyPair => ({
    pk: `${ws(workspaceId)}#FORM#${formId}#CONFIRMATION_MAIL#${emailHash}`,
    sk: 'CONFIRMATION_MAIL',
  }),
  /** GSI byParent: the confirmation mail claims of one address, so erasing its contact finds them. */
  confirmationMailOfEmail: (workspaceId: string, emailHash: string, formId: string) => ({
    gsi3pk: `${ws(workspaceId)}#EMAIL#${emailHash}#CONFIRMATION_MAILS`,
    gsi3sk: formId,
  }),
  confirmationMailsOfEmailPartition: (workspaceId: string, emailHash: string) =>
    `${ws(workspaceId)}#EMAIL#${emailHash}#CONFIRMATION_MAILS`,
  /** Posts of one form in the fixed window starting at `windowStart` (epoch seconds): its rate counter. */
  formPostsWindow: (workspaceId: string, formId: string, windowStart: number): KeyPair => ({
    pk: `${ws(workspaceId)}#FORM#${formId}#POSTS#${windowStart}`,
    sk: 'RATE',
  }),
  /** Posts to the workspace's forms from one client (hashed address) in one window: its rate counter. */
  clientFormPostsWindow: (workspaceId: string, clientHash: string, windowStart: number): KeyPair => ({
    pk: `${ws(workspaceId)}#CLIENT#${clientHash}#FORM_POSTS#${windowStart}`,
    sk: 'RATE',
  }),
};
