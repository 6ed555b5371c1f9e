import { ActivityLogged } from '../activities/activity-events';
import { CampaignCompleted, CampaignRunRequested, CampaignStarted } from '../campaigns/campaign-events';
import { CompanyCreated, CompanyDeleted, CompanyUpdated } from '../companies/company-events';
import { ConsentConfirmed } from '../consents/consent-events';
import { ContactCreated, ContactDeleted, ContactUpdated } from '../contacts/contact-events';
import {
  DealCreated,
  DealDeleted,
  DealLost,
  DealReopened,
  DealStageChanged,
  DealUpdated,
  DealWon,
} from '../deals/deal-events';
import {
  EmailBounced,
  EmailClicked,
  EmailComplained,
  EmailOpened,
  EmailUnsubscribed,
} from '../email/email-events';
import { EmailTemplateSaved } from '../email-templates/email-template-events';
import { FormSubmitted } from '../forms/form-events';
import { ListJoined, ListLeft } from '../lists/list-events';
import { CartAbandoned, OrderPlaced } from '../orders/order-events';
import { TagAdded, TagRemoved } from '../records/tag-events';
import {
  TaskCompleted,
  TaskCreated,
  TaskDeleted,
  TaskDue,
  TaskReopened,
  TaskUpdated,
} from '../tasks/task-events';
import { MemberDeactivated, MemberInvited, MemberUpdated } from '../team/member-events';
import { TicketOpened, TicketReopened, TicketResolved, TicketUpdated } from '../tickets/ticket-events';
import { WebhookReceived } from '../webhooks/webhook-events';

/**
 * Every event contract the CRM publishes (source `crm`), in one place: outbound webhook subscriptions offer
 * these by name, and docs/events.md describes each (a unit test keeps the three in step).
 */
export const businessEvents = [
  ContactCreated,
  ContactUpdated,
  ContactDeleted,
  CompanyCreated,
  CompanyUpdated,
  CompanyDeleted,
  TagAdded,
  TagRemoved,
  ListJoined,
  ListLeft,
  FormSubmitted,
  ConsentConfirmed,
  OrderPlaced,
  CartAbandoned,
  TicketOpened,
  TicketUpdated,
  TicketResolved,
  TicketReopened,
  TaskCreated,
  TaskUpdated,
  TaskCompleted,
  TaskReopened,
  TaskDeleted,
  TaskDue,
  MemberInvited,
  MemberUpdated,
  MemberDeactivated,
  ActivityLogged,
  DealCreated,
  DealUpdated,
  DealStageChanged,
  DealWon,
  DealLost,
  DealReopened,
  DealDeleted,
  CampaignStarted,
  CampaignCompleted,
  EmailOpened,
  EmailClicked,
  EmailBounced,
  EmailComplained,
  EmailUnsubscribed,
] as const;

/** Plumbing: published for the CRM's own functions, never forwarded to outbound webhooks. */
export const internalEvents = [WebhookReceived, EmailTemplateSaved, CampaignRunRequested] as const;

export const eventContracts = [...businessEvents, ...internalEvents] as const;
