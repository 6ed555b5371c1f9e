import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SesSending } from '../../infra/constructs/ses-sending';
import { defaultConfigurationSet } from '../../shared/email/message-tags';
import { type SynthesizedSeedCrm, synthSeedCrm } from './synth-seed-crm';

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

function sesTemplate(crm: SynthesizedSeedCrm) {
  const construct = crm.app.node.findAll().find((child) => child instanceof SesSending) as SesSending;
  return Template.fromStack(construct.configurationSet.stack);
}

function variables(crm: SynthesizedSeedCrm, name: string) {
  const fn = crm.functionNamed(name);
  return (
    (
      crm.resourceOf(fn.function).resource.Properties as {
        Environment?: { Variables?: Record<string, unknown> };
      }
    ).Environment?.Variables ?? {}
  );
}

describe('SES sending (decision 170)', () => {
  let plain: SynthesizedSeedCrm;
  let withDomain: SynthesizedSeedCrm;
  beforeAll(() => {
    plain = synthSeedCrm();
    withDomain = synthSeedCrm(
      {},
      { sesDomain: 'news.example.com', mailFromSubdomain: 'bounce', sesMaxSendRate: 40 },
    );
  });

  it('has the marketing configuration set with reputation metrics, sending on, and every event on the default bus', () => {
    const template = sesTemplate(plain);
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: defaultConfigurationSet,
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
    });
    const destinations = template.findResources('AWS::SES::ConfigurationSetEventDestination');
    const [destination] = Object.values(destinations) as {
      Properties: { EventDestination: { MatchingEventTypes: string[]; EventBridgeDestination: unknown } };
    }[];
    expect(destination?.Properties.EventDestination.MatchingEventTypes.sort()).toEqual(
      ['bounce', 'click', 'complaint', 'delivery', 'open', 'reject', 'renderingFailure', 'send'].sort(),
    );
    expect(JSON.stringify(destination?.Properties.EventDestination.EventBridgeDestination)).toContain(
      'event-bus/default',
    );
  });

  it('without sesDomain: no domain identity, no SES_DOMAIN, sending from MAIL_FROM only', () => {
    sesTemplate(plain).resourceCountIs('AWS::SES::EmailIdentity', 0);
    expect(variables(plain, 'EmailApi')).not.toHaveProperty('SES_DOMAIN');
    expect(variables(plain, 'EmailApi')).toMatchObject({
      SES_CONFIGURATION_SET: defaultConfigurationSet,
      SES_MAX_SEND_RATE: '14',
    });
    const statements = plain.statementsOf(plain.functionNamed('ProcessFormSubmission'));
    expect(JSON.stringify(statements)).not.toContain('StringLike');
  });

  it('with sesDomain: the domain identity with Easy DKIM (RSA 2048, the SES default) and its custom MAIL FROM, and its DNS records as outputs', () => {
    const template = sesTemplate(withDomain);
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'news.example.com',
      DkimAttributes: { SigningEnabled: true },
      MailFromAttributes: {
        MailFromDomain: 'bounce.news.example.com',
        BehaviorOnMxFailure: 'REJECT_MESSAGE',
      },
      ConfigurationSetAttributes: { ConfigurationSetName: Match.anyValue() },
    });
    const outputs = JSON.stringify(template.toJSON().Outputs);
    for (const text of ['CNAME', 'include:amazonses.com', 'v=DMARC1', 'feedback-smtp'])
      expect(outputs).toContain(text);
  });

  it('with sesDomain: senders may send from the domain with the configuration set; the API knows the domain and rate', () => {
    expect(variables(withDomain, 'EmailApi')).toMatchObject({
      SES_DOMAIN: 'news.example.com',
      SES_MAX_SEND_RATE: '40',
    });
    const statements = withDomain
      .statementsOf(withDomain.functionNamed('ProcessFormSubmission'))
      .filter((statement) => asArray(statement.Action).includes('ses:SendEmail'));
    expect(JSON.stringify(statements)).toContain('"ses:FromAddress":"*@news.example.com"');
    expect(JSON.stringify(statements)).toContain(`configuration-set/${defaultConfigurationSet}`);
    // the email API reads the settings but sends nothing
    const api = withDomain
      .statementsOf(withDomain.functionNamed('EmailApi'))
      .filter((statement) => asArray(statement.Action).some((action) => action.startsWith('ses:')));
    expect(api).toEqual([]);
  });
});
