import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { App, type CfnElement, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { CrmFunction } from '../../infra/constructs/crm-function';
import type { CapabilityStack } from '../../infra/stacks/capability-stack';
import { capabilityStackId } from '../../infra/stacks/capability-stack';
import { createSeedCrm, type SeedCrm, type SeedCrmOptions } from '../../infra/stacks/seed-crm';
import { registry as crmRegistry } from '../../shared/registry/capability-registry';

const cdkJsonContext = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

/** A resource as it stands in a synthesized template. */
export interface TemplateResource {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** A resource found in one of the deployment's templates, with the stack it belongs to. */
export interface FoundResource {
  stack: Stack;
  logicalId: string;
  resource: TemplateResource;
}

export interface StackTemplate {
  /** `data`, `edge`, `app`, or the capability a nested stack deploys (`contacts`, `outbound-webhooks`). */
  name: string;
  stack: Stack;
  template: Template;
}

export interface IamStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

export interface SynthesizedSeedCrm extends SeedCrm {
  root: App;
  dataTemplate: Template;
  edgeTemplate: Template;
  appTemplate: Template;
  /** Each capability's nested stack template, by capability name. */
  capabilityTemplates: ReadonlyMap<string, Template>;
  /** Every template of the deployment: data, edge, app, then one per capability. */
  templates: readonly StackTemplate[];
  /** The template of the stack a construct is in (root or nested). */
  templateOf(construct: IConstruct): Template;
  /** The resource a construct (an L1, or an L2 through its default child) synthesized to, in its own stack. */
  resourceOf(construct: IConstruct): FoundResource;
  /** Every resource of a type, across all templates. */
  ofType(type: string): FoundResource[];
  /**
   * What a value of a nested stack's template stands for in its parent: a `Ref` to one of its parameters
   * becomes the value the parent passes (`{ Ref: <api id> }`); anything else is returned as is.
   */
  resolveIn(stack: Stack, value: unknown): unknown;
  /** Every statement of the policies attached to a function's role. */
  statementsOf(fn: CrmFunction): IamStatement[];
  /** The function the CRM deploys under this name, wherever its capability stack is. */
  functionNamed(name: string): CrmFunction;
}

/** A folder that does not exist: the app as synthesized before the web app is built. */
export const noWebBuild = join(tmpdir(), 'seed-crm-no-web-build', 'dist');

export { capabilityStackId };

/** How many resources a template declares: CloudFormation's limit is per template, nested ones included. */
export const resourceCount = (template: Template): number =>
  Object.keys((template.toJSON() as { Resources?: object }).Resources ?? {}).length;

const resourcesOf = (template: Template) =>
  (template.toJSON() as { Resources: Record<string, TemplateResource> }).Resources;

/**
 * Every stack, nested ones included, synthesized the fast way: no Lambda bundling (`npm run synth`
 * bundles for real) and no built-in CloudFormation validation.
 */
export function synthSeedCrm(
  options: SeedCrmOptions = {},
  context: Record<string, unknown> = {},
): SynthesizedSeedCrm {
  const root = new App({
    // the feature flags of cdk.json (policy minimisation changes what cdk-nag sees), without bundling
    context: { ...cdkJsonContext, ...context, 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: false,
  });
  const crm = createSeedCrm(root, { webDistPath: noWebBuild, ...options });
  const capabilities = (options.registry ?? crmRegistry).capabilities;
  const capabilityStack = (name: string): CapabilityStack => {
    const stack = crm.app.capabilityStacks.find((candidate) => candidate.node.id === capabilityStackId(name));
    if (!stack) throw new Error(`no nested stack for capability ${name}`);
    return stack;
  };
  const dataTemplate = Template.fromStack(crm.data);
  const edgeTemplate = Template.fromStack(crm.edge);
  const appTemplate = Template.fromStack(crm.app);
  const nested = capabilities.map(({ name }) => {
    const stack = capabilityStack(name);
    return { name, stack, template: Template.fromStack(stack) };
  });
  const templates: StackTemplate[] = [
    { name: 'data', stack: crm.data, template: dataTemplate },
    { name: 'edge', stack: crm.edge, template: edgeTemplate },
    { name: 'app', stack: crm.app, template: appTemplate },
    ...nested,
  ];
  if (nested.length !== crm.app.capabilityStacks.length) {
    throw new Error('the app has nested stacks that are not capabilities of the registry');
  }

  const templateOf = (construct: IConstruct): Template => {
    const stack = Stack.of(construct);
    const found = templates.find((candidate) => candidate.stack === stack);
    if (!found) throw new Error(`no template for stack ${stack.node.path}`);
    return found.template;
  };
  const resourceOf = (construct: IConstruct): FoundResource => {
    const element = (construct.node.defaultChild ?? construct) as CfnElement;
    const stack = Stack.of(element);
    const logicalId = stack.getLogicalId(element);
    const resource = resourcesOf(templateOf(element))[logicalId];
    if (!resource) throw new Error(`no resource ${logicalId} in ${stack.node.path}`);
    return { stack, logicalId, resource };
  };
  const ofType = (type: string): FoundResource[] =>
    templates.flatMap(({ stack, template }) =>
      Object.entries(resourcesOf(template))
        .filter(([, resource]) => resource.Type === type)
        .map(([logicalId, resource]) => ({ stack, logicalId, resource })),
    );
  const resolveIn = (stack: Stack, value: unknown): unknown => {
    const ref = (value as { Ref?: unknown } | null)?.Ref;
    if (!NestedStack.isNestedStack(stack) || typeof ref !== 'string') return value;
    const parameters = (templateOf(stack).toJSON() as { Parameters?: Record<string, unknown> }).Parameters;
    if (!parameters?.[ref]) return value;
    const parent = stack.nestedStackParent as Stack;
    const { resource } = resourceOf(stack.nestedStackResource as CfnElement);
    const passed = (resource.Properties.Parameters as Record<string, unknown>)[ref];
    return resolveIn(parent, passed);
  };
  const statementsOf = (fn: CrmFunction): IamStatement[] => {
    const { stack, logicalId } = resourceOf(fn.role);
    const role = JSON.stringify({ Ref: logicalId });
    return ofType('AWS::IAM::Policy')
      .filter((policy) => policy.stack === stack)
      .filter(({ resource }) =>
        (resource.Properties.Roles as unknown[]).some((candidate) => JSON.stringify(candidate) === role),
      )
      .flatMap(
        ({ resource }) => (resource.Properties.PolicyDocument as { Statement: IamStatement[] }).Statement,
      );
  };
  const functionNamed = (name: string): CrmFunction => {
    const fn = crm.app.functions.find((candidate) => candidate.spec.name === name);
    if (!fn) throw new Error(`no CrmFunction ${name}`);
    return fn;
  };

  return {
    ...crm,
    root,
    dataTemplate,
    edgeTemplate,
    appTemplate,
    capabilityTemplates: new Map(nested.map(({ name, template }) => [name, template])),
    templates,
    templateOf,
    resourceOf,
    ofType,
    resolveIn,
    statementsOf,
    functionNamed,
  };
}

/** A tiny stand-in for `web/dist`. */
export function fakeWebBuild(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'seed-crm-web-dist-'));
  const all = { 'index.html': '<!doctype html><div id="root"></div>', 'assets/app-3f2a.js': '', ...files };
  for (const [name, content] of Object.entries(all)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}
