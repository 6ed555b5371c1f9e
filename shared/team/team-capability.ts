import { defineCapability } from '../platform/capability';
import { MemberDeactivated, MemberInvited, MemberUpdated } from './member-events';
import { teamErrors } from './team-errors';
import { teamKeys } from './team-keys';
import { teamRoutes } from './team-routes';

export const teamCapability = defineCapability({
  name: 'team',
  description: 'The team: members, their roles, and who owns what',
  routes: teamRoutes,
  api: {
    handler: 'team/team-api',
    access: {
      table: 'readWrite',
      userPool: 'manage',
    },
  },
  background: [
    {
      name: 'ReassignOwnedRecords',
      handler: 'team/reassign-owned-records',
      description: "Hand a deactivated member's contacts and companies to the member the admin picked",
      trigger: {
        kind: 'event',
        pattern: { source: ['crm'], 'detail-type': ['member.deactivated'] },
      },
      access: {
        table: 'readWrite',
      },
      timeoutSeconds: 60,
    },
  ],
  events: [MemberInvited, MemberUpdated, MemberDeactivated],
  errors: teamErrors,
  keys: teamKeys,
});
