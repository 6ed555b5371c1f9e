import { type KeyPair, ws } from '../store/key-parts';

/**
 * The email capability (decision 170): sending settings, the suppression list, contacts' email preferences
 * and consent changes, and the workspace's daily sending counters. Built here and nowhere else (keys.ts
 * gathers them); golden tests pin the strings.
 *
 * - Settings: `WS#w#SETTINGS` / `EMAIL` (with the secret that signs unsubscribe links; never returned).
 * - Suppression: `WS#w#SUPPRESSION#<sha256 of the lower-cased address>` / `SUPPRESSION`, listed on
 *   byCollection `WS#w#SUPPRESSIONS` / `<suppressedAt>#<hash>`; soft bounces of the address below it,
 *   `SOFT_BOUNCE#<at>#<eventId>` (expire after 8 days; the count reads the last 7 days).
 * - A contact's email preferences `EMAIL_PREFERENCES` and its consent changes `EMAIL_CONSENT#<ulid>`, in
 *   the contact's partition (erased with it).
 * - Daily counters for the deliverability rates: `WS#w#EMAIL_STATS` / `DAY#<YYYY-MM-DD>`.
 */
export const emailKeys = {
  settings: (workspaceId: string): KeyPair => ({ pk: `${ws(workspaceId)}#SETTINGS`, sk: 'EMAIL' }),
  suppression: (workspaceId: string, addressHash: string): KeyPair => ({
    pk: `${ws(workspaceId)}#SUPPRESSION#${addressHash}`,
    sk: 'SUPPRESSION',
  }),
  suppressionListed: (workspaceId: string, suppressedAt: string, addressHash: string) => ({
    gsi1pk: emailKeys.suppressionsPartition(workspaceId),
    gsi1sk: `${suppressedAt}#${addressHash}`,
  }),
  suppressionsPartition: (workspaceId: string) => `${ws(workspaceId)}#SUPPRESSIONS`,
  softBounce: (workspaceId: string, addressHash: string, at: string, eventId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#SUPPRESSION#${addressHash}`,
    sk: `SOFT_BOUNCE#${at}#${eventId}`,
  }),
  softBouncesSince: (workspaceId: string, addressHash: string, since: string) => ({
    pk: `${ws(workspaceId)}#SUPPRESSION#${addressHash}`,
    skFrom: `SOFT_BOUNCE#${since}`,
    skTo: 'SOFT_BOUNCE#~',
  }),
  emailPreferences: (workspaceId: string, contactId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    sk: 'EMAIL_PREFERENCES',
  }),
  consentChange: (workspaceId: string, contactId: string, changeId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    sk: `EMAIL_CONSENT#${changeId}`,
  }),
  consentChangesPrefix: (workspaceId: string, contactId: string) => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    skPrefix: 'EMAIL_CONSENT#',
  }),
  dayStats: (workspaceId: string, day: string): KeyPair => ({
    pk: `${ws(workspaceId)}#EMAIL_STATS`,
    sk: `DAY#${day}`,
  }),
  dayStatsRange: (workspaceId: string, fromDay: string, toDay: string) => ({
    pk: `${ws(workspaceId)}#EMAIL_STATS`,
    skFrom: `DAY#${fromDay}`,
    skTo: `DAY#${toDay}`,
  }),
};
