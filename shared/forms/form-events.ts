import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';
import { Utm } from './submission-activity';

/** A form submission was recorded on a contact (created or updated by it). Honeypot hits never are. */
export const FormSubmitted = defineEvent('form.submitted', 1, {
  /** The public form id, `<workspaceId>.<ulid>`. */
  formId: z.string(),
  formName: z.string(),
  submissionId: z.string(),
  contactId: z.string(),
  contactCreated: z.boolean(),
  email: z.string(),
  /** The form's tags, added to the contact. */
  tags: z.array(z.string()),
  utm: Utm,
  pageUrl: z.optional(z.string()),
  referrer: z.optional(z.string()),
  /** `none` when the box was not ticked or the form asks for no consent. */
  consent: z.enum(['none', 'pending', 'confirmed']),
});
