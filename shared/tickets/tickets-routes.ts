import { defineRoutes } from '../platform/capability';
import { admins, everyone } from '../platform/roles';
import { IdPath } from '../records/record-fields';
import {
  ContactTicketsQuery,
  TicketInput,
  TicketPatch,
  TicketPath,
  TicketQueueQuery,
  TicketSlaPolicy,
  TicketSlaSettings,
  TicketStats,
  TicketsPage,
  TicketView,
} from './ticket';

/** The routes of tickets: what each accepts, answers and who may call it. */
export const ticketsRoutes = defineRoutes({
  ListTicketQueue: {
    method: 'GET',
    path: '/api/tickets',
    roles: everyone,
    summary: 'The open and pending tickets, soonest SLA due first (all, or assigned to the caller)',
    query: TicketQueueQuery,
    response: TicketsPage,
  },
  OpenTicket: {
    method: 'POST',
    path: '/api/tickets',
    roles: everyone,
    summary: 'Open a ticket for a contact (ticket.opened); its SLA due times come from the policy',
    body: TicketInput,
    response: TicketView,
    status: 201,
  },
  GetTicketStats: {
    method: 'GET',
    path: '/api/tickets/stats',
    roles: everyone,
    summary: "This month's resolution times and SLA breaches, and the open queue's size",
    response: TicketStats,
  },
  GetTicket: {
    method: 'GET',
    path: '/api/tickets/{ticketId}',
    roles: everyone,
    summary: 'Read one ticket with its SLA state',
    params: TicketPath,
    response: TicketView,
  },
  UpdateTicket: {
    method: 'PATCH',
    path: '/api/tickets/{ticketId}',
    roles: everyone,
    summary: 'Change a ticket: status (open → pending → resolved, reopen), priority, assignee, texts',
    params: TicketPath,
    body: TicketPatch,
    response: TicketView,
    ifMatch: true,
  },
  ListContactTickets: {
    method: 'GET',
    path: '/api/contacts/{id}/tickets',
    roles: everyone,
    summary: 'The tickets of a contact, newest first',
    params: IdPath,
    query: ContactTicketsQuery,
    response: TicketsPage,
  },
  GetTicketSla: {
    method: 'GET',
    path: '/api/settings/ticket-sla',
    roles: everyone,
    summary: "The workspace's SLA targets per priority (the defaults until an admin sets them)",
    response: TicketSlaSettings,
  },
  PutTicketSla: {
    method: 'PUT',
    path: '/api/settings/ticket-sla',
    roles: admins,
    summary:
      'Set the SLA targets per priority in minutes (201 the first time, then 200); later tickets and priority changes use them',
    body: TicketSlaPolicy,
    response: TicketSlaSettings,
    status: 201,
  },
});
