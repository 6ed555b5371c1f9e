import * as z from 'zod/mini';
import { ContactIds } from '../contacts/contact';
import { BoardPosition, DealPatch } from '../deals/deal';
import { Amount } from '../deals/money';
import { PipelinePatch } from '../deals/pipeline';
import { Forecast, ForecastQuery } from '../forecast/forecast';
import { WebhookUrlText } from '../outbound-webhooks/webhook-subscription';
import { CountryCode } from '../records/country-code';
import { ShopifyWebhookBody, WooCommerceWebhookBody } from '../shops/shop-webhook-bodies';
import { MemberId } from '../team/member-id';
import { SlaTarget, TicketPatch } from '../tickets/ticket';

/**
 * What the OpenAPI document says of some schemas beyond their shape. Attached here, where the document is
 * built, rather than on the schemas: a description or format in a schema module puts zod's registry and
 * the text into every Lambda bundle that validates with it, for a document generated offline.
 */
export function annotateSchemasForOpenApi(): void {
  z.globalRegistry.add(CountryCode, {
    description:
      'An assigned ISO 3166-1 alpha-2 country code, any case (e.g. DE); any other text answers 400.',
  });
  z.globalRegistry.add(WebhookUrlText, { format: 'uri' });
  z.globalRegistry.add(ContactIds, {
    description:
      'Comma-separated contact ids (at most 100; a repeated id counts once), read in one request and answered in ' +
      'this order; an id not found in the workspace is left out. Alone: with tag, q, email, companyId, ownerId or cursor it answers 400.',
  });
  z.globalRegistry.add(ForecastQuery, {
    description:
      'pipelineId and ownerId narrow the deals; timeZone (IANA, UTC by default) makes "today", the months and ' +
      'the period local; from and to (YYYY-MM-DD, both included, at most 731 days) are the period of the win ' +
      'rate, sales cycle and time in stage: the last 90 days by default.',
  });
  z.globalRegistry.add(Forecast, {
    description:
      'Amounts are exact decimal strings per currency, never converted; a sum is rounded once, half up, to ' +
      "its currency's decimals. A rate or average over nothing is null. docs/metrics.md defines every figure.",
  });
  z.globalRegistry.add(Amount, {
    description:
      'An exact decimal amount as a string (1250.50), never a float; at most the decimals of its currency.',
  });
  z.globalRegistry.add(BoardPosition, {
    description:
      "A card's place in its column: a fractional-index key (npm fractional-indexing) between its neighbours'; the end of the column when left out.",
  });
  z.globalRegistry.add(DealPatch, {
    description:
      'A change of a deal. A new stageId (and/or position) moves it on the board; pipelineId moves it to another pipeline; ' +
      'status won or lost closes it (lost needs a lostReason of GET /api/settings/deal-lost-reasons), open reopens it. A stage removed meanwhile answers 409 deal.stage_not_in_pipeline.',
  });
  z.globalRegistry.add(PipelinePatch, {
    description:
      'stages is the whole new ordered list: a stage with an id is kept, one without is added, one left out is removed. ' +
      'Removing a stage that holds open deals answers 409 pipeline.stage_not_empty unless moveDealsTo maps it to a kept stage.',
  });
  z.globalRegistry.add(SlaTarget, {
    description:
      "Minutes from a ticket's opening until its first response and its resolution are due (calendar time); " +
      'the first response cannot be due after the resolution.',
  });
  z.globalRegistry.add(TicketPatch, {
    description:
      'A change of a ticket. status moves open → pending → resolved, pending → open, resolved → open (reopen); ' +
      'any other move answers 409 ticket.illegal_transition. A new priority recomputes the SLA due times.',
  });
  z.globalRegistry.add(MemberId, {
    description:
      "A member of the workspace: its id (the Cognito sub) as GET /api/settings/members lists it. An owner or a member's heir must be active.",
  });
  z.globalRegistry.add(ShopifyWebhookBody, {
    description:
      'The REST resource of the X-Shopify-Topic (orders/create, customers/create, checkouts/create, ' +
      'checkouts/update), signed by X-Shopify-Hmac-Sha256 and identified by X-Shopify-Webhook-Id.',
  });
  z.globalRegistry.add(WooCommerceWebhookBody, {
    description:
      'The REST API v3 resource of the X-WC-Webhook-Topic (order.created, customer.created), signed by ' +
      'X-WC-Webhook-Signature. The unsigned ping sent when a webhook is saved is answered 200.',
  });
}
