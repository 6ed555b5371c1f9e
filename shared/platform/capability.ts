/**
 * How a capability declares its contract: its routes (method, path, roles, schemas), its functions (the
 * one that serves its routes and its background ones), its events and its errors. The registry
 * (shared/registry/capability-registry.ts) gathers every capability for infra, the local cloud, OpenAPI,
 * the docs and the walks. Types and plain data only: the web app and the Lambda bundles import
 * contracts, so nothing here may pull in runtime code, aws-cdk-lib or another capability.
 */
import type { $ZodType } from 'zod/v4/core';
import type { EventPattern, EventTrigger, ScheduleTrigger } from '../events/event-pattern';
import type { PersonalDataDeclaration } from '../privacy/personal-data';
import type { Role } from './roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** What a route accepts and answers; handlers validate with these and OpenAPI is generated from them. */
export interface RouteContract {
  method: HttpMethod;
  /** API Gateway route path, `{name}` for path parameters. */
  path: string;
  /** Who may call it (Cognito groups), or `public`: no token, the route reads no workspace from one. */
  roles: readonly Role[] | 'public';
  /** One line for OpenAPI and the docs. */
  summary: string;
  /** Path parameters, by the names in `path`. */
  params?: $ZodType;
  query?: $ZodType;
  body?: $ZodType;
  response?: $ZodType;
  /** Success status: 200 unless said; 202 for webhooks, processed after the answer. */
  status?: 200 | 201 | 202 | 204;
  /** PATCH routes take the version the client saw in If-Match. */
  ifMatch?: true;
  /**
   * Bodies beyond JSON: `form` also reads `application/x-www-form-urlencoded` (public form posts);
   * `raw` hands the bytes over unread (webhooks verify and judge them, then archive them byte for byte), `body` only documents them.
   */
  accepts?: 'json' | 'form' | 'raw';
}

/** A named set of routes: the operation id (`GetContact`) is the key. */
export type RouteContracts = Record<string, RouteContract>;

/** Declares routes with their literal types kept, so handlers get typed input. */
export const defineRoutes = <const R extends RouteContracts>(routes: R): R => routes;

export function routeKeyOf(route: Pick<RouteContract, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export interface FunctionAccess {
  table?: 'read' | 'readWrite';
  /** `publish`: may put events on the CRM event bus (EVENT_BUS_NAME). */
  eventBus?: 'publish';
  /**
   * The webhook archive (ARCHIVE_BUCKET): `write` stores raw deliveries, `read` loads them back, `erase`
   * deletes every version of a person's deliveries.
   */
  archive?: 'write' | 'read' | 'erase';
  /**
   * `send`: may send email through SES (SESv2 SendEmail) from MAIL_FROM, and from addresses on the
   * deployment's SES domain with its configuration set; `settings`: sends nothing, but reads the
   * deployment's sending settings (SES_DOMAIN, SES_CONFIGURATION_SET, SES_MAX_SEND_RATE) that `send` also gets.
   */
  ses?: 'send' | 'settings';
  /**
   * `manage`: may administer the users of the Cognito user pool (USER_POOL_ID): create them, set their
   * groups, disable them and sign them out.
   */
  userPool?: 'manage';
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

/** The capability's API function serves every one of these routes (one Lambda, a router inside). */
export interface ApiTrigger {
  kind: 'api';
  routes: readonly NamedRoute[];
}

export type BackgroundTrigger = EventTrigger | ScheduleTrigger | StreamTrigger;
export type FunctionTrigger = ApiTrigger | BackgroundTrigger;

export interface NamedRoute extends RouteContract {
  /** The operation id: unique across the registry. */
  name: string;
}

/** One Lambda function. */
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
  /**
   * The function hands out addresses of the API (form snippets, links in mail): it gets PUBLIC_API_URL,
   * the deployment's own address, so that no address is ever taken from a request's headers.
   */
  publicApiUrl?: true;
  /**
   * Why the function may be bigger than the bundle rule allows (≤ 1.3× its bare SDK baseline): a recorded
   * decision, shown by the bundle benchmark instead of a ratio held against the target.
   */
  bundleRuleExemption?: string;
}

export type BackgroundFunctionSpec = FunctionSpec & { trigger: BackgroundTrigger };
export type ApiFunctionSpec = FunctionSpec & { trigger: ApiTrigger };

/** An API function beyond the capability's own, with its routes: `name` is PascalCase and ends in `Api`. */
export interface ApiPart extends Omit<FunctionSpec, 'trigger'> {
  routes: RouteContracts;
}

/** What a capability declares; `defineCapability` turns it into its functions. */
export interface CapabilityContract {
  /** kebab-case, unique: names the capability's stack and, in PascalCase, its API function. */
  name: string;
  description: string;
  routes?: RouteContracts;
  /** The function that serves `routes`: its module under functions/, grants and limits. */
  api?: Omit<FunctionSpec, 'name' | 'trigger' | 'description'>;
  /**
   * Further API functions, each serving routes of its own (not in `routes`): for a capability whose
   * routes would make one bundle larger than its budget (decision 162).
   */
  apiParts?: readonly ApiPart[];
  background?: readonly BackgroundFunctionSpec[];
  /** The domain events the capability publishes (their contracts), for the catalog and the docs. */
  events?: readonly { detailType: string }[];
  /** The key builders of the capability's items (`<capability>-keys.ts`): nothing else builds them. */
  keys?: Readonly<Record<string, (...args: never[]) => unknown>>;
  /** Error codes the capability answers with, and their user-facing text. */
  errors?: Readonly<Record<string, string>>;
  /** The item types of the capability that can hold a person's data, and what erasure does to each. */
  personalData?: readonly PersonalDataDeclaration[];
}

export interface Capability extends CapabilityContract {
  functions: readonly FunctionSpec[];
  namedRoutes: readonly NamedRoute[];
}

/** A kebab-case capability name in PascalCase: `outbound-webhooks` → `OutboundWebhooks`. */
export const pascalCaseOf = (name: string) =>
  name.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase());

/** The API function of a capability is `<Capability>Api`: `contacts` → `ContactsApi`. */
export const apiFunctionName = (capability: string) => `${pascalCaseOf(capability)}Api`;

const namedRoutesOf = (routes: RouteContracts | undefined): NamedRoute[] =>
  Object.entries(routes ?? {}).map(([name, route]) => ({ ...route, name }));

/** An API function serving `routes`, its description saying how many. */
function apiFunction(spec: Omit<FunctionSpec, 'trigger'>, routes: NamedRoute[]): ApiFunctionSpec {
  const count = `${routes.length} ${routes.length === 1 ? 'route' : 'routes'}`;
  return { ...spec, description: `${spec.description}: ${count}`, trigger: { kind: 'api', routes } };
}

export function defineCapability(contract: CapabilityContract): Capability {
  const ownRoutes = namedRoutesOf(contract.routes);
  if (ownRoutes.length > 0 && !contract.api) throw new Error(`${contract.name}: routes need an api function`);
  const api =
    contract.api && ownRoutes.length > 0
      ? [
          apiFunction(
            { ...contract.api, name: apiFunctionName(contract.name), description: contract.description },
            ownRoutes,
          ),
        ]
      : [];
  const parts = (contract.apiParts ?? []).map(({ routes, ...spec }) => {
    if (!/^[A-Z][A-Za-z0-9]*Api$/.test(spec.name))
      throw new Error(`${contract.name}: ${spec.name} is not a PascalCase name ending in Api`);
    return apiFunction(spec, namedRoutesOf(routes));
  });
  const apiFunctions = [...api, ...parts];
  return {
    ...contract,
    namedRoutes: apiFunctions.flatMap((fn) => fn.trigger.routes),
    functions: [...apiFunctions, ...(contract.background ?? [])],
  };
}
