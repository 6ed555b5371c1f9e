import { defineCapability } from '../platform/capability';
import { emailErrors } from './email-errors';
import { EmailBounced, EmailClicked, EmailComplained, EmailOpened, EmailUnsubscribed } from './email-events';
import { emailKeys } from './email-keys';
import { emailPersonalData } from './email-personal-data';
import { emailRoutes } from './email-routes';

export const emailCapability = defineCapability({
  name: 'email',
  description: 'Email sending settings, suppression, deliverability, marketing preferences and unsubscribe',
  routes: emailRoutes,
  api: {
    handler: 'email/email-api',
    access: { table: 'readWrite', ses: 'settings' },
  },
  background: [
    {
      name: 'RecordEmailEvent',
      handler: 'email/record-email-event',
      description:
        'Record what SES reports of a message: sent, delivered, bounced, complained, opened, clicked, failed',
      // SES publishes its sending events on the default bus only (decision 170)
      trigger: { kind: 'event', bus: 'default', pattern: { source: ['aws.ses'] } },
      access: { table: 'readWrite' },
      timeoutSeconds: 30,
    },
    {
      name: 'RecordMarketingConsent',
      handler: 'email/record-marketing-consent',
      description:
        'A confirmed form consent subscribes its contact to marketing mail, unless it withdrew since',
      trigger: {
        kind: 'event',
        pattern: { source: ['crm'], 'detail-type': ['consent.confirmed'] },
      },
      access: { table: 'readWrite' },
    },
  ],
  events: [EmailOpened, EmailClicked, EmailBounced, EmailComplained, EmailUnsubscribed],
  errors: emailErrors,
  personalData: emailPersonalData,
  keys: emailKeys,
});
