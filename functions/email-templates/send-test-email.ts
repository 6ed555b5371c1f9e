import { mailFromEnv } from '../../shared/email/mail-from';
import { mailerFromEnv } from '../../shared/email/mailer';
import { emailTemplatesRoutes } from '../../shared/email-templates/email-templates-routes';
import { sendTestEmail } from '../../shared/email-templates/render-email-template';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = { ...depsFromEnv(), mailer: mailerFromEnv(), defaultFrom: mailFromEnv() };

export const sendTestEmailRoute = implement(
  emailTemplatesRoutes.SendTestEmail,
  async ({ auth, params, body }) => ({
    statusCode: 202,
    body: await sendTestEmail(deps, auth, params.templateId, body.contactId),
  }),
);
