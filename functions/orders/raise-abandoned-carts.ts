import { raiseAbandonedCartsInWorkspace } from '../../shared/orders/raise-abandoned-carts';
import { depsFromEnv } from '../../shared/platform/deps';
import { workspaceJob } from '../../shared/platform/job-frame';

/** Every 15 minutes (its capability's schedule): cart.abandoned for checkouts past their threshold, per workspace. */
export const handler = workspaceJob({
  name: 'RaiseAbandonedCarts',
  deps: depsFromEnv(),
  runForWorkspace: (deps, workspaceId) => raiseAbandonedCartsInWorkspace(deps, workspaceId),
});
