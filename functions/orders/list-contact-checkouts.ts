import { listContactCheckouts } from '../../shared/orders/list-contact-checkouts';
import { ordersRoutes } from '../../shared/orders/orders-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listContactCheckoutsRoute = implement(
  ordersRoutes.ListContactCheckouts,
  async ({ auth, params, query }) => ({
    body: await listContactCheckouts(deps, auth.workspaceId, params.id, query),
  }),
);
