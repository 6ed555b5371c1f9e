import { defineCapability } from '../platform/capability';
import { TicketOpened, TicketReopened, TicketResolved, TicketUpdated } from './ticket-events';
import { ticketsErrors } from './tickets-errors';
import { ticketsKeys } from './tickets-keys';
import { ticketPersonalData } from './tickets-personal-data';
import { ticketsRoutes } from './tickets-routes';

export const ticketsCapability = defineCapability({
  name: 'tickets',
  description: 'Support tickets: the SLA queue, statuses, SLA policy and monthly figures',
  routes: ticketsRoutes,
  api: {
    handler: 'tickets/tickets-api',
    access: {
      table: 'readWrite',
    },
  },
  background: [
    {
      name: 'ReassignDeactivatedMemberTickets',
      handler: 'tickets/reassign-deactivated-member-tickets',
      description: "Hand a deactivated member's open tickets to the member the admin picked",
      trigger: {
        kind: 'event',
        pattern: {
          source: ['crm'],
          'detail-type': ['member.deactivated'],
        },
      },
      access: {
        table: 'readWrite',
      },
      timeoutSeconds: 60,
    },
  ],
  events: [TicketOpened, TicketUpdated, TicketResolved, TicketReopened],
  errors: ticketsErrors,
  personalData: ticketPersonalData,
  keys: ticketsKeys,
});
