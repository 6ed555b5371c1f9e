import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';

/**
 * A contact's consent is confirmed: at once for a single opt-in form, when the email link is followed
 * for double opt-in. Automations may start mailing from here, never before.
 */
export const ConsentConfirmed = defineEvent('consent.confirmed', 1, {
  consentId: z.string(),
  contactId: z.string(),
  formId: z.string(),
  email: z.string(),
  version: z.string(),
  doubleOptIn: z.boolean(),
  confirmedAt: z.string(),
});
