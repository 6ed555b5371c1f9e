import { defineCapability } from '../platform/capability';
import { activitiesErrors } from './activities-errors';
import { activitiesKeys } from './activities-keys';
import { activitiesPersonalData } from './activities-personal-data';
import { activitiesRoutes } from './activities-routes';
import { ActivityLogged } from './activity-events';

export const activitiesCapability = defineCapability({
  name: 'activities',
  description: 'Activities and the timelines of contacts and companies, and the contact overview',
  routes: activitiesRoutes,
  api: {
    handler: 'activities/activities-api',
    access: { table: 'readWrite' },
  },
  background: [
    {
      name: 'DeleteCompanyTimeline',
      handler: 'activities/delete-company-timeline',
      description: "Delete a deleted company's own timeline entries and their revisions",
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
      timeoutSeconds: 60,
    },
  ],
  events: [ActivityLogged],
  errors: activitiesErrors,
  personalData: activitiesPersonalData,
  keys: activitiesKeys,
});
