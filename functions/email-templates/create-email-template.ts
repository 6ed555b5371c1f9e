import { emailTemplatesRoutes } from '../../shared/email-templates/email-templates-routes';
import { createEmailTemplate } from '../../shared/email-templates/save-email-template';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const createEmailTemplateRoute = implement(
  emailTemplatesRoutes.CreateEmailTemplate,
  async ({ auth, body }) => {
    const template = await createEmailTemplate(deps, auth.workspaceId, body);
    return {
      statusCode: 201,
      body: template,
      headers: { etag: etagOf(template.version), location: `/api/email/templates/${template.id}` },
    };
  },
);
