import { emailTemplatesRoutes } from '../../shared/email-templates/email-templates-routes';
import { updateEmailTemplate } from '../../shared/email-templates/save-email-template';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const updateEmailTemplateRoute = implement(
  emailTemplatesRoutes.UpdateEmailTemplate,
  async ({ auth, params, body, headers }) => {
    const template = await updateEmailTemplate(
      deps,
      auth.workspaceId,
      params.templateId,
      body,
      versionFromIfMatch(headers['if-match']),
    );
    return { body: template, headers: { etag: etagOf(template.version) } };
  },
);
