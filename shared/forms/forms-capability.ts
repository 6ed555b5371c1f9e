import { ConsentConfirmed } from '../consents/consent-events';
import { consentPersonalData } from '../consents/consent-personal-data';
import { defineCapability } from '../platform/capability';
import { FormSubmitted } from './form-events';
import { formPersonalData } from './form-personal-data';
import { formsErrors } from './forms-errors';
import { formsKeys } from './forms-keys';
import { formsRoutes } from './forms-routes';

export const formsCapability = defineCapability({
  name: 'forms',
  description: 'Web forms: settings, public posts, consent with double opt-in',
  routes: formsRoutes,
  api: {
    handler: 'forms/forms-api',
    access: {
      table: 'readWrite',
      archive: 'write',
    },
    publicApiUrl: true,
  },
  background: [
    {
      name: 'ProcessFormSubmission',
      handler: 'webhooks/process-form-submission',
      description: 'Record a form post on its contact: upsert, tags, activity, consent, opt-in email',
      trigger: {
        kind: 'event',
        pattern: {
          source: ['crm'],
          'detail-type': ['webhook.received'],
          detail: {
            source: ['form'],
          },
        },
      },
      access: {
        table: 'readWrite',
        archive: 'read',
        ses: 'send',
      },
      publicApiUrl: true,
      timeoutSeconds: 30,
    },
  ],
  events: [FormSubmitted, ConsentConfirmed],
  errors: formsErrors,
  personalData: [...formPersonalData, ...consentPersonalData],
  keys: formsKeys,
});
