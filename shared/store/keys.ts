import { activitiesKeys } from '../activities/activities-keys';
import { campaignsKeys } from '../campaigns/campaigns-keys';
import { companiesKeys } from '../companies/companies-keys';
import { contactsKeys } from '../contacts/contacts-keys';
import { customFieldsKeys } from '../custom-fields/custom-fields-keys';
import { dealsKeys } from '../deals/deals-keys';
import { emailKeys } from '../email/email-keys';
import { emailTemplatesKeys } from '../email-templates/email-templates-keys';
import { eventsKeys } from '../events/events-keys';
import { formsKeys } from '../forms/forms-keys';
import { listsKeys } from '../lists/lists-keys';
import { ordersKeys } from '../orders/orders-keys';
import { outboundWebhooksKeys } from '../outbound-webhooks/outbound-webhooks-keys';
import { platformKeys } from '../platform/platform-keys';
import { recordKeys } from '../records/record-keys';
import { shopsKeys } from '../shops/shops-keys';
import { tasksKeys } from '../tasks/tasks-keys';
import { teamKeys } from '../team/team-keys';
import { ticketsKeys } from '../tickets/tickets-keys';
import { webhooksKeys } from '../webhooks/webhooks-keys';

export type { ContactLinkKind, KeyPair, RecordKind } from './key-parts';

/**
 * Every key of the table, as the capabilities declare theirs (`shared/<capability>/<capability>-keys.ts`,
 * on the primitives of key-parts.ts) plus the platform's own. Each starts with the workspace id that came
 * from the caller's token, so no query can reach another workspace's items (but the two platform items
 * platform-keys.ts names). Golden tests pin the strings. Runtime modules import the keys of the capability
 * they use, not this gatherer, so a Lambda bundle holds only the keys its capability builds.
 */
export const keys = {
  ...platformKeys,
  ...recordKeys,
  ...contactsKeys,
  ...companiesKeys,
  ...eventsKeys,
  ...shopsKeys,
  ...webhooksKeys,
  ...ordersKeys,
  ...listsKeys,
  ...formsKeys,
  ...outboundWebhooksKeys,
  ...customFieldsKeys,
  ...activitiesKeys,
  ...teamKeys,
  ...ticketsKeys,
  ...tasksKeys,
  ...dealsKeys,
  ...emailKeys,
  ...campaignsKeys,
  ...emailTemplatesKeys,
};
