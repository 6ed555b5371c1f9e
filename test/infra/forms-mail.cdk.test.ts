import type { CfnElement } from 'aws-cdk-lib';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FunctionSpec, functions } from '../../functions/manifest';
import type { CrmFunction } from '../../infra/constructs/crm-function';
import { nagPacks } from '../../infra/constructs/nag';
import { createSeedCrm } from '../../infra/stacks/seed-crm';
import { defaultMailFrom } from '../../shared/email/mail-from';
import { noWebBuild, type SynthesizedSeedCrm, synthSeedCrm } from './synth-seed-crm';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const sesFunctions = (functions as readonly FunctionSpec[]).filter((fn) => fn.access.ses);

function statementsOf(crm: SynthesizedSeedCrm, fn: CrmFunction): Statement[] {
  const role = JSON.stringify({ Ref: crm.app.getLogicalId(fn.role.node.defaultChild as CfnElement) });
  return Object.values(crm.appTemplate.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === role))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const functionNamed = (crm: SynthesizedSeedCrm, name: string): CrmFunction => {
  const fn = crm.app.functions.find((candidate) => candidate.spec.name === name);
  if (!fn) throw new Error(`no function ${name}`);
  return fn;
};

describe('sending mail (access.ses)', () => {
  let crm: SynthesizedSeedCrm;
  beforeAll(() => {
    crm = synthSeedCrm();
  });

  it('is asked for by the form processor only', () => {
    expect(sesFunctions.map((fn) => fn.name)).toEqual(['ProcessFormSubmission']);
  });

  it('grants SendEmail from the one sender, MAIL_FROM, and to no other function', () => {
    for (const fn of crm.app.functions) {
      const ses = statementsOf(crm, fn).filter((statement) =>
        asArray(statement.Action).some((action) => action.startsWith('ses:')),
      );
      if (!fn.spec.access.ses) {
        expect(ses, fn.spec.name).toEqual([]);
        continue;
      }
      expect(ses).toEqual([
        {
          Effect: 'Allow',
          Action: 'ses:SendEmail',
          Resource: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':ses:',
                { Ref: 'AWS::Region' },
                ':',
                { Ref: 'AWS::AccountId' },
                ':identity/*',
              ],
            ],
          },
          Condition: { StringEquals: { 'ses:FromAddress': defaultMailFrom } },
        },
      ]);
      const properties = crm.appTemplate.toJSON().Resources[
        crm.app.getLogicalId(fn.function.node.defaultChild as CfnElement)
      ].Properties as { Environment: { Variables: Record<string, unknown> } };
      expect(properties.Environment.Variables.MAIL_FROM).toBe(defaultMailFrom);
    }
  });

  it('takes the sender from the mailFrom context value', () => {
    const root = new App({
      context: { 'aws:cdk:bundling-stacks': [], mailFrom: 'crm@mail.example.com' },
      builtinCloudFormationValidation: false,
    });
    const app = createSeedCrm(root, { webDistPath: noWebBuild }).app;
    const template = Template.fromStack(app);
    const fn = app.functions.find(
      (candidate) => candidate.spec.name === 'ProcessFormSubmission',
    ) as CrmFunction;
    const id = app.getLogicalId(fn.function.node.defaultChild as CfnElement);
    const variables = (
      template.toJSON().Resources[id].Properties as { Environment: { Variables: Record<string, unknown> } }
    ).Environment.Variables;
    expect(variables.MAIL_FROM).toBe('crm@mail.example.com');
    expect(JSON.stringify(template.findResources('AWS::IAM::Policy'))).toContain(
      '"ses:FromAddress":"crm@mail.example.com"',
    );
  });

  it('runs the processor on webhook.received of source form, with a dead-letter queue, and no nag finding', () => {
    const fn = functionNamed(crm, 'ProcessFormSubmission');
    crm.appTemplate.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['crm'], 'detail-type': ['webhook.received'], detail: { source: ['form'] } },
    });
    expect(fn.deadLetterQueue).toBeDefined();
    const findings = nagPacks().flatMap((pack) =>
      pack.validateScope(crm.app).violations.flatMap((violation) =>
        violation.violatingResources
          // every function of this feature has Form in its name
          .filter((resource) => /Form/.test(resource.constructPath ?? ''))
          .map((resource) => `${violation.ruleName} ${resource.constructPath}`),
      ),
    );
    expect(findings).toEqual([]);
  });
});
