import { routeSchemas } from '../../shared/api/route-schemas';
import { listContactOrders } from '../../shared/orders/list-contact-orders';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.ListContactOrders, async ({ auth, path, query }) => ({
  body: await listContactOrders(deps, auth.workspaceId, path.id, query),
}));
