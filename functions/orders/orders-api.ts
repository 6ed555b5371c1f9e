import { contactsErrors } from '../../shared/contacts/contacts-errors';
import { ordersRoutes } from '../../shared/orders/orders-routes';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { listContactCheckoutsRoute } from './list-contact-checkouts';
import { listContactOrdersRoute } from './list-contact-orders';

/** The orders API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  ordersRoutes,
  {
    ListContactOrders: listContactOrdersRoute,
    ListContactCheckouts: listContactCheckoutsRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [contactsErrors] },
);
