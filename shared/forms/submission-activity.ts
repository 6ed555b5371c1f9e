import * as z from 'zod/mini';

/* What a form submission leaves on the timeline; its own module, so events and readers need no input schemas. */

/** Campaign parameters of a submission (`utm_source` → `source`...). */
export const Utm = z.object({
  source: z.optional(z.string()),
  medium: z.optional(z.string()),
  campaign: z.optional(z.string()),
  content: z.optional(z.string()),
  term: z.optional(z.string()),
});
export type Utm = z.output<typeof Utm>;

/** A submission on its contact's timeline (a timeline entry, decision 150), with where the person came from. */
export const SubmissionActivity = z.object({
  /** Intake's id of the delivery, so a redelivery lands on the same item. */
  id: z.string(),
  type: z.literal('form.submitted'),
  contactId: z.string(),
  /** The company the contact belonged to when it submitted: the entry is on that company's timeline too. */
  companyId: z.optional(z.string()),
  formId: z.string(),
  formName: z.string(),
  /** When intake received the post. */
  occurredAt: z.string(),
  recordedAt: z.string(),
  utm: Utm,
  pageUrl: z.optional(z.string()),
  referrer: z.optional(z.string()),
  ip: z.optional(z.string()),
  userAgent: z.optional(z.string()),
  /** Posted fields the form does not map to the contact (a message box, say). */
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
  /** The consent record made by this submission, when the box was ticked. */
  consentId: z.optional(z.string()),
});
export type SubmissionActivity = z.output<typeof SubmissionActivity>;
