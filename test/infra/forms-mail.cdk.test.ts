import { beforeAll, describe, expect, it } from 'vitest';
import { nagPacks } from '../../infra/constructs/nag';
import { defaultMailFrom } from '../../shared/email/mail-from';
import { registry } from '../../shared/registry/capability-registry';
import { capabilityStackId, type SynthesizedSeedCrm, synthSeedCrm } from './synth-seed-crm';

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const sesFunctions = registry.functions.filter((fn) => fn.access.ses === 'send');

describe('sending mail (access.ses)', () => {
  let crm: SynthesizedSeedCrm;
  beforeAll(() => {
    crm = synthSeedCrm();
  });

  it('is asked for by the form processor, the campaign runner and the templates API (test sends) only', () => {
    expect(sesFunctions.map((fn) => fn.name).sort()).toEqual([
      'EmailTemplatesApi',
      'ProcessFormSubmission',
      'RunCampaign',
    ]);
  });

  it('grants SendEmail from the one sender, MAIL_FROM, and to no other function', () => {
    for (const fn of crm.app.functions) {
      const ses = crm
        .statementsOf(fn)
        .filter((statement) => asArray(statement.Action).some((action) => action.startsWith('ses:')));
      if (fn.spec.access.ses !== 'send') {
        expect(ses, fn.spec.name).toEqual([]);
        continue;
      }
      // without a sesDomain: the one sender, and the marketing configuration set (ses-sending.cdk.test.ts)
      expect(ses.slice(0, 1)).toEqual([
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
      const properties = crm.resourceOf(fn.function).resource.Properties as {
        Environment: { Variables: Record<string, unknown> };
      };
      expect(properties.Environment.Variables.MAIL_FROM).toBe(defaultMailFrom);
    }
  });

  it('takes the sender from the mailFrom context value', () => {
    const other = synthSeedCrm({}, { mailFrom: 'crm@mail.example.com' });
    const fn = other.functionNamed('ProcessFormSubmission');
    const properties = other.resourceOf(fn.function).resource.Properties as {
      Environment: { Variables: Record<string, unknown> };
    };
    expect(properties.Environment.Variables.MAIL_FROM).toBe('crm@mail.example.com');
    expect(JSON.stringify(other.statementsOf(fn))).toContain('"ses:FromAddress":"crm@mail.example.com"');
  });

  it('runs the processor on webhook.received of source form, with a dead-letter queue, and no nag finding', () => {
    const fn = crm.functionNamed('ProcessFormSubmission');
    expect(crm.templateOf(fn)).toBe(crm.capabilityTemplates.get('forms'));
    crm.templateOf(fn).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['crm'], 'detail-type': ['webhook.received'], detail: { source: ['form'] } },
    });
    expect(fn.deadLetterQueue).toBeDefined();
    const findings = nagPacks().flatMap((pack) =>
      pack.validateScope(crm.app).violations.flatMap((violation) =>
        violation.violatingResources
          // every function of this feature is in the forms capability's stack
          .filter((resource) => (resource.constructPath ?? '').includes(`/${capabilityStackId('forms')}/`))
          .map((resource) => `${violation.ruleName} ${resource.constructPath}`),
      ),
    );
    expect(findings).toEqual([]);
  });
});

describe('the public API URL (PUBLIC_API_URL)', () => {
  let crm: SynthesizedSeedCrm;
  beforeAll(() => {
    crm = synthSeedCrm();
  });
  const variablesOf = (synth: SynthesizedSeedCrm, fn: SynthesizedSeedCrm['app']['functions'][number]) =>
    (
      synth.resourceOf(fn.function).resource.Properties as {
        Environment?: { Variables?: Record<string, unknown> };
      }
    ).Environment?.Variables ?? {};

  it('is asked for by the functions that hand out addresses: form snippets, confirmation mail, campaign mail', () => {
    expect(
      registry.functions
        .filter((fn) => fn.publicApiUrl)
        .map((fn) => fn.name)
        .sort(),
    ).toEqual(['FormsApi', 'ProcessFormSubmission', 'RunCampaign']);
  });

  it('is the distribution’s own https address, and set on no other function', () => {
    const distribution = crm.resourceOf(crm.app.web.distribution).logicalId;
    for (const fn of crm.app.functions) {
      const variables = variablesOf(crm, fn);
      if (!fn.spec.publicApiUrl) {
        expect(variables, fn.spec.name).not.toHaveProperty('PUBLIC_API_URL');
        continue;
      }
      // https:// and the distribution's domain, passed into the capability's nested stack
      const [, [scheme, domain]] = (variables.PUBLIC_API_URL as { 'Fn::Join': [string, unknown[]] })[
        'Fn::Join'
      ];
      expect(scheme, fn.spec.name).toBe('https://');
      expect(crm.resolveIn(crm.resourceOf(fn.function).stack, domain), fn.spec.name).toEqual({
        'Fn::GetAtt': [distribution, 'DomainName'],
      });
    }
  });

  it('takes a custom domain from the publicApiUrl context value', () => {
    const other = synthSeedCrm({}, { publicApiUrl: 'https://crm.example.com' });
    const fn = other.functionNamed('ProcessFormSubmission');
    expect(other.resolveIn(other.resourceOf(fn.function).stack, variablesOf(other, fn).PUBLIC_API_URL)).toBe(
      'https://crm.example.com',
    );
  });
});
