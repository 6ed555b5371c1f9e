import { defineCapability } from '../platform/capability';
import { CartAbandoned, OrderPlaced } from './order-events';
import { orderPersonalData } from './order-personal-data';
import { ordersKeys } from './orders-keys';
import { ordersRoutes } from './orders-routes';

export const ordersCapability = defineCapability({
  name: 'orders',
  description: 'Orders and abandoned carts of a contact',
  routes: ordersRoutes,
  api: {
    handler: 'orders/orders-api',
    access: {
      table: 'read',
    },
  },
  background: [
    {
      name: 'RaiseAbandonedCarts',
      handler: 'orders/raise-abandoned-carts',
      description: 'Raise cart.abandoned once for each checkout left open past its connection threshold',
      trigger: {
        kind: 'schedule',
        expression: 'rate(15 minutes)',
      },
      access: {
        table: 'readWrite',
      },
      timeoutSeconds: 60,
    },
  ],
  events: [OrderPlaced, CartAbandoned],
  personalData: orderPersonalData,
  keys: ordersKeys,
});
