import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { listContactTickets } from '../../shared/tickets/ticket-queues';
import { ticketsRoutes } from '../../shared/tickets/tickets-routes';

const deps = depsFromEnv();

export const listContactTicketsRoute = implement(
  ticketsRoutes.ListContactTickets,
  async ({ auth, params, query }) => ({
    body: await listContactTickets(deps, auth.workspaceId, params.id, query),
  }),
);
