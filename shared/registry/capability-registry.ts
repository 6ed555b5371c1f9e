/**
 * The one registry: every capability of the CRM. Infra deploys their functions, the local cloud serves
 * them, OpenAPI and the docs describe their routes, and the walks (workspace isolation, bad input) visit
 * every route listed here. A new capability is one line below; nothing else is edited.
 * Never import this from a Lambda's code path: a function bundles its own capability only.
 */
import { activitiesCapability } from '../activities/activities-capability';
import { apiDocsCapability } from '../api/api-docs-capability';
import { campaignsCapability } from '../campaigns/campaigns-capability';
import { companiesCapability } from '../companies/companies-capability';
import { contactsCapability } from '../contacts/contacts-capability';
import { customFieldsCapability } from '../custom-fields/custom-fields-capability';
import { dealsCapability } from '../deals/deals-capability';
import { emailCapability } from '../email/email-capability';
import { emailTemplatesCapability } from '../email-templates/email-templates-capability';
import { eventsCapability } from '../events/events-capability';
import { forecastCapability } from '../forecast/forecast-capability';
import { formsCapability } from '../forms/forms-capability';
import { listsCapability } from '../lists/lists-capability';
import { ordersCapability } from '../orders/orders-capability';
import { outboundWebhooksCapability } from '../outbound-webhooks/outbound-webhooks-capability';
import type {
  ApiFunctionSpec,
  BackgroundFunctionSpec,
  Capability,
  FunctionSpec,
  NamedRoute,
} from '../platform/capability';
import { healthCapability } from '../platform/health-capability';
import { shopsCapability } from '../shops/shops-capability';
import { tasksCapability } from '../tasks/tasks-capability';
import { teamCapability } from '../team/team-capability';
import { ticketsCapability } from '../tickets/tickets-capability';
import { webhooksCapability } from '../webhooks/webhooks-capability';

export const capabilities: readonly Capability[] = [
  healthCapability,
  apiDocsCapability,
  contactsCapability,
  companiesCapability,
  customFieldsCapability,
  listsCapability,
  formsCapability,
  shopsCapability,
  webhooksCapability,
  ordersCapability,
  outboundWebhooksCapability,
  eventsCapability,
  ticketsCapability,
  tasksCapability,
  teamCapability,
  activitiesCapability,
  dealsCapability,
  forecastCapability,
  campaignsCapability,
  emailCapability,
  emailTemplatesCapability,
];

/** What infra, the local cloud and the tests read: the registry's functions and routes, flattened. */
export interface Registry {
  capabilities: readonly Capability[];
  functions: readonly FunctionSpec[];
  apiFunctions: readonly ApiFunctionSpec[];
  backgroundFunctions: readonly BackgroundFunctionSpec[];
  routes: readonly RegisteredRoute[];
}

export interface RegisteredRoute extends NamedRoute {
  /** The API function that serves it. */
  functionName: string;
  capability: string;
}

/** Flattens capabilities and checks what must be unique: function names, route names and route keys. */
export function buildRegistry(list: readonly Capability[]): Registry {
  const functions = list.flatMap((capability) => capability.functions);
  const apiFunctions = functions.filter((fn): fn is ApiFunctionSpec => fn.trigger.kind === 'api');
  const backgroundFunctions = functions.filter(
    (fn): fn is BackgroundFunctionSpec => fn.trigger.kind !== 'api',
  );
  const routes = list.flatMap((capability) =>
    capability.functions.flatMap((fn) =>
      fn.trigger.kind === 'api'
        ? fn.trigger.routes.map((route) => ({ ...route, functionName: fn.name, capability: capability.name }))
        : [],
    ),
  );
  const duplicate = (values: string[]) => values.find((value, at) => values.indexOf(value) !== at);
  const twice =
    duplicate(list.map((capability) => capability.name)) ??
    duplicate(functions.map((fn) => fn.name)) ??
    duplicate(routes.map((route) => route.name)) ??
    duplicate(routes.map((route) => `${route.method} ${route.path}`));
  if (twice) throw new Error(`the registry names ${twice} twice`);
  return { capabilities: list, functions, apiFunctions, backgroundFunctions, routes };
}

export const registry: Registry = buildRegistry(capabilities);
