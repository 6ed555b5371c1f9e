import { beforeAll, describe, expect, it } from 'vitest';
import { type Registry, registry } from '../../shared/registry/capability-registry';
import { fourTimesRegistry } from '../support/scaled-registry';
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
    const apiFunctions = capability.functions.filter((fn) => fn.trigger.kind === 'api').length;
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

describe("today's app", () => {
  let crm: SynthesizedSeedCrm;
  beforeAll(() => {
    crm = synthSeedCrm();
  });

  it(`keeps every stack, data, edge, app and each capability, at ${limits.today} resources or fewer`, () => {
    const counts = countsOf(crm);
    console.info(`resources per stack today: ${JSON.stringify(counts)}`);
    expect(Object.keys(counts)).toEqual([
      'data',
      'edge',
      'app',
      ...registry.capabilities.map(({ name }) => name),
    ]);
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
      .filter(([name]) => name !== 'app' && name !== 'data' && name !== 'edge')
      .sort(([, a], [, b]) => b - a)[0] ?? ['', 0];
    console.info(
      `resources at four times: app ${counts.app}, data ${counts.data}, largest capability ${largest} ` +
        `${most}, all stacks ${Object.values(counts).reduce((sum, count) => sum + count, 0)}`,
    );
    expect(Object.keys(counts)).toHaveLength(3 + fourTimes.capabilities.length);
    for (const [name, count] of Object.entries(counts)) {
      expect(count, name).toBeLessThanOrEqual(limits.fourTimes);
    }
  });

  it('still pays one route per route, and one integration and one invoke permission per API function', () => {
    expectApiWiring(crm, fourTimes);
  });
});
