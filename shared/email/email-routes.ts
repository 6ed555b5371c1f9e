import * as z from 'zod/mini';
import { defineRoutes } from '../platform/capability';
import { admins, everyone, marketingTeam } from '../platform/roles';
import { listQueryShape, RecordId } from '../records/record-fields';
import {
  Deliverability,
  EmailPreferences,
  EmailPreferencesInput,
  EmailSettings,
  EmailSettingsInput,
  OneClickUnsubscribeBody,
  PreferencePage,
  PreferencePageInput,
  Suppression,
  SuppressionInput,
  SuppressionPage,
  SuppressionPath,
  UnsubscribeResult,
  UnsubscribeTokenPath,
} from './email-settings';

const ContactPath = z.object({ contactId: RecordId });
const SuppressionsQuery = z.strictObject({ limit: listQueryShape.limit, cursor: listQueryShape.cursor });

/** The routes of the email capability: settings, suppression, deliverability, preferences, unsubscribe. */
export const emailRoutes = defineRoutes({
  GetEmailSettings: {
    method: 'GET',
    path: '/api/settings/email',
    roles: everyone,
    summary: 'How the workspace sends marketing mail (404 until an admin sets it)',
    response: EmailSettings,
  },
  PutEmailSettings: {
    method: 'PUT',
    path: '/api/settings/email',
    roles: admins,
    summary: "Set the sender, reply-to, postal address and the workspace's time zone",
    body: EmailSettingsInput,
    response: EmailSettings,
    status: 201,
  },
  ListSuppressions: {
    method: 'GET',
    path: '/api/email/suppressions',
    roles: everyone,
    summary: 'The suppressed addresses, newest first, with why',
    query: SuppressionsQuery,
    response: SuppressionPage,
  },
  AddSuppression: {
    method: 'POST',
    path: '/api/email/suppressions',
    roles: marketingTeam,
    summary: 'Suppress an address by hand',
    body: SuppressionInput,
    response: Suppression,
    status: 201,
  },
  RemoveSuppression: {
    method: 'DELETE',
    path: '/api/email/suppressions/{addressHash}',
    roles: admins,
    summary: 'Lift a suppression (an address that bounced was fixed)',
    params: SuppressionPath,
    status: 204,
  },
  GetDeliverability: {
    method: 'GET',
    path: '/api/email/deliverability',
    roles: everyone,
    summary: "The workspace's bounce and complaint rates against SES's review thresholds",
    response: Deliverability,
  },
  GetContactEmailPreferences: {
    method: 'GET',
    path: '/api/contacts/{contactId}/email-preferences',
    roles: everyone,
    summary: "A contact's marketing email state and its consent changes",
    params: ContactPath,
    response: EmailPreferences,
  },
  PutContactEmailPreferences: {
    method: 'PUT',
    path: '/api/contacts/{contactId}/email-preferences',
    roles: marketingTeam,
    summary: 'Record marketing consent given elsewhere, or withdraw it (with a note of where)',
    params: ContactPath,
    body: EmailPreferencesInput,
    response: EmailPreferences,
    status: 201,
  },
  OneClickUnsubscribe: {
    method: 'POST',
    path: '/api/email/unsubscribe/{token}',
    roles: 'public',
    summary: 'RFC 8058 one-click unsubscribe (List-Unsubscribe-Post): honoured at once',
    params: UnsubscribeTokenPath,
    body: OneClickUnsubscribeBody,
    response: UnsubscribeResult,
    accepts: 'form',
  },
  GetPreferencePage: {
    method: 'GET',
    path: '/api/email/preferences/{token}',
    roles: 'public',
    summary: "The preference page's view of a signed link: lists and topics, or everything",
    params: UnsubscribeTokenPath,
    response: PreferencePage,
  },
  PutPreferencePage: {
    method: 'PUT',
    path: '/api/email/preferences/{token}',
    roles: 'public',
    summary: 'Leave or rejoin lists, or unsubscribe from everything, from the preference page',
    params: UnsubscribeTokenPath,
    body: PreferencePageInput,
    response: PreferencePage,
    status: 201,
  },
});
