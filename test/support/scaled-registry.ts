import {
  type BackgroundFunctionSpec,
  type Capability,
  defineCapability,
  pascalCaseOf,
  type RouteContracts,
} from '../../shared/platform/capability';
import { buildRegistry, type Registry, registry } from '../../shared/registry/capability-registry';

/**
 * A copy of a capability under another name: its routes, functions and paths renamed so that none
 * collides with the original (`contacts` → `contacts-x2`, `GetContact` → `GetContactX2`,
 * `/api/contacts` → `/api/x2/contacts`), plus one generated background function, on an event of its
 * own or on a schedule, handled by an existing module (synth checks that the entry file exists).
 */
export function cloneCapability(
  capability: Capability,
  n: number,
  generatedTrigger: 'event' | 'schedule',
): Capability {
  const suffix = `X${n}`;
  const renamed = (routes: RouteContracts | undefined): RouteContracts =>
    Object.fromEntries(
      Object.entries(routes ?? {}).map(([name, route]) => {
        if (!route.path.startsWith('/api/')) throw new Error(`${name}: ${route.path} is not under /api/`);
        return [`${name}${suffix}`, { ...route, path: route.path.replace(/^\/api\//, `/api/x${n}/`) }];
      }),
    );
  const name = `${capability.name}-x${n}`;
  const generated: BackgroundFunctionSpec = {
    name: `Generated${pascalCaseOf(name)}Job`,
    handler: 'orders/raise-abandoned-carts',
    description: `Generated background function of ${name}`,
    trigger:
      generatedTrigger === 'event'
        ? { kind: 'event', pattern: { source: ['crm'], 'detail-type': [`generated.${name}`] } }
        : { kind: 'schedule', expression: 'rate(5 minutes)' },
    access: { table: 'readWrite' },
  };
  return defineCapability({
    name,
    description: `${capability.description} (copy ${n})`,
    routes: renamed(capability.routes),
    ...(capability.api ? { api: capability.api } : {}),
    apiParts: (capability.apiParts ?? []).map((part) => ({
      ...part,
      name: `${part.name.replace(/Api$/, '')}${suffix}Api`,
      routes: renamed(part.routes),
    })),
    background: [
      ...(capability.background ?? []).map((fn) => ({ ...fn, name: `${fn.name}${suffix}` })),
      generated,
    ],
  });
}

/** Today's capabilities four times over, each copy with one more background function. */
export function fourTimesRegistry(): Registry {
  const copies = [1, 2, 3, 4].flatMap((n) =>
    registry.capabilities.map((capability, at) =>
      cloneCapability(capability, n, (n + at) % 2 === 0 ? 'event' : 'schedule'),
    ),
  );
  return buildRegistry(copies);
}
