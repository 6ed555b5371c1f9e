import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { ContactList, ListMembership, MembershipSource } from '../lists/list';
import { ListLeft } from '../lists/list-events';
import { joinListsWrites, membershipsOf } from '../lists/list-members';
import { listsKeys } from '../lists/lists-keys';
import { listLists } from '../lists/lists-store';
import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { getRecordItem } from '../records/record-store';
import { batchGetItems } from '../store/queries';
import type { TransactItem } from '../store/transactions';
import { emailKeys } from './email-keys';
import {
  consentChangeWrites,
  notUnsubscribedYet,
  unsubscribeCampaignItems,
  unsubscribeContact,
  writeWithCampaignItems,
} from './email-preferences';
import { emailPreferencesFromItem, noEmailPreferences } from './email-preferences-store';
import type { EmailPreferences, PreferencePage } from './email-settings';
import { type EmailSettingsDeps, getEmailSettings } from './email-settings-store';
import { claimedWorkspace, type UnsubscribeClaims, verifyUnsubscribeToken } from './unsubscribe-token';

export type PublicEmailDeps = Pick<Deps, 'store' | 'clock'> & EmailSettingsDeps;

/** Any link that does not check out: 404 with nothing said about why (forged, altered, erased contact). */
const linkNotFound = () => new NotFoundError('email.link_not_found');

/**
 * The claims of a signed link, after its signature was checked with the secret of the workspace it names
 * (the workspace id is used only to find that secret, as public form ids are), and its contact still exists.
 */
async function resolveLink(deps: PublicEmailDeps, token: string) {
  const workspaceId = claimedWorkspace(token);
  if (!workspaceId) throw linkNotFound();
  const settings = await getEmailSettings(deps, workspaceId);
  const claims = settings && verifyUnsubscribeToken(settings.linkSecret, token);
  if (!settings || !claims) throw linkNotFound();
  const contact = await getRecordItem(deps.store, workspaceId, 'CONTACT', claims.contactId);
  if (!contact) throw linkNotFound();
  return { claims, settings, email: typeof contact.email === 'string' ? contact.email : '' };
}

/** `l***@example.com`: enough for the reader to recognise the address, not to learn it from the link. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** RFC 8058 one-click: unsubscribed at once; a second POST finds it done and answers the same. */
export async function oneClickUnsubscribe(deps: PublicEmailDeps, token: string) {
  const { claims } = await resolveLink(deps, token);
  await unsubscribeContact(deps, claims.workspaceId, claims.contactId, {
    source: 'one_click',
    ...(claims.campaignId ? { campaignId: claims.campaignId } : {}),
  });
  return { unsubscribed: true };
}

interface PageState {
  claims: UnsubscribeClaims;
  workspaceName: string;
  maskedEmail: string;
  preferences: EmailPreferences;
  pageLeftLists: string[];
  memberships: ListMembership[];
  /** The lists the page shows: those the contact is on, and those it left here (it may rejoin them). */
  lists: ContactList[];
}

async function pageState(deps: PublicEmailDeps, token: string): Promise<PageState> {
  const { claims, settings, email } = await resolveLink(deps, token);
  const { workspaceId, contactId } = claims;
  const [preferencesItems, memberships, allLists] = await Promise.all([
    batchGetItems(deps.store, [emailKeys.emailPreferences(workspaceId, contactId)]),
    membershipsOf(deps.store, workspaceId, contactId),
    listLists(deps.store, workspaceId),
  ]);
  const item = preferencesItems[0];
  const pageLeftLists = Array.isArray(item?.pageLeftLists) ? item.pageLeftLists.map(String) : [];
  const shown = new Set([...memberships.map((membership) => membership.listId), ...pageLeftLists]);
  return {
    claims,
    workspaceName: settings.fromName,
    maskedEmail: maskEmail(email),
    preferences: item ? emailPreferencesFromItem(item) : noEmailPreferences(contactId),
    pageLeftLists,
    memberships,
    lists: allLists.filter((list) => shown.has(list.id)),
  };
}

function pageOf(state: PageState): PreferencePage {
  const on = new Set(state.memberships.map((membership) => membership.listId));
  return {
    workspaceName: state.workspaceName,
    maskedEmail: state.maskedEmail,
    unsubscribedFromAll: state.preferences.marketing === 'unsubscribed',
    lists: state.lists.map((list) => ({ listId: list.id, name: list.name, subscribed: on.has(list.id) })),
  };
}

export async function getPreferencePage(deps: PublicEmailDeps, token: string): Promise<PreferencePage> {
  return pageOf(await pageState(deps, token));
}

/** Unsubscribes the contact itself undid on a link (one click or this page) may be undone here too. */
const selfUnsubscribed = (preferences: EmailPreferences) =>
  preferences.marketing === 'unsubscribed' &&
  (preferences.source === 'one_click' || preferences.source === 'preference_page');

/**
 * The page's changes, in one transaction: lists left (list.left) and rejoined (list.joined, only lists
 * the page shows), the lists left remembered on the preferences item, and "unsubscribe from everything"
 * as a consent withdrawal (email.unsubscribed); unticking it again resubscribes only a contact who
 * unsubscribed itself by a link. Lists the page does not show are ignored: a link joins no other list.
 */
export async function updatePreferencePage(
  deps: PublicEmailDeps,
  token: string,
  input: { unsubscribeFromAll: boolean; lists: readonly { listId: string; subscribed: boolean }[] },
): Promise<PreferencePage> {
  const state = await pageState(deps, token);
  const { workspaceId, contactId, campaignId } = state.claims;
  const { tableName } = deps.store;
  const now = deps.clock();
  const source: MembershipSource = { kind: 'preference_page', ...(campaignId ? { campaignId } : {}) };
  const wanted = new Map(input.lists.map((entry) => [entry.listId, entry.subscribed]));
  const on = new Set(state.memberships.map((membership) => membership.listId));
  const leaving = state.lists.filter((list) => on.has(list.id) && wanted.get(list.id) === false);
  const joining = state.lists.filter((list) => !on.has(list.id) && wanted.get(list.id) === true);
  const joins = joinListsWrites(tableName, workspaceId, contactId, joining, state.memberships, source, now);
  const items: TransactItem[] = [
    ...leaving.map((list): TransactItem => {
      // the key only: the membership's index attributes are not part of it
      const { pk, sk } = listsKeys.listMember(workspaceId, list.id, contactId);
      return { Delete: { TableName: tableName, Key: { pk, sk } } };
    }),
    ...joins.items,
  ];
  const listEvents = [
    ...leaving.map((list) =>
      pendingEvent(ListLeft, { listId: list.id, listName: list.name, contactId, source }),
    ),
    ...joins.events,
  ];
  const pageLeftLists = [
    ...new Set([
      ...state.pageLeftLists.filter((id) => !joining.some((list) => list.id === id)),
      ...leaving.map((list) => list.id),
    ]),
  ];
  const unsubscribing = input.unsubscribeFromAll && state.preferences.marketing !== 'unsubscribed';
  const resubscribing = !input.unsubscribeFromAll && selfUnsubscribed(state.preferences);
  if (unsubscribing || resubscribing) {
    items.push(
      ...consentChangeWrites(
        tableName,
        workspaceId,
        contactId,
        {
          marketing: unsubscribing ? 'unsubscribed' : 'subscribed',
          source: 'preference_page',
          ...(campaignId ? { campaignId } : {}),
        },
        now,
        { pageLeftLists, ...(unsubscribing ? { condition: notUnsubscribedYet } : {}) },
      ),
    );
  } else if (leaving.length > 0 || joining.length > 0) {
    items.push({
      Update: {
        TableName: tableName,
        Key: emailKeys.emailPreferences(workspaceId, contactId),
        UpdateExpression: 'SET entity = :entity, contactId = :contactId, pageLeftLists = :left',
        ExpressionAttributeValues: {
          ':entity': 'emailPreferences',
          ':contactId': contactId,
          ':left': pageLeftLists,
        },
      },
    });
  }
  // the consent writes carry their own outbox item (email.unsubscribed); the list events get theirs
  items.push(...outboxWrite(tableName, workspaceId, listEvents, now));
  const campaignItems = unsubscribing
    ? await unsubscribeCampaignItems(
        deps.store,
        workspaceId,
        contactId,
        { source: 'preference_page', ...(campaignId ? { campaignId } : {}) },
        now,
      )
    : [];
  if (items.length > 0) await writeWithCampaignItems(deps.store, items, campaignItems);
  return getPreferencePage(deps, token);
}
