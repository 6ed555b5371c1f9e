import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BackgroundFunctionSpec,
  type Capability,
  defineCapability,
  type RouteContracts,
} from '../../shared/platform/capability';
import { buildRegistry, type Registry, registry } from '../../shared/registry/capability-registry';
import { capabilityStackId, resourceCount, type SynthesizedSeedCrm, synthSeedCrm } from './synth-seed-crm';

/** CloudFormation refuses a template over 500 resources; these limits keep room to grow below that. */
const limits = { today: 200, fourTimes: 400 } as const;

/** Resources per stack, by stack name (`data`, `app`, then each capability). */
const countsOf = (crm: SynthesizedSeedCrm): Record<string, number> =>
  Object.fromEntries(crm.templates.map(({ name, template }) => [name, resourceCount(template)]));

/** Routes, integrations and API invoke permissions: what the HTTP API costs, per capability stack. */
function expectApiWiring(crm: SynthesizedSeedCrm, list: Registry): void {
  const ofTypeIn = (type: string, name: string) =>
    crm.ofType(type).filter(({ stack }) => stack.node.id === capabilityStackId(name));
  for (const capability of list.capabilities) {
    const routes = capability.namedRoutes.length;
    const apiFunctions = routes > 0 ? 1 : 0;
    expect(ofTypeIn('AWS::ApiGatewayV2::Route', capability.name), capability.name).toHaveLength(routes);
    expect(ofTypeIn('AWS::ApiGatewayV2::Integration', capability.name), capability.name).toHaveLength(
      apiFunctions,
    );
    const invokeFromApi = ofTypeIn('AWS::Lambda::Permission', capability.name).filter(
      ({ resource }) => resource.Properties.Principal === 'apigateway.amazonaws.com',
    );
    expect(invokeFromApi, capability.name).toHaveLength(apiFunctions);
  }
  expect(crm.ofType('AWS::ApiGatewayV2::Route')).toHaveLength(list.routes.length);
  expect(crm.ofType('AWS::ApiGatewayV2::Integration')).toHaveLength(list.apiFunctions.length);
  expect(
    crm
      .ofType('AWS::Lambda::Permission')
      .filter(({ resource }) => resource.Properties.Principal === 'apigateway.amazonaws.com'),
  ).toHaveLength(list.apiFunctions.length);
}

/**
 * A copy of a capability under another name: its routes, functions and paths renamed so that none
 * collides with the original (`contacts` → `contacts-x2`, `GetContact` → `GetContactX2`,
 * `/api/contacts` → `/api/x2/contacts`), plus one generated background function, on an event of its
 * own or on a schedule, handled by an existing module (synth checks that the entry file exists).
 */
function cloneCapability(
  capability: Capability,
  n: number,
  generatedTrigger: 'event' | 'schedule',
): Capability {
  const suffix = `X${n}`;
  const routes: RouteContracts = Object.fromEntries(
    Object.entries(capability.routes ?? {}).map(([name, route]) => {
      if (!route.path.startsWith('/api/')) throw new Error(`${name}: ${route.path} is not under /api/`);
      return [`${name}${suffix}`, { ...route, path: route.path.replace(/^\/api\//, `/api/x${n}/`) }];
    }),
  );
  const name = `${capability.name}-x${n}`;
  const generated: BackgroundFunctionSpec = {
    name: `Generated${capabilityStackId(name).replace(/Capability$/, '')}Job`,
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
    routes,
    ...(capability.api ? { api: capability.api } : {}),
    background: [
      ...(capability.background ?? []).map((fn) => ({ ...fn, name: `${fn.name}${suffix}` })),
      generated,
    ],
  });
}

/** Today's capabilities four times over, each copy with one more background function. */
function fourTimesRegistry(): Registry {
  const copies = [1, 2, 3, 4].flatMap((n) =>
    registry.capabilities.map((capability, at) =>
      cloneCapability(capability, n, (n + at) % 2 === 0 ? 'event' : 'schedule'),
    ),
  );
  return buildRegistry(copies);
}

describe("today's app", () => {
  let crm: SynthesizedSeedCrm;
  beforeAll(() => {
    crm = synthSeedCrm();
  });

  it(`keeps every stack, data, app and each capability, at ${limits.today} resources or fewer`, () => {
    const counts = countsOf(crm);
    console.info(`resources per stack today: ${JSON.stringify(counts)}`);
    expect(Object.keys(counts)).toEqual(['data', 'app', ...registry.capabilities.map(({ name }) => name)]);
    for (const [name, count] of Object.entries(counts)) expect(count, name).toBeLessThanOrEqual(limits.today);
  });

  it('pays one route per route, and one integration and one invoke permission per API function', () => {
    expectApiWiring(crm, registry);
  });
});

describe('a registry four times the size of today', () => {
  const fourTimes = fourTimesRegistry();
  let crm: SynthesizedSeedCrm;
  beforeAll(() => {
    crm = synthSeedCrm({ registry: fourTimes });
  });

  it('is built from the real capabilities: at least 220 routes and 40 event or schedule triggers', () => {
    expect(fourTimes.capabilities).toHaveLength(4 * registry.capabilities.length);
    expect(fourTimes.routes.length).toBe(4 * registry.routes.length);
    expect(fourTimes.routes.length).toBeGreaterThanOrEqual(220);
    const ruleTriggered = fourTimes.backgroundFunctions.filter(
      (fn) => fn.trigger.kind === 'event' || fn.trigger.kind === 'schedule',
    );
    expect(ruleTriggered.length).toBeGreaterThanOrEqual(40);
    expect(crm.ofType('AWS::Events::Rule').filter(({ stack }) => stack !== crm.app)).toHaveLength(
      ruleTriggered.length,
    );
    expect(crm.app.functions).toHaveLength(fourTimes.functions.length);
  });

  it(`keeps every stack at ${limits.fourTimes} resources or fewer`, () => {
    const counts = countsOf(crm);
    const [largest, most] = Object.entries(counts)
      .filter(([name]) => name !== 'app' && name !== 'data')
      .sort(([, a], [, b]) => b - a)[0] ?? ['', 0];
    console.info(
      `resources at four times: app ${counts.app}, data ${counts.data}, largest capability ${largest} ` +
        `${most}, all stacks ${Object.values(counts).reduce((sum, count) => sum + count, 0)}`,
    );
    expect(Object.keys(counts)).toHaveLength(2 + fourTimes.capabilities.length);
    for (const [name, count] of Object.entries(counts)) {
      expect(count, name).toBeLessThanOrEqual(limits.fourTimes);
    }
  });

  it('still pays one route per route, and one integration and one invoke permission per API function', () => {
    expectApiWiring(crm, fourTimes);
  });
});
