import { getTemplate } from '../../shared/email-templates/email-template-store';
import { emailTemplatesRoutes } from '../../shared/email-templates/email-templates-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const getEmailTemplateRoute = implement(
  emailTemplatesRoutes.GetEmailTemplate,
  async ({ auth, params }) => {
    const { template } = await getTemplate(deps.store, auth.workspaceId, params.templateId);
    return { body: template, headers: { etag: etagOf(template.version) } };
  },
);
