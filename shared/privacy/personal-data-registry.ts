import { activitiesPersonalData } from '../activities/activities-personal-data';
import { campaignsPersonalData } from '../campaigns/campaigns-personal-data';
import { consentPersonalData } from '../consents/consent-personal-data';
import { contactPersonalData } from '../contacts/contact-personal-data';
import { dealsPersonalData } from '../deals/deals-personal-data';
import { emailPersonalData } from '../email/email-personal-data';
import { outboxPersonalData } from '../events/outbox-personal-data';
import { formPersonalData } from '../forms/form-personal-data';
import { listPersonalData } from '../lists/list-personal-data';
import { orderPersonalData } from '../orders/order-personal-data';
import { outboundWebhookPersonalData } from '../outbound-webhooks/outbound-webhook-personal-data';
import { tasksPersonalData } from '../tasks/tasks-personal-data';
import { ticketPersonalData } from '../tickets/tickets-personal-data';
import { webhookPersonalData } from '../webhooks/webhook-personal-data';

/**
 * Every item type that can hold a person's data, as each capability declares it. Erasing a contact walks
 * this list; the erasure walk test seeds one item of each type and fails on a type it cannot seed.
 */
export const personalDataDeclarations = [
  ...contactPersonalData,
  ...formPersonalData,
  ...consentPersonalData,
  ...listPersonalData,
  ...orderPersonalData,
  ...webhookPersonalData,
  ...outboundWebhookPersonalData,
  ...ticketPersonalData,
  ...outboxPersonalData,
  ...tasksPersonalData,
  ...activitiesPersonalData,
  ...dealsPersonalData,
  ...campaignsPersonalData,
  ...emailPersonalData,
] as const;

export type PersonalItemType = (typeof personalDataDeclarations)[number]['itemType'];
