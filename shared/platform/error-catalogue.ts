import { activitiesErrors } from '../activities/activities-errors';
import { campaignsErrors } from '../campaigns/campaigns-errors';
import { companiesErrors } from '../companies/companies-errors';
import { contactsErrors } from '../contacts/contacts-errors';
import { customFieldsErrors } from '../custom-fields/custom-fields-errors';
import { dealsErrors } from '../deals/deals-errors';
import { emailErrors } from '../email/email-errors';
import { emailTemplatesErrors } from '../email-templates/email-templates-errors';
import { forecastErrors } from '../forecast/forecast-errors';
import { formsErrors } from '../forms/forms-errors';
import { listsErrors } from '../lists/lists-errors';
import { outboundWebhooksErrors } from '../outbound-webhooks/outbound-webhooks-errors';
import { shopsErrors } from '../shops/shops-errors';
import { tasksErrors } from '../tasks/tasks-errors';
import { teamErrors } from '../team/team-errors';
import { ticketsErrors } from '../tickets/tickets-errors';
import { webhooksErrors } from '../webhooks/webhooks-errors';
import { platformErrors } from './errors';

/**
 * Every code the API answers with and its text: the platform's and each capability's own (declared in its
 * folder as `<capability>-errors.ts`). One exhaustive catalogue for the web app, OpenAPI and the tests, so a
 * code is never answered without its text. Lambda code does not import it: each API function registers
 * the catalogues it answers with (registerErrorMessages), so its bundle holds its own texts only.
 */
export const errorMessages = {
  ...platformErrors,
  ...contactsErrors,
  ...companiesErrors,
  ...customFieldsErrors,
  ...webhooksErrors,
  ...shopsErrors,
  ...listsErrors,
  ...formsErrors,
  ...outboundWebhooksErrors,
  ...ticketsErrors,
  ...tasksErrors,
  ...teamErrors,
  ...activitiesErrors,
  ...dealsErrors,
  ...forecastErrors,
  ...emailErrors,
  ...campaignsErrors,
  ...emailTemplatesErrors,
} as const satisfies Record<string, string>;
