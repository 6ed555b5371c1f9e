import { defineCapability } from '../platform/capability';
import { dealEvents } from './deal-events';
import { dealRoutes } from './deal-routes';
import { dealsErrors } from './deals-errors';
import { dealsKeys } from './deals-keys';
import { dealsPersonalData } from './deals-personal-data';
import { pipelineRoutes } from './pipeline-routes';

export const dealsCapability = defineCapability({
  name: 'deals',
  description: 'Pipelines with weighted stages, deals on a board, their stage history and lost reasons',
  routes: dealRoutes,
  api: {
    handler: 'deals/deals-api',
    access: {
      table: 'readWrite',
    },
    timeoutSeconds: 29,
  },
  // one function for all fourteen routes was over its bundle budget (1.3x a bare SDK handler)
  apiParts: [
    {
      name: 'PipelinesApi',
      handler: 'deals/pipelines-api',
      description: 'Pipelines and their stages, the board, lost reasons; removing a stage moves its deals',
      routes: pipelineRoutes,
      access: {
        table: 'readWrite',
      },
      timeoutSeconds: 29,
    },
  ],
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
