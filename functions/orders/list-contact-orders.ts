import { listContactOrders } from '../../shared/orders/list-contact-orders';
import { ordersRoutes } from '../../shared/orders/orders-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listContactOrdersRoute = implement(
  ordersRoutes.ListContactOrders,
  async ({ auth, params, query }) => ({
    body: await listContactOrders(deps, auth.workspaceId, params.id, query),
  }),
);
