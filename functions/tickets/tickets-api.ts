import { contactsErrors } from '../../shared/contacts/contacts-errors';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { ticketsErrors } from '../../shared/tickets/tickets-errors';
import { ticketsRoutes } from '../../shared/tickets/tickets-routes';
import { getTicketRoute } from './get-ticket';
import { getTicketStatsRoute } from './get-ticket-stats';
import { listContactTicketsRoute } from './list-contact-tickets';
import { listTicketQueueRoute } from './list-ticket-queue';
import { openTicketRoute } from './open-ticket';
import { getTicketSlaRoute, putTicketSlaRoute } from './ticket-sla';
import { updateTicketRoute } from './update-ticket';

/** The tickets API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  ticketsRoutes,
  {
    ListTicketQueue: listTicketQueueRoute,
    OpenTicket: openTicketRoute,
    GetTicketStats: getTicketStatsRoute,
    GetTicket: getTicketRoute,
    UpdateTicket: updateTicketRoute,
    ListContactTickets: listContactTicketsRoute,
    GetTicketSla: getTicketSlaRoute,
    PutTicketSla: putTicketSlaRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [ticketsErrors, contactsErrors] },
);
