import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';
import { ticketsRoutes } from '../../shared/tickets/tickets-routes';
import { updateTicket } from '../../shared/tickets/update-ticket';

const deps = depsFromEnv();

export const updateTicketRoute = implement(
  ticketsRoutes.UpdateTicket,
  async ({ auth, params, body, headers }) => {
    const ticket = await updateTicket(
      deps,
      auth.workspaceId,
      auth.userId,
      params.ticketId,
      body,
      versionFromIfMatch(headers['if-match']),
    );
    return { body: ticket, headers: { etag: etagOf(ticket.version) } };
  },
);
