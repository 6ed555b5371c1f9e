import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';
import { ticketsRoutes } from '../../shared/tickets/tickets-routes';
import { getTicket } from '../../shared/tickets/update-ticket';

const deps = depsFromEnv();

export const getTicketRoute = implement(ticketsRoutes.GetTicket, async ({ auth, params }) => {
  const ticket = await getTicket(deps.store, auth.workspaceId, params.ticketId, deps.clock());
  return { body: ticket, headers: { etag: etagOf(ticket.version) } };
});
