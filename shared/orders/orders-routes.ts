import { defineRoutes } from '../platform/capability';
import { everyone } from '../platform/roles';
import { IdPath } from '../records/record-fields';
import { ContactCheckoutsPage, ContactCheckoutsQuery, ContactOrdersPage, ContactOrdersQuery } from './order';

/** The routes of orders: what each accepts, answers and who may call it. */
export const ordersRoutes = defineRoutes({
  ListContactOrders: {
    method: 'GET',
    path: '/api/contacts/{id}/orders',
    roles: everyone,
    summary: "A contact's orders, newest first, with its purchase statistics",
    params: IdPath,
    query: ContactOrdersQuery,
    response: ContactOrdersPage,
  },
  ListContactCheckouts: {
    method: 'GET',
    path: '/api/contacts/{id}/checkouts',
    roles: everyone,
    summary: "A contact's open and abandoned carts (shop checkouts not completed), newest first",
    params: IdPath,
    query: ContactCheckoutsQuery,
    response: ContactCheckoutsPage,
  },
});
