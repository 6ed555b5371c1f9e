import { emailTemplatesRoutes } from '../../shared/email-templates/email-templates-routes';
import { previewEmailTemplate } from '../../shared/email-templates/render-email-template';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const previewEmailTemplateRoute = implement(
  emailTemplatesRoutes.PreviewEmailTemplate,
  async ({ auth, params, query }) => ({
    body: await previewEmailTemplate(deps, auth.workspaceId, params.templateId, query.contactId),
  }),
);
