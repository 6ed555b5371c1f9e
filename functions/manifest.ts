/**
 * The one list of functions: the CDK stack deploys exactly these and the local cloud serves exactly these.
 * Each entry names its trigger (route + who may call it), its handler module under functions/ and the
 * access it needs; infra turns `access` into least-privilege grants. Keep this file free of imports that
 * pull in runtime code: handlers import it to know their route's roles.
 */
import type { EventPattern, EventTrigger, ScheduleTrigger } from '../shared/events/event-pattern';
import type { Role } from '../shared/platform/roles';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

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
  // --- webhooks: intake and shops ---
  // --- webhooks: forms ---
  // --- outbound webhooks ---
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
