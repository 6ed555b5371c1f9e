import { defineRoutes } from '../platform/capability';
import { everyone, salesTeam } from '../platform/roles';
import { Deal, DealHistory, DealInput, DealPage, DealPatch, DealPath, DealsQuery } from './deal';

/** The routes of deals: what each accepts, answers and who may call it. The DealsApi function serves them. */
export const dealRoutes = defineRoutes({
  ListDeals: {
    method: 'GET',
    path: '/api/deals',
    roles: everyone,
    summary:
      "Deals by status (open by expected close date, won or lost newest first), or an owner's, contact's or company's",
    query: DealsQuery,
    response: DealPage,
  },
  CreateDeal: {
    method: 'POST',
    path: '/api/deals',
    roles: salesTeam,
    summary: 'Create a deal in a pipeline stage (the default pipeline and its first stage when left out)',
    body: DealInput,
    response: Deal,
    status: 201,
  },
  GetDeal: {
    method: 'GET',
    path: '/api/deals/{dealId}',
    roles: everyone,
    summary: 'Read one deal',
    params: DealPath,
    response: Deal,
  },
  UpdateDeal: {
    method: 'PATCH',
    path: '/api/deals/{dealId}',
    roles: salesTeam,
    summary: 'Change a deal, move it to a stage or position, win, lose or reopen it (If-Match version)',
    params: DealPath,
    body: DealPatch,
    response: Deal,
    ifMatch: true,
  },
  DeleteDeal: {
    method: 'DELETE',
    path: '/api/deals/{dealId}',
    roles: salesTeam,
    summary: 'Delete a deal with its history (deal.deleted)',
    params: DealPath,
    status: 204,
  },
  GetDealHistory: {
    method: 'GET',
    path: '/api/deals/{dealId}/history',
    roles: everyone,
    summary:
      "A deal's history: created, stage moves with time in each stage, won, lost, amount and close-date changes",
    params: DealPath,
    response: DealHistory,
  },
});
