import { defineRoutes } from '../platform/capability';
import { everyone } from '../platform/roles';
import { IdPath } from '../records/record-fields';
import { Activity, ActivityEdit, ActivityInput, ActivityPath, ActivityRevisions } from './activity';
import { ContactOverview, TimelinePage, TimelineQuery } from './timeline-entry';

/** The routes of activities and timelines: what each accepts, answers and who may call it. */
export const activitiesRoutes = defineRoutes({
  ListContactActivities: {
    method: 'GET',
    path: '/api/contacts/{id}/activities',
    roles: everyone,
    summary:
      "A contact's timeline, newest first: activities, form submissions (with their consents), orders, tickets; filter by one type",
    params: IdPath,
    query: TimelineQuery,
    response: TimelinePage,
  },
  LogContactActivity: {
    method: 'POST',
    path: '/api/contacts/{id}/activities',
    roles: everyone,
    summary:
      'Log a note, call, meeting or email on a contact (activity.logged); also on its company timeline',
    params: IdPath,
    body: ActivityInput,
    response: Activity,
    status: 201,
  },
  EditContactActivity: {
    method: 'PATCH',
    path: '/api/contacts/{id}/activities/{activityId}',
    roles: everyone,
    summary:
      "Change an activity's content (If-Match version; its author or an admin); the previous content is kept as a revision",
    params: ActivityPath,
    body: ActivityEdit,
    response: Activity,
    ifMatch: true,
  },
  DeleteContactActivity: {
    method: 'DELETE',
    path: '/api/contacts/{id}/activities/{activityId}',
    roles: everyone,
    summary: 'Delete an activity and its revisions (its author or an admin)',
    params: ActivityPath,
    status: 204,
  },
  ListContactActivityRevisions: {
    method: 'GET',
    path: '/api/contacts/{id}/activities/{activityId}/revisions',
    roles: everyone,
    summary: "An activity's earlier contents, newest first, with who replaced each and when",
    params: ActivityPath,
    response: ActivityRevisions,
  },
  GetContactOverview: {
    method: 'GET',
    path: '/api/contacts/{id}/overview',
    roles: everyone,
    summary:
      'A contact, its 20 newest timeline entries, open tasks, tickets and deals, in one DynamoDB Query',
    params: IdPath,
    response: ContactOverview,
  },
  ListCompanyActivities: {
    method: 'GET',
    path: '/api/companies/{id}/activities',
    roles: everyone,
    summary:
      "A company's timeline, newest first: its own activities and its contacts' entries; a type filter may answer short pages",
    params: IdPath,
    query: TimelineQuery,
    response: TimelinePage,
  },
  LogCompanyActivity: {
    method: 'POST',
    path: '/api/companies/{id}/activities',
    roles: everyone,
    summary: 'Log a note, call, meeting or email on a company (activity.logged)',
    params: IdPath,
    body: ActivityInput,
    response: Activity,
    status: 201,
  },
  EditCompanyActivity: {
    method: 'PATCH',
    path: '/api/companies/{id}/activities/{activityId}',
    roles: everyone,
    summary:
      "Change a company activity's content (If-Match version; its author or an admin); the previous content is kept",
    params: ActivityPath,
    body: ActivityEdit,
    response: Activity,
    ifMatch: true,
  },
  DeleteCompanyActivity: {
    method: 'DELETE',
    path: '/api/companies/{id}/activities/{activityId}',
    roles: everyone,
    summary: 'Delete a company activity and its revisions (its author or an admin)',
    params: ActivityPath,
    status: 204,
  },
  ListCompanyActivityRevisions: {
    method: 'GET',
    path: '/api/companies/{id}/activities/{activityId}/revisions',
    roles: everyone,
    summary: "A company activity's earlier contents, newest first",
    params: ActivityPath,
    response: ActivityRevisions,
  },
});
