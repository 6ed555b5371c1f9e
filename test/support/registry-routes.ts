import type { RouteContract } from '../../shared/platform/capability';
import { type RegisteredRoute, registry } from '../../shared/registry/capability-registry';

/** The registry's route of an operation id; fails loudly for a name no capability declares. */
export function routeNamed(name: string): RegisteredRoute {
  const route = registry.routes.find((candidate) => candidate.name === name);
  if (!route) throw new Error(`no capability declares the route ${name}`);
  return route;
}

/** A route's schemas by the part of the request they check (`path` = the path parameters). */
export function schemasOf(route: RouteContract) {
  return {
    path: route.params,
    query: route.query,
    body: route.body,
    response: route.response,
    status: route.status,
    ifMatch: route.ifMatch,
  };
}
