import { raiseAbandonedCarts } from '../../shared/orders/raise-abandoned-carts';
import { depsFromEnv } from '../../shared/platform/deps';

const deps = depsFromEnv();

/** Every 15 minutes (its capability's schedule): cart.abandoned for checkouts past their threshold. */
export const handler = async (): Promise<void> => {
  const { raised, skipped } = await raiseAbandonedCarts(deps);
  console.log(JSON.stringify({ level: 'info', msg: 'abandoned carts', raised, skipped }));
};
