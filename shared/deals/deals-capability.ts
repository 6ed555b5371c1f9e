import { defineCapability } from '../platform/capability';
import { dealEvents } from './deal-events';
import { dealsErrors } from './deals-errors';
import { dealsKeys } from './deals-keys';
import { dealsPersonalData } from './deals-personal-data';
import { dealsRoutes } from './deals-routes';

export const dealsCapability = defineCapability({
  name: 'deals',
  description: 'Pipelines with weighted stages, deals on a board, their stage history and lost reasons',
  routes: dealsRoutes,
  api: {
    handler: 'deals/deals-api',
    access: {
      table: 'readWrite',
    },
    timeoutSeconds: 29,
  },
  background: [
    {
      name: 'ReassignDeactivatedMemberDeals',
      handler: 'deals/reassign-deactivated-member-deals',
      description: 'Hand the deals of a deactivated member to the member the admin picked',
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
      timeoutSeconds: 300,
    },
    {
      name: 'ClearDeletedCompanyFromDeals',
      handler: 'deals/clear-deleted-company-from-deals',
      description: 'Keep the deals of a deleted company, without the company',
      trigger: {
        kind: 'event',
        pattern: {
          source: ['crm'],
          'detail-type': ['company.deleted'],
        },
      },
      access: {
        table: 'readWrite',
      },
      timeoutSeconds: 300,
    },
  ],
  events: dealEvents,
  errors: dealsErrors,
  personalData: dealsPersonalData,
  keys: dealsKeys,
});
