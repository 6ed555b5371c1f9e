import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud';
import { startSesFront } from '../../infra/local/ses-front';
import { campaignsKeys } from '../../shared/campaigns/campaigns-keys';
import { addressHash } from '../../shared/email/address-hash';
import { urlHashOf } from '../../shared/email/campaign-message-writes';
import { emailKeys } from '../../shared/email/email-keys';
import type { EmailPreferences, Suppression } from '../../shared/email/email-settings';
import { getEmailSettings } from '../../shared/email/email-settings-store';
import { mailerFromEnv } from '../../shared/email/mailer';
import { marketingFooter, marketingHeaders, marketingLinks } from '../../shared/email/marketing-headers';
import { messageTags } from '../../shared/email/message-tags';
import { sendingConfigFromEnv } from '../../shared/email/sending-config';
import { GetCommand, PutCommand } from '../../shared/store/document-client';
import { newWorkspaceId } from '../support/api-client';
import { localCloudClient } from '../support/local-cloud-client';

/**
 * SES events end to end in the local cloud (decision 170): a marketing send through the SES front, the
 * events it publishes on the default bus, RecordEmailEvent recording them; a tracked click and open; the
 * one-click unsubscribe with the header of the message as the mailbox got it; the mailbox simulator's
 * bounce and complaint addresses; the front's throttling as the SDK sees it.
 */
interface StoredMail {
  messageId?: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  headers?: { name: string; value: string }[];
}

let cloud: LocalCloud;
let client: ReturnType<typeof localCloudClient>;
let api: Awaited<ReturnType<ReturnType<typeof localCloudClient>['apiAs']>>;
const workspaceId = newWorkspaceId('email');
const campaignId = '01JCAMPA1GN000000000000000';
let contactId: string;

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, tableName: 'seed-crm-email-test' });
  client = localCloudClient(cloud);
  api = await client.apiAs(workspaceId);
  const settings = await api('PUT', '/api/settings/email', {
    fromName: 'Kaffeehaus Beispiel',
    fromAddress: 'news@kaffeehaus.example',
    postalAddress: 'Kastanienallee 12, 10435 Berlin',
    timeZone: 'Europe/Berlin',
  });
  expect(settings.status, JSON.stringify(settings.body)).toBe(201);
  const contact = await api<{ id: string }>('POST', '/api/contacts', {
    firstName: 'Lena',
    email: 'lena.schmidt@example.com',
  });
  contactId = contact.body.id;
  // the campaign and its claimed recipient, as the campaign runner leaves them before it calls SES
  const now = new Date().toISOString();
  await client.documents.send(
    new PutCommand({
      TableName: cloud.tableName,
      Item: {
        ...campaignsKeys.campaign(workspaceId, campaignId),
        entity: 'campaign',
        id: campaignId,
        name: 'Spring',
        status: 'sending',
        counters: { audience: 1, queued: 1, sent: 0, failed: 0, skipped: 0, skippedBy: {} },
      },
    }),
  );
  await client.documents.send(
    new PutCommand({
      TableName: cloud.tableName,
      Item: {
        ...campaignsKeys.recipient(workspaceId, campaignId, contactId),
        ...campaignsKeys.recipientSending(workspaceId, campaignId, now, contactId),
        entity: 'campaignRecipient',
        contactId,
        email: 'lena.schmidt@example.com',
        status: 'sending',
      },
    }),
  );
});
afterAll(async () => {
  await cloud?.stop();
});

async function mailbox(): Promise<StoredMail[]> {
  return ((await (await fetch(`${cloud.sesEndpoint}/store`)).json()) as { emails: StoredMail[] }).emails;
}

async function item(key: { pk: string; sk: string }) {
  return (
    await client.documents.send(
      new GetCommand({ TableName: cloud.tableName, Key: key, ConsistentRead: true }),
    )
  ).Item;
}

const store = () => ({ client: client.documents, tableName: cloud.tableName });

async function sendMarketing(to: string, tags: Record<string, string>) {
  const settings = await getEmailSettings({ store: store() }, workspaceId);
  if (!settings) throw new Error('no settings');
  const links = marketingLinks(process.env.PUBLIC_API_URL as string, settings.linkSecret, {
    workspaceId,
    contactId,
    campaignId,
  });
  const footer = marketingFooter({
    preferencesUrl: links.preferencesUrl,
    postalAddress: settings.postalAddress,
    senderName: settings.fromName,
  });
  return mailerFromEnv().send({
    from: settings.fromAddress,
    to,
    subject: 'Frühlingsaktion',
    text: `Hallo Lena${footer.text}`,
    html: `<html><body><p>Hallo <a href="https://shop.example.com/espresso?a=1&amp;b=2">Espresso</a></p>${footer.html}</body></html>`,
    headers: marketingHeaders(links),
    tags: { [messageTags.workspace]: workspaceId, ...tags },
    configurationSet: sendingConfigFromEnv().configurationSet,
  });
}

describe('SES events from the local SES front', () => {
  let messageId: string;

  it('publishes Send and Delivery for a marketing send, recorded on the recipient, campaign and day', async () => {
    ({ messageId } = await sendMarketing('lena.schmidt@example.com', {
      [messageTags.campaign]: campaignId,
      [messageTags.contact]: contactId,
      [messageTags.kind]: 'campaign',
    }));
    await client.drained();
    const sesEvents = cloud.eventBus.published().filter((entry) => entry.event.source === 'aws.ses');
    expect(sesEvents.map((entry) => [entry.event['detail-type'], entry.eventBusName])).toEqual([
      ['Email Sent', 'default'],
      ['Email Delivered', 'default'],
    ]);
    const mail = (sesEvents[0]?.event.detail as { mail?: Record<string, unknown> } | undefined)?.mail;
    expect(mail).toMatchObject({
      messageId,
      destination: ['lena.schmidt@example.com'],
      tags: { [messageTags.campaign]: [campaignId], [messageTags.workspace]: [workspaceId] },
    });
    expect(JSON.stringify(mail?.headers)).toContain('List-Unsubscribe-Post');
    expect(sesEvents[0]?.matchedRules).toEqual(['RecordEmailEventRule']);

    const recipient = await item(campaignsKeys.recipient(workspaceId, campaignId, contactId));
    expect(recipient).toMatchObject({ status: 'sent', messageId });
    expect(recipient?.deliveredAt).toBeTypeOf('string');
    expect(recipient?.gsi1pk).toBeUndefined();
    const campaign = await item(campaignsKeys.campaign(workspaceId, campaignId));
    expect(campaign?.counters).toMatchObject({ sent: 1, delivered: 1 });
    const day = await item(emailKeys.dayStats(workspaceId, new Date().toISOString().slice(0, 10)));
    expect(day).toMatchObject({ sent: 1, delivered: 1 });
    const deliverability = await api<{ sent: number; bounceStatus: string }>(
      'GET',
      '/api/email/deliverability',
    );
    expect(deliverability.body).toMatchObject({ sent: 1, bounceStatus: 'ok' });
  });

  it('counts a tracked click and an open, with the link, the hour, the timeline and the events', async () => {
    const [mail] = (await mailbox()).filter((stored) =>
      stored.destination.to.includes('lena.schmidt@example.com'),
    );
    const html = mail?.body.html ?? '';
    const tracked = /href="([^"]+\/t\/click\/[^"]+)"/.exec(html)?.[1];
    const pixel = /src="([^"]+\/t\/open\/[^"]+)"/.exec(html)?.[1];
    expect(tracked && pixel).toBeTruthy();
    const followed = await fetch(tracked as string, { redirect: 'manual' });
    expect([followed.status, followed.headers.get('location')]).toEqual([
      302,
      'https://shop.example.com/espresso?a=1&b=2',
    ]);
    await fetch(tracked as string, { redirect: 'manual' });
    expect((await fetch(pixel as string)).headers.get('content-type')).toBe('image/gif');
    await client.drained();

    const campaign = await item(campaignsKeys.campaign(workspaceId, campaignId));
    expect(campaign?.counters).toMatchObject({ clicks: 2, uniqueClicks: 1, opens: 1, uniqueOpens: 1 });
    const link = await item(
      campaignsKeys.linkStats(
        workspaceId,
        campaignId,
        urlHashOf('https://shop.example.com/espresso?a=1&b=2'),
      ),
    );
    expect(link).toMatchObject({
      url: 'https://shop.example.com/espresso?a=1&b=2',
      clicks: 2,
      uniqueClicks: 1,
    });
    const hour = await item(
      campaignsKeys.hourStats(workspaceId, campaignId, new Date().toISOString().slice(0, 13)),
    );
    expect(hour).toMatchObject({ sent: 1, delivered: 1, clicks: 2, opens: 1 });
    const timeline = await api<{ items: { type: string; url?: string }[] }>(
      'GET',
      `/api/contacts/${contactId}/activities`,
    );
    const types = timeline.body.items.map((entry) => entry.type);
    expect(types.filter((type) => type === 'campaign_email.clicked')).toHaveLength(1);
    expect(types).toEqual(expect.arrayContaining(['campaign_email.sent', 'campaign_email.opened']));
    const crmEvents = cloud.eventBus
      .published()
      .filter((entry) => entry.event.source === 'crm')
      .map((entry) => entry.event['detail-type']);
    expect(crmEvents.filter((type) => type === 'email.clicked')).toHaveLength(2);
    expect(crmEvents).toContain('email.opened');
  });

  it('unsubscribes at once from the List-Unsubscribe header as the mailbox got it, idempotently', async () => {
    const [mail] = (await mailbox()).filter((stored) =>
      stored.destination.to.includes('lena.schmidt@example.com'),
    );
    const header = mail?.headers?.find((entry) => entry.name === 'List-Unsubscribe')?.value ?? '';
    const url = /^<(.+)>$/.exec(header)?.[1] as string;
    expect(url).toContain('/api/email/unsubscribe/');
    const post = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
    const first = await post();
    expect([first.status, await first.json()]).toEqual([200, { unsubscribed: true }]);
    const again = await post();
    expect(again.status).toBe(200);
    const preferences = await api<EmailPreferences>('GET', `/api/contacts/${contactId}/email-preferences`);
    expect(preferences.body).toMatchObject({ marketing: 'unsubscribed', source: 'one_click', campaignId });
    const forged = await fetch(`${url.slice(0, -4)}AAAA`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(forged.status).toBe(404);
    await client.drained();
    const unsubscribed = cloud.eventBus
      .published()
      .filter((entry) => entry.event['detail-type'] === 'email.unsubscribed');
    expect(unsubscribed).toHaveLength(1);
    // counted once on the campaign the link came with: recipient, campaign, hour and timeline
    const recipient = await item(campaignsKeys.recipient(workspaceId, campaignId, contactId));
    expect(recipient?.unsubscribedAt).toEqual(expect.any(String));
    const campaign = await item(campaignsKeys.campaign(workspaceId, campaignId));
    expect(campaign?.counters).toMatchObject({ unsubscribes: 1 });
    const hour = await item(
      campaignsKeys.hourStats(workspaceId, campaignId, String(recipient?.unsubscribedAt).slice(0, 13)),
    );
    expect(hour).toMatchObject({ unsubscribes: 1 });
    const timeline = await api<{ items: { type: string; campaignId?: string }[] }>(
      'GET',
      `/api/contacts/${contactId}/activities`,
    );
    expect(timeline.body.items.filter((entry) => entry.type === 'campaign_email.unsubscribed')).toEqual([
      expect.objectContaining({ campaignId }),
    ]);
  });

  it('counts a withdrawal on the preference page once on its campaign, and still honours it without one', async () => {
    const settings = await getEmailSettings({ store: store() }, workspaceId);
    if (!settings) throw new Error('no settings');
    // a second contact, sent the same campaign's mail, withdraws on the page its mail links to
    const other = await api<{ id: string }>('POST', '/api/contacts', {
      firstName: 'Jonas',
      email: 'jonas.weber@example.com',
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    await client.documents.send(
      new PutCommand({
        TableName: cloud.tableName,
        Item: {
          ...campaignsKeys.recipient(workspaceId, campaignId, other.body.id),
          entity: 'campaignRecipient',
          contactId: other.body.id,
          email: 'jonas.weber@example.com',
          status: 'sent',
          messageId: 'local-message-jonas',
          sentAt: new Date().toISOString(),
        },
      }),
    );
    const page = (contact: string, campaign?: string) =>
      marketingLinks(process.env.PUBLIC_API_URL as string, settings.linkSecret, {
        workspaceId,
        contactId: contact,
        ...(campaign ? { campaignId: campaign } : {}),
      }).preferencesUrl;
    // the page at <PUBLIC_API_URL>/email/preferences/<token> saves through the API's route of the same token
    const put = (url: string) =>
      fetch(`${process.env.PUBLIC_API_URL}/api/email/preferences/${url.split('/').pop()}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ unsubscribeFromAll: true, lists: [] }),
      });
    const before = (await item(campaignsKeys.campaign(workspaceId, campaignId)))?.counters as {
      unsubscribes: number;
    };
    const withdrawn = await put(page(other.body.id, campaignId));
    expect(withdrawn.status, await withdrawn.clone().text()).toBe(200);
    expect((await put(page(other.body.id, campaignId))).status).toBe(200);
    const campaign = await item(campaignsKeys.campaign(workspaceId, campaignId));
    expect(campaign?.counters).toMatchObject({ unsubscribes: before.unsubscribes + 1 });
    const recipient = await item(campaignsKeys.recipient(workspaceId, campaignId, other.body.id));
    expect(recipient?.unsubscribedAt).toEqual(expect.any(String));
    const preferences = await api<EmailPreferences>(
      'GET',
      `/api/contacts/${other.body.id}/email-preferences`,
    );
    expect(preferences.body).toMatchObject({
      marketing: 'unsubscribed',
      source: 'preference_page',
      campaignId,
    });

    // a link of a campaign that is gone still withdraws consent; there is nothing to count it on
    const third = await api<{ id: string }>('POST', '/api/contacts', {
      firstName: 'Mia',
      email: 'mia.wagner@example.com',
    });
    const gone = await put(page(third.body.id, '01JGONE0000000000000000000'));
    expect(gone.status).toBe(200);
    const theirs = await api<EmailPreferences>('GET', `/api/contacts/${third.body.id}/email-preferences`);
    expect(theirs.body.marketing).toBe('unsubscribed');
  });

  it("reports a click of a reader's preference link as one link for all readers, without the token", async () => {
    const [mail] = (await mailbox()).filter((stored) =>
      stored.destination.to.includes('lena.schmidt@example.com'),
    );
    const links = [...(mail?.body.html ?? '').matchAll(/href="([^"]+\/t\/click\/[^"]+)"/g)].map(
      (match) => match[1] as string,
    );
    const targets = await Promise.all(
      links.map(async (url) => (await fetch(url, { redirect: 'manual' })).headers.get('location') ?? ''),
    );
    expect(targets.filter((target) => target.includes('/email/preferences/'))).toHaveLength(1);
    await client.drained();
    const shared = `${process.env.PUBLIC_API_URL?.replace(/\/+$/, '')}/email/preferences/…`;
    const link = await item(campaignsKeys.linkStats(workspaceId, campaignId, urlHashOf(shared)));
    expect(link).toMatchObject({ url: shared, clicks: 1, uniqueClicks: 1 });
    const timeline = await api<{ items: { type: string; url?: string }[] }>(
      'GET',
      `/api/contacts/${contactId}/activities`,
    );
    const clicked = timeline.body.items.filter((entry) => entry.type === 'campaign_email.clicked');
    expect(clicked.map((entry) => entry.url)).toContain(shared);
    expect(JSON.stringify(timeline.body)).not.toContain(`/email/preferences/${workspaceId}`);
  });

  it('suppresses the bounce and complaint simulator addresses (test mail touches no campaign)', async () => {
    await sendMarketing('bounce@simulator.amazonses.com', { [messageTags.kind]: 'test' });
    await sendMarketing('complaint@simulator.amazonses.com', {
      [messageTags.kind]: 'test',
      [messageTags.contact]: contactId,
    });
    await client.drained();
    const suppressions = await api<{ items: Suppression[] }>('GET', '/api/email/suppressions');
    expect(
      suppressions.body.items.map((entry) => [entry.email, entry.reason, entry.addressHash]).sort(),
    ).toEqual([
      ['bounce@simulator.amazonses.com', 'hard_bounce', addressHash('bounce@simulator.amazonses.com')],
      ['complaint@simulator.amazonses.com', 'complaint', addressHash('complaint@simulator.amazonses.com')],
    ]);
    const day = await item(emailKeys.dayStats(workspaceId, new Date().toISOString().slice(0, 10)));
    expect(day).toMatchObject({ sent: 3, bounces: 1, complaints: 1 });
    const campaign = await item(campaignsKeys.campaign(workspaceId, campaignId));
    expect(campaign?.counters).toMatchObject({ sent: 1, delivered: 1 });
    expect(campaign?.counters).not.toHaveProperty('bounces');
  });

  it('throttles above its send rate with the SESv2 error the SDK throws as TooManyRequestsException', async () => {
    const front = await startSesFront({
      emulatorEndpoint: cloud.sesEmulatorEndpoint,
      publish: () => undefined,
      configurationSet: 'throttle-test',
      maxSendRate: 2,
    });
    const ses = new SESv2Client({
      endpoint: front.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    const send = () =>
      ses.send(
        new SendEmailCommand({
          FromEmailAddress: 'news@kaffeehaus.example',
          Destination: { ToAddresses: ['x@example.com'] },
          Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
        }),
      );
    const outcomes = await Promise.allSettled([send(), send(), send()]);
    ses.destroy();
    await front.stop();
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(2);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as Error).name).toBe('TooManyRequestsException');
  });
});
