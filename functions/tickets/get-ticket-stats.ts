import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { ticketStats } from '../../shared/tickets/ticket-queues';
import { ticketsRoutes } from '../../shared/tickets/tickets-routes';

const deps = depsFromEnv();

export const getTicketStatsRoute = implement(ticketsRoutes.GetTicketStats, async ({ auth }) => ({
  body: await ticketStats(deps, auth.workspaceId),
}));
