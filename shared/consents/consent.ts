import * as z from 'zod/mini';

/**
 * A consent record: what a person agreed to (the exact text and its version), when, and from where.
 * With double opt-in it stays `pending` until the link in the confirmation email is followed.
 */
export const consentStatuses = ['pending', 'confirmed'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

export const Consent = z.object({
  id: z.string(),
  contactId: z.string(),
  /** The public form id (`<workspaceId>.<ulid>`) the consent was given on. */
  formId: z.string(),
  email: z.string(),
  /** The consent text as the form showed it when the submission was processed. */
  text: z.string(),
  version: z.string(),
  /** The version the page said it showed, when it sent one and it differs (a page cached before a change). */
  submittedVersion: z.optional(z.string()),
  status: z.enum(consentStatuses),
  doubleOptIn: z.boolean(),
  givenAt: z.string(),
  ip: z.optional(z.string()),
  userAgent: z.optional(z.string()),
  confirmationSentAt: z.optional(z.string()),
  confirmedAt: z.optional(z.string()),
  confirmedIp: z.optional(z.string()),
  confirmedUserAgent: z.optional(z.string()),
});
export type Consent = z.output<typeof Consent>;
