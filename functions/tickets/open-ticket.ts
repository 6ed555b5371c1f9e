import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';
import { openTicket } from '../../shared/tickets/open-ticket';
import { ticketsRoutes } from '../../shared/tickets/tickets-routes';

const deps = depsFromEnv();

export const openTicketRoute = implement(ticketsRoutes.OpenTicket, async ({ auth, body }) => {
  const ticket = await openTicket(deps, auth.workspaceId, auth.userId, body);
  return {
    statusCode: 201,
    body: ticket,
    headers: { etag: etagOf(ticket.version), location: `/api/tickets/${ticket.id}` },
  };
});
