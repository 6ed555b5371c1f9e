import { listTemplates } from '../../shared/email-templates/email-template-store';
import { emailTemplatesRoutes } from '../../shared/email-templates/email-templates-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listEmailTemplatesRoute = implement(
  emailTemplatesRoutes.ListEmailTemplates,
  async ({ auth, query }) => {
    const page = await listTemplates(deps.store, auth.workspaceId, query);
    return {
      body: {
        items: page.items.map(({ id, name, subject, compile, updatedAt }) => ({
          id,
          name,
          subject,
          compile,
          updatedAt,
        })),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      },
    };
  },
);
