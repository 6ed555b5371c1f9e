import { registry } from '../../shared/registry/capability-registry';
import { resourceCount, synthSeedCrm } from '../infra/synth-seed-crm';
import { fourTimesRegistry } from '../support/scaled-registry';

/** Resources per CloudFormation stack (the limit is 500 per template), today and with 4× the registry. */
export async function benchStacks(): Promise<string> {
  const countsOf = (crm: ReturnType<typeof synthSeedCrm>) =>
    crm.templates.map(({ name, template }) => ({ name, count: resourceCount(template) }));
  const today = countsOf(synthSeedCrm());
  const scaled = fourTimesRegistry();
  const fourTimes = countsOf(synthSeedCrm({ registry: scaled }));
  const capabilityMax = (counts: { name: string; count: number }[]) =>
    Math.max(...counts.filter(({ name }) => name !== 'app' && name !== 'data').map(({ count }) => count));
  const countOf = (counts: { name: string; count: number }[], name: string) =>
    counts.find((entry) => entry.name === name)?.count ?? 0;
  const total = (counts: { count: number }[]) => counts.reduce((sum, { count }) => sum + count, 0);
  const triggers = (list: typeof registry) =>
    list.backgroundFunctions.filter((fn) => fn.trigger.kind === 'event' || fn.trigger.kind === 'schedule')
      .length;
  return `## CloudFormation stacks

Resources per stack (CloudFormation refuses a template over 500; targets: today ≤ 200, 4× ≤ 400), from a
synth without bundling. The 4× registry clones every capability four times under new names and paths and
adds a background function to each copy (\`test/support/scaled-registry.ts\`).

| | Capabilities | Routes | Functions | Event/schedule triggers | data | app | Largest capability stack | All stacks |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| Today | ${registry.capabilities.length} | ${registry.routes.length} | ${registry.functions.length} | ${triggers(registry)} | ${countOf(today, 'data')} | ${countOf(today, 'app')} | ${capabilityMax(today)} | ${total(today)} |
| 4× | ${scaled.capabilities.length} | ${scaled.routes.length} | ${scaled.functions.length} | ${triggers(scaled)} | ${countOf(fourTimes, 'data')} | ${countOf(fourTimes, 'app')} | ${capabilityMax(fourTimes)} | ${total(fourTimes)} |

Today, per capability stack: ${today
    .filter(({ name }) => name !== 'app' && name !== 'data')
    .map(({ name, count }) => `${name} ${count}`)
    .join(', ')}.`;
}
