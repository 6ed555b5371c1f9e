import { contactsRoutes } from '../../shared/contacts/contacts-routes';
import { listContactActivities } from '../../shared/forms/contact-activities';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listContactActivitiesRoute = implement(
  contactsRoutes.ListContactActivities,
  async ({ auth, params, query }) => ({
    body: await listContactActivities(deps, auth.workspaceId, params.id, query),
  }),
);
