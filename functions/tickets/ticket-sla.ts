import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { getTicketSla, putTicketSla } from '../../shared/tickets/ticket-sla-settings';
import { ticketsRoutes } from '../../shared/tickets/tickets-routes';

const deps = depsFromEnv();

export const getTicketSlaRoute = implement(ticketsRoutes.GetTicketSla, async ({ auth }) => ({
  body: await getTicketSla(deps, auth.workspaceId),
}));

export const putTicketSlaRoute = implement(ticketsRoutes.PutTicketSla, async ({ auth, body }) => {
  const { settings, created } = await putTicketSla(deps, auth.workspaceId, auth.userId, body);
  return { statusCode: created ? 201 : 200, body: settings };
});
