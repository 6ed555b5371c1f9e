import { CfnOutput } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import {
  ConfigurationSet,
  DkimIdentity,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  MailFromBehaviorOnMxFailure,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { defaultConfigurationSet } from '../../shared/email/message-tags';
import { defaultMaxSendRate } from '../../shared/email/sending-config';

/** What the functions that send (or show the sending settings) are told: SES_DOMAIN and the rest. */
export interface SesSendingSettings {
  /** The verified domain marketing mail comes from (context `sesDomain`); unset, none. */
  domain?: string;
  configurationSetName: string;
  maxSendRate: number;
}

export interface SesSendingProps {
  /** Context `sesDomain`: the domain to send from (Easy DKIM, custom MAIL FROM). */
  domain?: string;
  /** Context `mailFromSubdomain` (default `mail`): the MAIL FROM domain is `<it>.<domain>` (SPF alignment). */
  mailFromSubdomain?: string;
  /** Context `sesMaxSendRate`: the account's SES quota, messages a second (default 14). */
  maxSendRate?: number;
}

/**
 * Sending marketing mail through SES (decision 170): the configuration set campaigns send with (open and
 * click tracking, reputation metrics, sending enabled) and its EventBridge destination, the account's
 * default bus (the only bus SES publishes to); with a domain, its identity with Easy DKIM and a custom
 * MAIL FROM domain, and the DNS records to publish as outputs. Without a domain the configuration set is
 * still made, and mail can come only from identities verified by hand (MAIL_FROM).
 */
export class SesSending extends Construct {
  readonly settings: SesSendingSettings;
  readonly configurationSet: ConfigurationSet;
  readonly identity?: EmailIdentity;

  constructor(scope: Construct, id: string, props: SesSendingProps) {
    super(scope, id);
    const domain = props.domain?.trim().toLowerCase() || undefined;
    this.settings = {
      ...(domain ? { domain } : {}),
      configurationSetName: defaultConfigurationSet,
      maxSendRate: props.maxSendRate && props.maxSendRate > 0 ? props.maxSendRate : defaultMaxSendRate,
    };
    this.configurationSet = new ConfigurationSet(this, 'MarketingConfigurationSet', {
      configurationSetName: defaultConfigurationSet,
      reputationMetrics: true,
      sendingEnabled: true,
    });
    this.configurationSet.addEventDestination('ToDefaultBus', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [
        EmailSendingEvent.SEND,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.OPEN,
        EmailSendingEvent.CLICK,
        EmailSendingEvent.REJECT,
        EmailSendingEvent.RENDERING_FAILURE,
      ],
    });
    new CfnOutput(this, 'ConfigurationSetName', { value: defaultConfigurationSet });
    if (!domain) return;

    const mailFromDomain = `${props.mailFromSubdomain?.trim() || 'mail'}.${domain}`;
    this.identity = new EmailIdentity(this, 'DomainIdentity', {
      identity: Identity.domain(domain),
      dkimIdentity: DkimIdentity.easyDkim(),
      dkimSigning: true,
      mailFromDomain,
      mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.REJECT_MESSAGE,
      configurationSet: this.configurationSet,
    });
    // the DNS records to publish (README, "Sending email"): DKIM, MAIL FROM (MX + SPF) and DMARC
    this.identity.dkimRecords.forEach((record, at) => {
      new CfnOutput(this, `DkimRecord${at + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: 'Easy DKIM: publish this CNAME record',
      });
    });
    new CfnOutput(this, 'MailFromMxRecord', {
      value: `${mailFromDomain} MX 10 feedback-smtp.${this.identity.stack.region}.amazonses.com`,
      description: 'Custom MAIL FROM: publish this MX record',
    });
    new CfnOutput(this, 'MailFromSpfRecord', {
      value: `${mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
      description: 'SPF for the MAIL FROM domain: publish this TXT record',
    });
    new CfnOutput(this, 'DmarcRecord', {
      value: `_dmarc.${domain} TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}"`,
      description: 'DMARC (Gmail and Yahoo require one for bulk senders): publish, then tighten p= over time',
    });
  }
}
