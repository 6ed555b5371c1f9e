/**
 * The one list of functions: the CDK stack deploys exactly these and the local cloud serves exactly these.
 * Each entry names its trigger (route + who may call it), its handler module under functions/ and the
 * access it needs; infra turns `access` into least-privilege grants. Keep this file free of imports that
 * pull in runtime code: handlers import it to know their route's roles.
 */
import type { EventPattern, EventTrigger, ScheduleTrigger } from '../shared/events/event-pattern';
import type { Role } from '../shared/platform/roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface HttpTrigger {
  kind: 'http';
  method: HttpMethod;
  /** API Gateway route path, `{name}` for path parameters. */
  path: string;
  /** `jwt`: a bearer token is required and `roles` says who may call; `none`: public. */
  auth: 'jwt' | 'none';
  roles?: readonly Role[];
}

/**
 * Run the function for the records of the table's stream that match `filter`, written in the event
 * pattern language (Lambda event filtering and the local poller both use it), in batches; a failed
 * record is retried from where it failed, then set aside in a dead-letter queue.
 */
export interface StreamTrigger {
  kind: 'stream';
  filter: EventPattern;
  batchSize?: number;
}

export type FunctionTrigger = HttpTrigger | EventTrigger | ScheduleTrigger | StreamTrigger;

export interface FunctionAccess {
  table?: 'read' | 'readWrite';
  /** `publish`: may put events on the CRM event bus (EVENT_BUS_NAME). */
  eventBus?: 'publish';
  /** The webhook archive (ARCHIVE_BUCKET): `write` stores raw deliveries, `read` loads them back. */
  archive?: 'write' | 'read';
  /** `send`: may send email through SES (SESv2 SendEmail) from MAIL_FROM. */
  ses?: 'send';
}

export interface FunctionSpec {
  /** PascalCase, unique: the CDK construct id and the local cloud's log prefix. */
  name: string;
  /** Module path under functions/ without extension; it exports `handler`. */
  handler: string;
  description: string;
  trigger: FunctionTrigger;
  access: FunctionAccess;
  timeoutSeconds?: number;
  memoryMb?: number;
}

const everyone: readonly Role[] = ['admin', 'sales', 'marketing', 'support'];
const contactEditors: readonly Role[] = ['admin', 'sales', 'marketing', 'support'];
const companyEditors: readonly Role[] = ['admin', 'sales'];
const deleters: readonly Role[] = ['admin', 'sales'];
const admins: readonly Role[] = ['admin'];
const listEditors: readonly Role[] = ['admin', 'marketing'];

const http = (method: HttpMethod, path: string, roles: readonly Role[] | 'public'): HttpTrigger =>
  roles === 'public'
    ? { kind: 'http', method, path, auth: 'none' }
    : { kind: 'http', method, path, auth: 'jwt', roles };

export const functions = [
  {
    name: 'GetHealth',
    handler: 'health/get-health',
    description: 'Liveness of the API',
    trigger: http('GET', '/api/health', 'public'),
    access: {},
  },
  {
    name: 'GetOpenApi',
    handler: 'api-docs/get-openapi',
    description: 'The OpenAPI document, generated from the zod schemas',
    trigger: http('GET', '/api/openapi.json', 'public'),
    access: {},
  },
  {
    name: 'ListContacts',
    handler: 'contacts/list-contacts',
    description: 'List contacts: newest first, by tag, by email or by name prefix',
    trigger: http('GET', '/api/contacts', everyone),
    access: { table: 'read' },
  },
  {
    name: 'CreateContact',
    handler: 'contacts/create-contact',
    description: 'Create a contact; the email is unique per workspace',
    trigger: http('POST', '/api/contacts', contactEditors),
    access: { table: 'readWrite' },
  },
  {
    name: 'GetContact',
    handler: 'contacts/get-contact',
    description: 'Read one contact',
    trigger: http('GET', '/api/contacts/{id}', everyone),
    access: { table: 'read' },
  },
  {
    name: 'UpdateContact',
    handler: 'contacts/update-contact',
    description: 'Change a contact (If-Match version)',
    trigger: http('PATCH', '/api/contacts/{id}', contactEditors),
    access: { table: 'readWrite' },
  },
  {
    name: 'DeleteContact',
    handler: 'contacts/delete-contact',
    description: 'Delete a contact and its email and tag entries',
    trigger: http('DELETE', '/api/contacts/{id}', deleters),
    access: { table: 'readWrite' },
  },
  {
    name: 'ListCompanies',
    handler: 'companies/list-companies',
    description: 'List companies: newest first, by tag or by name prefix',
    trigger: http('GET', '/api/companies', everyone),
    access: { table: 'read' },
  },
  {
    name: 'CreateCompany',
    handler: 'companies/create-company',
    description: 'Create a company',
    trigger: http('POST', '/api/companies', companyEditors),
    access: { table: 'readWrite' },
  },
  {
    name: 'GetCompany',
    handler: 'companies/get-company',
    description: 'Read one company',
    trigger: http('GET', '/api/companies/{id}', everyone),
    access: { table: 'read' },
  },
  {
    name: 'UpdateCompany',
    handler: 'companies/update-company',
    description: 'Change a company (If-Match version)',
    trigger: http('PATCH', '/api/companies/{id}', companyEditors),
    access: { table: 'readWrite' },
  },
  {
    name: 'DeleteCompany',
    handler: 'companies/delete-company',
    description: 'Delete a company and unlink its contacts',
    trigger: http('DELETE', '/api/companies/{id}', deleters),
    access: { table: 'readWrite' },
  },
  {
    name: 'ListFieldDefinitions',
    handler: 'settings/list-field-definitions',
    description: 'List the custom field definitions of the workspace',
    trigger: http('GET', '/api/settings/fields', everyone),
    access: { table: 'read' },
  },
  {
    name: 'CreateFieldDefinition',
    handler: 'settings/create-field-definition',
    description: 'Define a custom field for contacts or companies',
    trigger: http('POST', '/api/settings/fields', admins),
    access: { table: 'readWrite' },
  },
  {
    name: 'UpdateFieldDefinition',
    handler: 'settings/update-field-definition',
    description: 'Change a custom field definition (If-Match version)',
    trigger: http('PATCH', '/api/settings/fields/{entity}/{key}', admins),
    access: { table: 'readWrite' },
  },
  {
    name: 'DeleteFieldDefinition',
    handler: 'settings/delete-field-definition',
    description: 'Remove a custom field definition',
    trigger: http('DELETE', '/api/settings/fields/{entity}/{key}', admins),
    access: { table: 'readWrite' },
  },
  // --- lists ---
  {
    name: 'ListLists',
    handler: 'lists/list-lists',
    description: 'The lists of the workspace, by name',
    trigger: http('GET', '/api/lists', everyone),
    access: { table: 'read' },
  },
  {
    name: 'CreateList',
    handler: 'lists/create-list',
    description: 'Create a list (unique name, 50 per workspace at most)',
    trigger: http('POST', '/api/lists', listEditors),
    access: { table: 'readWrite' },
  },
  {
    name: 'GetList',
    handler: 'lists/get-list',
    description: 'Read one list with its member count',
    trigger: http('GET', '/api/lists/{listId}', everyone),
    access: { table: 'read' },
  },
  {
    name: 'UpdateList',
    handler: 'lists/update-list',
    description: 'Rename a list or change its description (If-Match version)',
    trigger: http('PATCH', '/api/lists/{listId}', listEditors),
    access: { table: 'readWrite' },
  },
  {
    name: 'DeleteList',
    handler: 'lists/delete-list',
    description: 'Delete a list and its memberships (the contacts stay)',
    trigger: http('DELETE', '/api/lists/{listId}', listEditors),
    access: { table: 'readWrite' },
  },
  {
    name: 'ListListMembers',
    handler: 'lists/list-list-members',
    description: 'The members of a list, with their contacts',
    trigger: http('GET', '/api/lists/{listId}/members', everyone),
    access: { table: 'read' },
  },
  {
    name: 'AddListMember',
    handler: 'lists/add-list-member',
    description: 'Put a contact on a list (list.joined); a member already is answered as it is',
    trigger: http('PUT', '/api/lists/{listId}/members/{contactId}', contactEditors),
    access: { table: 'readWrite' },
  },
  {
    name: 'RemoveListMember',
    handler: 'lists/remove-list-member',
    description: 'Take a contact off a list (list.left)',
    trigger: http('DELETE', '/api/lists/{listId}/members/{contactId}', contactEditors),
    access: { table: 'readWrite' },
  },
  {
    name: 'ListContactLists',
    handler: 'lists/list-contact-lists',
    description: 'The lists a contact is on',
    trigger: http('GET', '/api/contacts/{id}/lists', everyone),
    access: { table: 'read' },
  },
  // --- webhooks: intake and shops ---
  {
    name: 'ReceiveShopifyWebhook',
    handler: 'webhooks/receive-shopify-webhook',
    description: 'Shopify webhooks of a shop connection: archived, verified, queued for processing',
    trigger: http('POST', '/api/webhooks/shopify/{connectionId}', 'public'),
    access: { table: 'readWrite', archive: 'write' },
  },
  {
    name: 'ReceiveWooCommerceWebhook',
    handler: 'webhooks/receive-woocommerce-webhook',
    description: 'WooCommerce webhooks of a shop connection: archived, verified, queued for processing',
    trigger: http('POST', '/api/webhooks/woocommerce/{connectionId}', 'public'),
    access: { table: 'readWrite', archive: 'write' },
  },
  {
    name: 'ReceiveShopWebhook',
    handler: 'webhooks/receive-shop-webhook',
    description: 'Webhooks of any other shop in the signed JSON format of docs/webhooks.md',
    trigger: http('POST', '/api/webhooks/shop/{connectionId}', 'public'),
    access: { table: 'readWrite', archive: 'write' },
  },
  {
    name: 'ProcessShopWebhook',
    handler: 'webhooks/process-shop-webhook',
    description: 'Turn a received shop delivery into a contact, an order or a checkout',
    trigger: {
      kind: 'event',
      pattern: {
        source: ['crm'],
        'detail-type': ['webhook.received'],
        detail: { source: ['shopify', 'woocommerce', 'shop'] },
      },
    },
    access: { table: 'readWrite', archive: 'read' },
    timeoutSeconds: 30,
  },
  {
    name: 'RaiseAbandonedCarts',
    handler: 'orders/raise-abandoned-carts',
    description: 'Raise cart.abandoned once for each checkout left open past its connection threshold',
    trigger: { kind: 'schedule', expression: 'rate(15 minutes)' },
    access: { table: 'readWrite' },
    timeoutSeconds: 60,
  },
  {
    name: 'ListWebhookDeliveries',
    handler: 'webhooks/list-webhook-deliveries',
    description: 'The delivery log of webhook intake, newest first, by status',
    trigger: http('GET', '/api/webhooks/inbox', admins),
    access: { table: 'read' },
  },
  {
    name: 'ReplayWebhookDelivery',
    handler: 'webhooks/replay-webhook-delivery',
    description: 'Queue a received webhook delivery for processing again (after a failure)',
    trigger: http('POST', '/api/webhooks/inbox/{inboxId}/replay', admins),
    access: { table: 'readWrite' },
  },
  {
    name: 'ListShopConnections',
    handler: 'settings/list-shop-connections',
    description: 'List the shop connections of the workspace (secrets for admins only)',
    trigger: http('GET', '/api/settings/shop-connections', everyone),
    access: { table: 'read' },
  },
  {
    name: 'CreateShopConnection',
    handler: 'settings/create-shop-connection',
    description: 'Connect a shop: its webhook address and signing secret',
    trigger: http('POST', '/api/settings/shop-connections', admins),
    access: { table: 'readWrite' },
  },
  {
    name: 'GetShopConnection',
    handler: 'settings/get-shop-connection',
    description: 'Read one shop connection (its secret for admins only)',
    trigger: http('GET', '/api/settings/shop-connections/{connectionId}', everyone),
    access: { table: 'read' },
  },
  {
    name: 'UpdateShopConnection',
    handler: 'settings/update-shop-connection',
    description: 'Change a shop connection (If-Match version)',
    trigger: http('PATCH', '/api/settings/shop-connections/{connectionId}', admins),
    access: { table: 'readWrite' },
  },
  {
    name: 'DeleteShopConnection',
    handler: 'settings/delete-shop-connection',
    description: 'Disconnect a shop: its webhooks answer 404 from then on',
    trigger: http('DELETE', '/api/settings/shop-connections/{connectionId}', admins),
    access: { table: 'readWrite' },
  },
  {
    name: 'RotateShopConnectionSecret',
    handler: 'settings/rotate-shop-connection-secret',
    description: 'Generate a new signing secret; the previous one is accepted for 24 hours',
    trigger: http('POST', '/api/settings/shop-connections/{connectionId}/rotate-secret', admins),
    access: { table: 'readWrite' },
  },
  {
    name: 'ListContactOrders',
    handler: 'orders/list-contact-orders',
    description: "A contact's orders, newest first, with its purchase statistics",
    trigger: http('GET', '/api/contacts/{id}/orders', everyone),
    access: { table: 'read' },
  },
  // --- webhooks: forms ---
  {
    name: 'ListForms',
    handler: 'settings/list-forms',
    description: 'List the forms of the workspace',
    trigger: http('GET', '/api/settings/forms', everyone),
    access: { table: 'read' },
  },
  {
    name: 'CreateForm',
    handler: 'settings/create-form',
    description: 'Define a form: field mapping, tags, consent, redirect, allowed origins',
    trigger: http('POST', '/api/settings/forms', ['admin', 'marketing']),
    access: { table: 'readWrite' },
  },
  {
    name: 'GetForm',
    handler: 'settings/get-form',
    description: 'Read one form',
    trigger: http('GET', '/api/settings/forms/{formId}', everyone),
    access: { table: 'read' },
  },
  {
    name: 'UpdateForm',
    handler: 'settings/update-form',
    description: 'Change a form (If-Match version)',
    trigger: http('PATCH', '/api/settings/forms/{formId}', ['admin', 'marketing']),
    access: { table: 'readWrite' },
  },
  {
    name: 'DeleteForm',
    handler: 'settings/delete-form',
    description: 'Delete a form: its address answers 404 from then on',
    trigger: http('DELETE', '/api/settings/forms/{formId}', ['admin', 'marketing']),
    access: { table: 'readWrite' },
  },
  {
    name: 'GetFormEmbed',
    handler: 'settings/get-form-embed',
    description: 'The HTML snippet that embeds a form in a web page',
    trigger: http('GET', '/api/settings/forms/{formId}/embed', everyone),
    access: { table: 'read' },
  },
  {
    name: 'SubmitForm',
    handler: 'webhooks/submit-form',
    description: 'A web form post (urlencoded or JSON): archived, checked, queued for processing',
    trigger: http('POST', '/api/webhooks/forms/{formId}', 'public'),
    access: { table: 'readWrite', archive: 'write' },
  },
  {
    name: 'PreflightFormSubmission',
    handler: 'webhooks/preflight-form-submission',
    description: "The browser's CORS preflight before a script on an allowed page posts a form as JSON",
    trigger: http('OPTIONS', '/api/webhooks/forms/{formId}', 'public'),
    access: { table: 'read' },
  },
  {
    name: 'ConfirmFormConsent',
    handler: 'webhooks/confirm-form-consent',
    description: 'The signed double opt-in link of a confirmation email: confirms the consent',
    trigger: http('GET', '/api/webhooks/forms/{formId}/confirm', 'public'),
    access: { table: 'readWrite' },
  },
  {
    name: 'ProcessFormSubmission',
    handler: 'webhooks/process-form-submission',
    description: 'Record a form post on its contact: upsert, tags, activity, consent, opt-in email',
    trigger: {
      kind: 'event',
      pattern: { source: ['crm'], 'detail-type': ['webhook.received'], detail: { source: ['form'] } },
    },
    access: { table: 'readWrite', archive: 'read', ses: 'send' },
    timeoutSeconds: 30,
  },
  {
    name: 'ListContactActivities',
    handler: 'contacts/list-contact-activities',
    description: "A contact's form submissions (UTM, page, referrer), newest first, with their consents",
    trigger: http('GET', '/api/contacts/{id}/activities', everyone),
    access: { table: 'read' },
  },
  // --- outbound webhooks ---
  {
    name: 'ListWebhookSubscriptions',
    handler: 'settings/list-webhook-subscriptions',
    description: 'List the outbound webhook subscriptions of the workspace (without secrets)',
    trigger: http('GET', '/api/settings/webhooks', everyone),
    access: { table: 'read' },
  },
  {
    name: 'CreateWebhookSubscription',
    handler: 'settings/create-webhook-subscription',
    description: 'Subscribe a URL to CRM events; the answer shows the new signing secret',
    trigger: http('POST', '/api/settings/webhooks', admins),
    access: { table: 'readWrite' },
  },
  {
    name: 'GetWebhookSubscription',
    handler: 'settings/get-webhook-subscription',
    description: 'Read one webhook subscription (its secret for admins only)',
    trigger: http('GET', '/api/settings/webhooks/{subscriptionId}', everyone),
    access: { table: 'read' },
  },
  {
    name: 'UpdateWebhookSubscription',
    handler: 'settings/update-webhook-subscription',
    description: 'Change a webhook subscription: URL, event types, active, description (If-Match version)',
    trigger: http('PATCH', '/api/settings/webhooks/{subscriptionId}', admins),
    access: { table: 'readWrite' },
  },
  {
    name: 'DeleteWebhookSubscription',
    handler: 'settings/delete-webhook-subscription',
    description: 'Delete a webhook subscription; its pending deliveries are never sent',
    trigger: http('DELETE', '/api/settings/webhooks/{subscriptionId}', admins),
    access: { table: 'readWrite' },
  },
  {
    name: 'RotateWebhookSubscriptionSecret',
    handler: 'settings/rotate-webhook-subscription-secret',
    description: 'Generate a new signing secret; the previous one also signs for 24 hours',
    trigger: http('POST', '/api/settings/webhooks/{subscriptionId}/rotate-secret', admins),
    access: { table: 'readWrite' },
  },
  {
    name: 'SendWebhookTestEvent',
    handler: 'settings/send-webhook-subscription-test',
    description: 'Send a webhook.test event to the subscription now and answer the delivery',
    trigger: http('POST', '/api/settings/webhooks/{subscriptionId}/test', admins),
    access: { table: 'readWrite' },
    timeoutSeconds: 15,
  },
  {
    name: 'ListOutboundWebhookDeliveries',
    handler: 'outbound-webhooks/list-outbound-webhook-deliveries',
    description: 'The delivery log of a webhook subscription, newest first, by status, with every attempt',
    trigger: http('GET', '/api/settings/webhooks/{subscriptionId}/deliveries', admins),
    access: { table: 'read' },
  },
  {
    name: 'RedeliverOutboundWebhookDelivery',
    handler: 'outbound-webhooks/redeliver-outbound-webhook-delivery',
    description: 'Attempt a webhook delivery again now, whatever its status',
    trigger: http('POST', '/api/settings/webhooks/deliveries/{deliveryId}/redeliver', admins),
    access: { table: 'readWrite' },
    timeoutSeconds: 15,
  },
  {
    name: 'DeliverOutboundWebhooks',
    handler: 'outbound-webhooks/deliver-outbound-webhooks',
    description: 'Send each CRM event to the subscriptions that take it (signed), once per subscription',
    trigger: {
      kind: 'event',
      // every CRM event but the plumbing (webhook.received, webhook.test): see webhook-event-types.ts
      pattern: { source: ['crm'], 'detail-type': [{ 'anything-but': { prefix: 'webhook.' } }] },
    },
    access: { table: 'readWrite' },
    timeoutSeconds: 30,
  },
  {
    name: 'RetryOutboundWebhookDeliveries',
    handler: 'outbound-webhooks/retry-outbound-webhook-deliveries',
    description: 'Attempt the webhook deliveries whose retry time has come, in every workspace',
    trigger: { kind: 'schedule', expression: 'rate(1 minute)' },
    access: { table: 'readWrite' },
    timeoutSeconds: 60,
  },
  // --- domain events ---
  {
    name: 'PublishOutboxEvents',
    handler: 'events/publish-outbox-events',
    description: 'Publish the domain events of new outbox items to EventBridge',
    trigger: {
      kind: 'stream',
      filter: { eventName: ['INSERT'], dynamodb: { NewImage: { sk: { S: ['OUTBOX'] } } } },
      batchSize: 100,
    },
    access: { eventBus: 'publish' },
  },
] as const satisfies readonly FunctionSpec[];

export type FunctionName = (typeof functions)[number]['name'];
export type HttpFunctionName = Extract<(typeof functions)[number], { trigger: { kind: 'http' } }>['name'];
export type HttpFunctionSpec = FunctionSpec & { trigger: HttpTrigger };

export const httpFunctions: readonly HttpFunctionSpec[] = (functions as readonly FunctionSpec[]).filter(
  (fn: FunctionSpec): fn is HttpFunctionSpec => fn.trigger.kind === 'http',
);

export function routeKeyOf(trigger: HttpTrigger): string {
  return `${trigger.method} ${trigger.path}`;
}

/** The roles a route admits, looked up by API Gateway's `routeKey` ("GET /api/contacts/{id}"). */
export function rolesForRoute(routeKey: string): readonly Role[] | 'public' | undefined {
  const fn = httpFunctions.find((candidate) => routeKeyOf(candidate.trigger) === routeKey);
  if (!fn) return undefined;
  return fn.trigger.auth === 'none' ? 'public' : (fn.trigger.roles ?? []);
}
