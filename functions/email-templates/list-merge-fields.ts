import { emailTemplatesRoutes } from '../../shared/email-templates/email-templates-routes';
import { workspaceMergeFields } from '../../shared/email-templates/save-email-template';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listMergeFieldsRoute = implement(emailTemplatesRoutes.ListMergeFields, async ({ auth }) => ({
  body: { fields: [...(await workspaceMergeFields(deps.store, auth.workspaceId)).catalog] },
}));
