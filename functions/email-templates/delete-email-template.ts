import { deleteTemplate } from '../../shared/email-templates/email-template-store';
import { emailTemplatesRoutes } from '../../shared/email-templates/email-templates-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deleteEmailTemplateRoute = implement(
  emailTemplatesRoutes.DeleteEmailTemplate,
  async ({ auth, params }) => {
    await deleteTemplate(deps.store, auth.workspaceId, params.templateId);
    return { statusCode: 204 };
  },
);
