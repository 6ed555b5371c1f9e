import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { listTicketQueue } from '../../shared/tickets/ticket-queues';
import { ticketsRoutes } from '../../shared/tickets/tickets-routes';

const deps = depsFromEnv();

export const listTicketQueueRoute = implement(ticketsRoutes.ListTicketQueue, async ({ auth, query }) => ({
  body: await listTicketQueue(deps, auth.workspaceId, auth.userId, query),
}));
