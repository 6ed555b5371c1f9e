import fc from 'fast-check';
import { dayStatsAdd } from '../../shared/email/deliverability';
import { getEmailSettings } from '../../shared/email/email-settings-store';
import { signUnsubscribeToken } from '../../shared/email/unsubscribe-token';
import { PutCommand } from '../../shared/store/document-client';
import { testTable } from './api-client';
import type { RecordKind, SeededRecord } from './record-fixtures';

const suffix = () => Math.random().toString(36).slice(2, 8);

function expectStatus<T>(reply: { status: number; body: T }, statuses: number[], what: string): T {
  if (!statuses.includes(reply.status))
    throw new Error(`fixture ${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** The workspace's email settings (one of a kind): its sender name tells them apart. */
export const emailSettingsKind: RecordKind = {
  name: 'emailSettings',
  collectionPath: '/api/settings/email',
  async create(api) {
    const values = {
      fromName: `Zoë’s Kaffeehaus ${suffix()}`,
      fromAddress: 'news@kaffeehaus.example',
      postalAddress: 'Kastanienallee 12, 10435 Berlin',
      timeZone: 'Europe/Berlin',
    };
    const body = expectStatus(
      await api<{ version: number }>('PUT', '/api/settings/email', values),
      [200, 201],
      'email settings',
    );
    return {
      kind: 'emailSettings',
      params: {},
      identity: values.fromName,
      version: body.version,
      finds: {},
      patch: values,
      values,
    };
  },
  identityOf: (item) => String(item.fromName),
  crossWorkspaceCreates: () => [],
  showsRecord: (body, record) => (body as { fromName?: string }).fromName === record.identity,
};

/** A suppressed address, addressed by its hash. */
export const suppressionKind: RecordKind = {
  name: 'suppression',
  collectionPath: '/api/email/suppressions',
  async create(api) {
    const values = { email: `zoe.bounced.${suffix()}@example.com` };
    const body = expectStatus(
      await api<{ addressHash: string }>('POST', '/api/email/suppressions', values),
      [201],
      'suppression',
    );
    return {
      kind: 'suppression',
      params: { addressHash: body.addressHash },
      identity: body.addressHash,
      version: 1,
      finds: {},
      patch: {},
      values,
    };
  },
  identityOf: (item) => String(item.addressHash),
  // the same address in another workspace has the same hash: allowed, but it would name A's id
  crossWorkspaceCreates: () => [],
};

/** The deliverability figures: a day's counters written as RecordEmailEvent writes them. */
export const deliverabilityKind: RecordKind = {
  name: 'deliverability',
  collectionPath: '/api/email/deliverability',
  async create(api) {
    const table = testTable();
    const sent = 1000 + Math.floor(Math.random() * 1000);
    const add = dayStatsAdd(table.tableName, api.workspaceId, new Date().toISOString(), 'sent').Update;
    // the counter set to the fixture's own number (an ADD on an empty item)
    await table.client.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...add.Key,
          entity: 'emailDayStats',
          day: new Date().toISOString().slice(0, 10),
          sent,
        },
      }),
    );
    return {
      kind: 'deliverability',
      params: {},
      identity: String(sent),
      version: 1,
      finds: {},
      patch: {},
      values: {},
    };
  },
  identityOf: (item) => String(item.sent),
  crossWorkspaceCreates: () => [],
  showsRecord: (body, record) => String((body as { sent?: number }).sent) === record.identity,
};

/** A signed link of the seeded contact, made with the workspace's link secret as a campaign would. */
async function linkOf(workspaceId: string, contactId: string | undefined): Promise<SeededRecord> {
  if (!contactId) throw new Error('the email link fixtures need the contact fixture first');
  const table = testTable();
  const settings = await getEmailSettings({ store: table }, workspaceId);
  if (!settings) throw new Error('the email link fixtures need the email settings fixture first');
  const token = signUnsubscribeToken(settings.linkSecret, { workspaceId, contactId });
  return {
    kind: 'emailLink',
    params: { token },
    identity: token,
    version: 1,
    finds: {},
    patch: { unsubscribeFromAll: false, lists: [] },
    values: {},
  };
}

/** The one-click unsubscribe address of a message (RFC 8058). */
export const emailLinkKind: RecordKind = {
  name: 'emailLink',
  collectionPath: '/api/email/unsubscribe',
  create: (api, seeded) => linkOf(api.workspaceId, seeded.contact?.params.id),
  identityOf: (item) => String(item.token),
  crossWorkspaceCreates: () => [],
  validBodies: () => fc.constant({ 'List-Unsubscribe': 'One-Click' }),
};

/** The public preference page of the same link. */
export const emailPreferencePageKind: RecordKind = {
  name: 'emailPreferencePage',
  collectionPath: '/api/email/preferences',
  async create(api, seeded) {
    return { ...(await linkOf(api.workspaceId, seeded.contact?.params.id)), kind: 'emailPreferencePage' };
  },
  identityOf: (item) => String(item.maskedEmail),
  crossWorkspaceCreates: () => [],
  validBodies: (record) =>
    fc.record({
      unsubscribeFromAll: fc.boolean(),
      lists: fc.constant(record.params.listId ? [{ listId: record.params.listId, subscribed: true }] : []),
    }),
};
