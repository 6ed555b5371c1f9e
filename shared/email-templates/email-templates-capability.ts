import { defineCapability } from '../platform/capability';
import { EmailTemplateSaved } from './email-template-events';
import { emailTemplatesErrors } from './email-templates-errors';
import { emailTemplatesKeys } from './email-templates-keys';
import { emailTemplatesRoutes } from './email-templates-routes';

/**
 * Email templates (decision 170): MJML with merge fields, checked on save and compiled right after by
 * CompileEmailTemplate. Templates hold no person's data (a merge field names a field, never a value), so the
 * capability declares no personal data.
 */
export const emailTemplatesCapability = defineCapability({
  name: 'email-templates',
  description: 'Email templates: MJML with merge fields, compiled after save, previewed and test-sent',
  routes: emailTemplatesRoutes,
  api: {
    handler: 'email-templates/email-templates-api',
    // events leave through the outbox (a table write); the publisher alone holds the bus grant
    access: { table: 'readWrite', ses: 'send' },
  },
  background: [
    {
      name: 'CompileEmailTemplate',
      handler: 'email-templates/compile-email-template',
      description:
        'Compile a saved template: MJML to HTML with merge tags kept, the preheader, the text part (the one bundle-rule exception, decision 170)',
      trigger: {
        kind: 'event',
        pattern: { source: ['crm'], 'detail-type': [EmailTemplateSaved.detailType] },
      },
      access: { table: 'readWrite' },
      timeoutSeconds: 60,
      memoryMb: 1024,
      bundleRuleExemption: 'compiler off the request path, decision 170',
    },
  ],
  events: [EmailTemplateSaved],
  errors: emailTemplatesErrors,
  keys: emailTemplatesKeys,
});
