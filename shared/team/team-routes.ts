import { defineRoutes } from '../platform/capability';
import { admins, everyone } from '../platform/roles';
import { Member } from './member';
import {
  DeactivateMemberQuery,
  InviteMemberBody,
  MemberList,
  MemberPatch,
  MemberPath,
} from './member-requests';

/** The routes of the team: everyone reads the members (owner pickers), admins manage them. */
export const teamRoutes = defineRoutes({
  ListMembers: {
    method: 'GET',
    path: '/api/settings/members',
    roles: everyone,
    summary: 'The members of the workspace with their roles, status and last activity',
    response: MemberList,
  },
  InviteMember: {
    method: 'POST',
    path: '/api/settings/members',
    roles: admins,
    summary: 'Invite someone by email with roles (member.invited); Cognito mails a temporary password',
    body: InviteMemberBody,
    response: Member,
    status: 201,
  },
  UpdateMember: {
    method: 'PATCH',
    path: '/api/settings/members/{memberId}',
    roles: admins,
    summary: "Change a member's roles (member.updated)",
    params: MemberPath,
    body: MemberPatch,
    response: Member,
    ifMatch: true,
  },
  DeactivateMember: {
    method: 'DELETE',
    path: '/api/settings/members/{memberId}',
    roles: admins,
    summary:
      'Deactivate a member (member.deactivated): it can no longer sign in, and its open work goes to reassignTo',
    params: MemberPath,
    query: DeactivateMemberQuery,
    status: 204,
  },
});
