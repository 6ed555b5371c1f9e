import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, repoRoot, startLocalCloud } from '../../infra/local/local-cloud';
import type {
  AudienceCount,
  Campaign,
  CampaignRecipient,
  CampaignReport,
} from '../../shared/campaigns/campaign';
import { UpdateCommand } from '../../shared/store/document-client';

type RecipientPage = { items: CampaignRecipient[]; nextCursor?: string };

import { campaignClockInWorkspace } from '../../shared/campaigns/campaign-clock';
import { campaignsKeys } from '../../shared/campaigns/campaigns-keys';
import { findCampaign } from '../../shared/campaigns/campaigns-store';
import { type RunnerDeps, runCampaign } from '../../shared/campaigns/run-campaign';
import { sendConcurrency } from '../../shared/campaigns/send-pacing';
import { type EmailMessage, mailerFromEnv } from '../../shared/email/mailer';
import { recordEmailEvent } from '../../shared/email/record-email-event';
import { sendingConfigFromEnv } from '../../shared/email/sending-config';
import { messageSubjectOf, type SesEventDetail } from '../../shared/email/ses-event';
import { newId } from '../../shared/platform/ids';
import type { Store } from '../../shared/store/store';
import { newWorkspaceId } from '../support/api-client';
import {
  type SeededContact,
  seedAudience,
  seedCompiledTemplate,
  seedEmailSettings,
  seedList,
} from '../support/campaign-seeds';
import { localCloudClient } from '../support/local-cloud-client';

/**
 * Campaigns against the real local services: DynamoDB Local, the SES emulator (its mailbox read at
 * `GET /store`), and RunCampaign started by the bus from the outbox, as in AWS. The runs some tests drive
 * themselves (throttling, the kill test) start from a campaign scheduled for later and moved to preparing
 * by hand, so the bus's own runner does not race them.
 */
process.env.SES_MAX_SEND_RATE = '200';

let cloud: LocalCloud;
let client: ReturnType<typeof localCloudClient>;
let store: Store;

beforeAll(async () => {
  cloud = await startLocalCloud({
    port: 0,
    inMemory: true,
    quiet: true,
    tableName: 'seed-crm-campaigns-test',
  });
  client = localCloudClient(cloud);
  store = { client: client.documents, tableName: cloud.tableName };
});
afterAll(async () => {
  await cloud?.stop();
});

interface StoredMail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
}

async function mailbox(): Promise<StoredMail[]> {
  const response = await fetch(`${cloud.sesEndpoint}/store`);
  return ((await response.json()) as { emails: StoredMail[] }).emails;
}

/** How many messages each address of a workspace's seeded audience got. */
async function messagesPerAddress(domain: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const mail of await mailbox()) {
    for (const to of mail.destination.to)
      if (to.endsWith(`@${domain}`)) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}

/** A workspace with email settings, a compiled template and a list of `contacts`. */
async function workspaceWith(contacts: (domain: string) => SeededContact[]) {
  const workspaceId = newWorkspaceId('camp');
  const domain = `${workspaceId}.example.com`;
  const api = await client.apiAs(workspaceId);
  // as the email capability's settings route keeps them
  await seedEmailSettings(store, workspaceId);
  const listId = await seedList(store, workspaceId, 'Readers');
  const templateId = await seedCompiledTemplate(store, workspaceId);
  const seeded = contacts(domain);
  await seedAudience(store, workspaceId, listId, seeded);
  return { workspaceId, domain, api, listId, templateId, seeded };
}

const subscribed = (domain: string, count: number, prefix = 'r'): SeededContact[] =>
  Array.from({ length: count }, (_, at) => ({
    id: newId(),
    email: `${prefix}${at}@${domain}`,
    marketing: 'subscribed' as const,
    firstName: `Reader${at}`,
  }));

async function createCampaign(
  api: Awaited<ReturnType<ReturnType<typeof localCloudClient>['apiAs']>>,
  body: Record<string, unknown>,
): Promise<Campaign> {
  const created = await api<Campaign>('POST', '/api/email/campaigns', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A runner's ports against this local cloud (the child process builds the same from the environment). */
function runnerDeps(overrides: Partial<RunnerDeps> = {}): RunnerDeps {
  return {
    store,
    clock: () => new Date(),
    mailer: mailerFromEnv(),
    sending: sendingConfigFromEnv(),
    publicApiUrl: process.env.PUBLIC_API_URL ?? 'http://127.0.0.1',
    ...overrides,
  };
}

/**
 * Schedules for tomorrow (CONTENT snapshotted, no run event), then moves the campaign to preparing with a
 * run id by hand: the clock's start without its event, so the test drives the runner itself.
 */
async function startByHand(
  api: Awaited<ReturnType<ReturnType<typeof localCloudClient>['apiAs']>>,
  workspaceId: string,
  campaignId: string,
): Promise<string> {
  const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 16);
  const scheduled = await api<Campaign>('POST', `/api/email/campaigns/${campaignId}/schedule`, {
    sendAt: tomorrow,
  });
  expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(202);
  const runId = newId();
  const running = campaignsKeys.campaignRunning(workspaceId, campaignId);
  await store.client.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: campaignsKeys.campaign(workspaceId, campaignId),
      UpdateExpression: 'SET #status = :preparing, runId = :runId, gsi2pk = :pk, gsi2sk = :sk',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':preparing': 'preparing',
        ':runId': runId,
        ':pk': running.gsi2pk,
        ':sk': running.gsi2sk,
      },
    }),
  );
  return runId;
}

const forever = { timeLeftMs: () => 15 * 60_000 };

describe('campaigns', () => {
  it('count the audience and prepare it with the same skip reasons, then send each recipient exactly one message', async () => {
    const { workspaceId, domain, api, listId, templateId, seeded } = await workspaceWith((domain) => [
      ...subscribed(domain, 6),
      { id: newId(), marketing: 'subscribed' }, // no_email
      { id: newId(), email: `none@${domain}` }, // no_consent
      { id: newId(), email: `gone@${domain}`, marketing: 'unsubscribed' },
      { id: newId(), email: `bounced@${domain}`, marketing: 'subscribed' },
      { id: newId(), email: `vip@${domain}`, marketing: 'subscribed', tags: ['vip'] }, // excluded by tag
      { id: newId(), email: `staff@${domain}`, marketing: 'subscribed' }, // excluded by list
    ]);
    const suppressed = await api('POST', '/api/email/suppressions', { email: `bounced@${domain}` });
    expect(suppressed.status, JSON.stringify(suppressed.body)).toBe(201);
    const staffList = await seedList(store, workspaceId, 'Staff');
    const staff = seeded.find((contact) => contact.email?.startsWith('staff@')) as SeededContact;
    // the staff member is on the staff list and, again, on a second included list: one recipient at most
    await seedAudience(store, workspaceId, staffList, [staff]);
    const second = await seedList(store, workspaceId, 'Also readers');
    await seedAudience(store, workspaceId, second, seeded.slice(0, 3));
    const audience = {
      include: [
        { kind: 'list', listId },
        { kind: 'list', listId: second },
      ],
      exclude: [
        { kind: 'list', listId: staffList },
        { kind: 'tag', tag: 'vip' },
      ],
    };
    const count = await api<AudienceCount>('POST', '/api/email/campaigns/audience-count', { audience });
    expect(count.status, JSON.stringify(count.body)).toBe(200);
    expect(count.body).toEqual({
      contacts: 12,
      recipients: 6,
      skippedBy: { no_email: 1, no_consent: 1, unsubscribed: 1, suppressed: 1, excluded: 2 },
    });

    const campaign = await createCampaign(api, { name: 'Spring', templateId, audience });
    const scheduled = await api<Campaign>('POST', `/api/email/campaigns/${campaign.id}/schedule`, {});
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(202);
    expect(scheduled.body.status).toBe('preparing');
    await client.drained();
    const done = await waitFor(
      async () => (await api<Campaign>('GET', `/api/email/campaigns/${campaign.id}`)).body,
      (value) => value.status === 'sent',
    );
    expect(done.status).toBe('sent');
    expect(done.counters).toMatchObject({
      audience: 12,
      queued: 6,
      sent: 6,
      failed: 0,
      skipped: 6,
      skippedBy: { no_email: 1, no_consent: 1, unsubscribed: 1, suppressed: 1, excluded: 2 },
    });
    const perAddress = await messagesPerAddress(domain);
    expect([...perAddress.entries()].sort()).toEqual(
      Array.from({ length: 6 }, (_, at) => [`r${at}@${domain}`, 1] as [string, number]).sort(),
    );
    const mail = (await mailbox()).find((each) => each.destination.to[0] === `r1@${domain}`) as StoredMail;
    expect(mail.subject).toBe('Spring news for Reader1');
    expect(mail.body.html).toContain('Hello Reader1, our espresso is back.');
    expect(mail.body.html).toContain('Kastanienallee 1, 10435 Berlin');
    expect(mail.body.text).toContain('/email/preferences/');
    // the reader's own unsubscribe link opens the page that asks first; the header's is the one-click POST
    expect(mail.body.text).toMatch(/Unsubscribe: http\S+\/email\/preferences\/\S+\?unsubscribe=1\n/);
    const headers = Object.fromEntries((mail.headers ?? []).map((header) => [header.name, header.value]));
    expect(headers['List-Unsubscribe']).toMatch(/^<http.*\/api\/email\/unsubscribe\/.+>$/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    const skipped = await api<RecipientPage>(
      'GET',
      `/api/email/campaigns/${campaign.id}/recipients?status=skipped`,
    );
    expect(skipped.body.items.map((recipient) => recipient.skipReason).sort()).toEqual([
      'excluded',
      'excluded',
      'no_consent',
      'no_email',
      'suppressed',
      'unsubscribed',
    ]);
    const sent = await api<RecipientPage>(
      'GET',
      `/api/email/campaigns/${campaign.id}/recipients?status=sent`,
    );
    expect(sent.body.items).toHaveLength(6);
    expect(sent.body.items.every((recipient) => recipient.messageId && recipient.sentAt)).toBe(true);
    const report = await api<CampaignReport>('GET', `/api/email/campaigns/${campaign.id}/report`);
    expect(report.body).toMatchObject({ status: 'sent', sent: 6, skipped: 6, cancelled: 0 });
    expect(report.body.overTime.reduce((sum, hour) => sum + hour.sent, 0)).toBe(6);
    const timeline = await api<{ items: { type: string }[] }>(
      'GET',
      `/api/contacts/${seeded[0]?.id}/activities`,
    );
    expect(timeline.body.items?.map((entry) => entry.type)).toContain('campaign_email.sent');
    const completed = cloud.eventBus
      .published()
      .filter((entry) => entry.event['detail-type'] === 'campaign.completed')
      .filter((entry) => (entry.event.detail as { campaignId?: string }).campaignId === campaign.id);
    expect(completed).toHaveLength(1);

    // a redelivered run event, or a stale one, sends nothing more
    const runId = (await findCampaign(store, workspaceId, campaign.id))?.runId as string;
    expect(await runCampaign(runnerDeps(), { workspaceId, campaignId: campaign.id, runId }, forever)).toBe(
      'not_running',
    );
    expect(
      await runCampaign(runnerDeps(), { workspaceId, campaignId: campaign.id, runId: newId() }, forever),
    ).toBe('stale');
    expect([...(await messagesPerAddress(domain)).values()].every((count) => count === 1)).toBe(true);
  });

  it('refuses to schedule without a compiled template, in the past, and answers state errors with the status', async () => {
    const { api, listId, templateId } = await workspaceWith((domain) => subscribed(domain, 1));
    const audience = { include: [{ kind: 'list', listId }], exclude: [] };
    const missing = await api('POST', '/api/email/campaigns', {
      name: 'Nope',
      templateId: newId(),
      audience,
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: 'campaign.template_not_found' } });
    const noList = await api('POST', '/api/email/campaigns', {
      name: 'Nope',
      templateId,
      audience: { include: [{ kind: 'list', listId: newId() }], exclude: [] },
    });
    expect(noList.body).toMatchObject({ error: { code: 'campaign.list_not_found' } });
    const campaign = await createCampaign(api, { name: 'Later', templateId, audience });
    const past = await api('POST', `/api/email/campaigns/${campaign.id}/schedule`, {
      sendAt: '2020-01-01T09:00',
    });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ error: { code: 'campaign.send_at_past' } });
    const pause = await api('POST', `/api/email/campaigns/${campaign.id}/pause`, {});
    expect(pause.status).toBe(409);
    expect(pause.body).toMatchObject({
      error: { code: 'campaign.invalid_state', fields: { status: 'draft' } },
    });
    const later = await api<Campaign>('POST', `/api/email/campaigns/${campaign.id}/schedule`, {
      sendAt: '2099-06-01T09:00',
    });
    expect(later.body).toMatchObject({
      status: 'scheduled',
      schedule: {
        sendAt: '2099-06-01T09:00',
        timeZone: 'Europe/Berlin',
        sendAtUtc: '2099-06-01T07:00:00.000Z',
      },
    });
    const stale = await api(
      'PATCH',
      `/api/email/campaigns/${campaign.id}`,
      { name: 'Renamed' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    const renamed = await api<Campaign>(
      'PATCH',
      `/api/email/campaigns/${campaign.id}`,
      { name: 'Renamed' },
      { 'if-match': `"${later.body.version}"` },
    );
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.name).toBe('Renamed');
  });

  it('start a scheduled campaign when its time comes (CampaignClock)', async () => {
    const { workspaceId, domain, api, listId, templateId } = await workspaceWith((domain) =>
      subscribed(domain, 2),
    );
    const campaign = await createCampaign(api, {
      name: 'Due',
      templateId,
      audience: { include: [{ kind: 'list', listId }], exclude: [] },
    });
    const soon = await api<Campaign>('POST', `/api/email/campaigns/${campaign.id}/schedule`, {
      sendAt: '2099-01-01T00:00',
    });
    expect(soon.body.status).toBe('scheduled');
    const at = new Date(Date.parse(soon.body.schedule?.sendAtUtc as string) + 1000);
    expect(await campaignClockInWorkspace({ store, clock: () => at }, workspaceId)).toMatchObject({
      started: 1,
    });
    await client.drained();
    const done = await waitFor(
      async () => (await api<Campaign>('GET', `/api/email/campaigns/${campaign.id}`)).body,
      (value) => value.status === 'sent',
    );
    expect(done.counters.sent).toBe(2);
    expect([...(await messagesPerAddress(domain)).values()]).toEqual([1, 1]);
  });

  it('pause stops the runner after the message under way; resume sends the rest, each once', async () => {
    const { domain, api, listId, templateId } = await workspaceWith((domain) => subscribed(domain, 10));
    const campaign = await createCampaign(api, {
      name: 'Slow',
      templateId,
      audience: { include: [{ kind: 'list', listId }], exclude: [] },
      sendRatePerSecond: 4,
    });
    await api('POST', `/api/email/campaigns/${campaign.id}/schedule`, {});
    await waitFor(
      async () => (await api<Campaign>('GET', `/api/email/campaigns/${campaign.id}`)).body,
      (value) => value.counters.sent >= 2,
    );
    const paused = await api<Campaign>('POST', `/api/email/campaigns/${campaign.id}/pause`, {});
    expect(paused.status, JSON.stringify(paused.body)).toBe(202);
    expect(paused.body.status).toBe('paused');
    await client.drained();
    const atPause = (await api<Campaign>('GET', `/api/email/campaigns/${campaign.id}`)).body;
    await new Promise((resolve) => setTimeout(resolve, 700));
    const later = (await api<Campaign>('GET', `/api/email/campaigns/${campaign.id}`)).body;
    expect(later.counters.sent).toBe(atPause.counters.sent);
    expect(later.counters.sent).toBeLessThan(10);
    expect((await mailbox()).filter((mail) => mail.destination.to[0]?.endsWith(domain))).toHaveLength(
      later.counters.sent,
    );

    const resumed = await api<Campaign>('POST', `/api/email/campaigns/${campaign.id}/resume`, {});
    expect(resumed.body.status).toBe('sending');
    await client.drained();
    const done = await waitFor(
      async () => (await api<Campaign>('GET', `/api/email/campaigns/${campaign.id}`)).body,
      (value) => value.status === 'sent',
    );
    expect(done.counters.sent).toBe(10);
    const perAddress = await messagesPerAddress(domain);
    expect(perAddress.size).toBe(10);
    expect([...perAddress.values()].every((count) => count === 1)).toBe(true);
  });

  it('cancel leaves the queued recipients unsent and reports them as cancelled', async () => {
    const { domain, api, listId, templateId } = await workspaceWith((domain) => subscribed(domain, 10));
    const campaign = await createCampaign(api, {
      name: 'Stop it',
      templateId,
      audience: { include: [{ kind: 'list', listId }], exclude: [] },
      sendRatePerSecond: 4,
    });
    await api('POST', `/api/email/campaigns/${campaign.id}/schedule`, {});
    await waitFor(
      async () => (await api<Campaign>('GET', `/api/email/campaigns/${campaign.id}`)).body,
      (value) => value.counters.sent >= 1,
    );
    const cancelled = await api<Campaign>('POST', `/api/email/campaigns/${campaign.id}/cancel`, {});
    expect(cancelled.body.status).toBe('cancelled');
    await client.drained();
    const after = (await api<Campaign>('GET', `/api/email/campaigns/${campaign.id}`)).body;
    const sentMails = (await mailbox()).filter((mail) => mail.destination.to[0]?.endsWith(domain));
    expect(sentMails).toHaveLength(after.counters.sent);
    expect(after.counters.sent).toBeLessThan(10);
    const report = await api<CampaignReport>('GET', `/api/email/campaigns/${campaign.id}/report`);
    expect(report.body.cancelled).toBe(10 - after.counters.sent);
    const again = await api('POST', `/api/email/campaigns/${campaign.id}/resume`, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      error: { code: 'campaign.invalid_state', fields: { status: 'cancelled' } },
    });
  });

  it('back off when SES throttles and send the same recipient again, never twice', async () => {
    const { workspaceId, domain, api, listId, templateId } = await workspaceWith((domain) =>
      subscribed(domain, 4),
    );
    // at 5 a second one message is under way at a time: the back-off of one recipient is what is seen
    const campaign = await createCampaign(api, {
      name: 'Throttled',
      templateId,
      audience: { include: [{ kind: 'list', listId }], exclude: [] },
      sendRatePerSecond: 5,
    });
    const runId = await startByHand(api, workspaceId, campaign.id);
    const real = mailerFromEnv();
    let refusals = 0;
    const sleeps: number[] = [];
    const throttling = {
      async send(message: EmailMessage) {
        // SES above the quota: the second and third calls are refused as SES refuses them
        if (
          refusals < 2 &&
          (await mailbox()).filter((mail) => mail.destination.to[0]?.endsWith(domain)).length === 1
        ) {
          refusals++;
          throw Object.assign(new Error('Maximum sending rate exceeded.'), {
            name: 'TooManyRequestsException',
            $metadata: { httpStatusCode: 429 },
          });
        }
        return real.send(message);
      },
    };
    const outcome = await runCampaign(
      runnerDeps({
        mailer: throttling,
        sleep: async (ms) => {
          sleeps.push(ms);
          await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50)));
        },
      }),
      { workspaceId, campaignId: campaign.id, runId },
      forever,
    );
    expect(outcome).toBe('completed');
    expect(refusals).toBe(2);
    expect(sleeps.filter((ms) => ms === 200 || ms === 400)).toEqual([200, 400]);
    const perAddress = await messagesPerAddress(domain);
    expect(perAddress.size).toBe(4);
    expect([...perAddress.values()].every((count) => count === 1)).toBe(true);
  });

  it('fail a recipient SES rejects for good, with the reason, and go on', async () => {
    const { workspaceId, api, listId, templateId } = await workspaceWith((domain) => subscribed(domain, 3));
    const campaign = await createCampaign(api, {
      name: 'Rejected',
      templateId,
      audience: { include: [{ kind: 'list', listId }], exclude: [] },
    });
    const runId = await startByHand(api, workspaceId, campaign.id);
    const real = mailerFromEnv();
    const rejecting = {
      async send(message: EmailMessage) {
        if (message.to.startsWith('r1@'))
          throw Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' });
        return real.send(message);
      },
    };
    expect(
      await runCampaign(
        runnerDeps({ mailer: rejecting }),
        { workspaceId, campaignId: campaign.id, runId },
        forever,
      ),
    ).toBe('completed');
    const done = (await api<Campaign>('GET', `/api/email/campaigns/${campaign.id}`)).body;
    expect(done.counters).toMatchObject({ sent: 2, failed: 1 });
    const failed = await api<RecipientPage>(
      'GET',
      `/api/email/campaigns/${campaign.id}/recipients?status=failed`,
    );
    expect(failed.body.items).toEqual([
      expect.objectContaining({ status: 'failed', failure: 'Email address is not verified.' }),
    ]);
  });

  for (const killAt of ['claimed', 'sent'] as const) {
    it(`survive the sender killed mid-campaign (${killAt === 'claimed' ? 'after a claim, before SES' : 'after SES, before the record'}): every recipient gets exactly one message`, async () => {
      const total = 30;
      const { workspaceId, domain, api, listId, templateId } = await workspaceWith((domain) =>
        subscribed(domain, total),
      );
      const campaign = await createCampaign(api, {
        name: `Killed ${killAt}`,
        templateId,
        audience: { include: [{ kind: 'list', listId }], exclude: [] },
      });
      const runId = await startByHand(api, workspaceId, campaign.id);

      // the sender, in a process of its own, SIGKILLed at the 12th such point
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(repoRoot, 'test/support/run-campaign-child.ts'),
          workspaceId,
          campaign.id,
          runId,
        ],
        {
          cwd: repoRoot,
          env: { ...process.env, KILL_AT: killAt, KILL_AFTER: '12', LEASE_MS: '1500' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, sig) => resolve(sig)),
      );
      expect(signal, stderr).toBe('SIGKILL');
      const mails = await mailbox();
      const sentBeforeKill = mails.filter((mail) => mail.destination.to[0]?.endsWith(domain));
      // several messages are under way at once: killed at the 12th claim, at most 11 reached SES (the
      // others' claims are in flight too); killed after SES accepted the 12th, at least 12 did
      const workers = sendConcurrency(sendingConfigFromEnv().maxSendRate);
      if (killAt === 'claimed') expect(sentBeforeKill.length).toBeLessThanOrEqual(11);
      else expect(sentBeforeKill.length).toBeGreaterThanOrEqual(12);
      expect(sentBeforeKill.length).toBeGreaterThanOrEqual(12 - workers);
      // the local SES front publishes SES's Send event for every accepted message: RecordEmailEvent records
      // those the runner could not (after SES, before the record); a claim SES never saw stays in flight
      await client.drained();
      const inFlight = await api<RecipientPage>(
        'GET',
        `/api/email/campaigns/${campaign.id}/recipients?status=sending`,
      );
      if (killAt === 'claimed') expect(inFlight.body.items.length).toBeGreaterThanOrEqual(1);
      expect(inFlight.body.items.length).toBeLessThanOrEqual(workers);
      const recipients = await api<RecipientPage>(
        'GET',
        `/api/email/campaigns/${campaign.id}/recipients?limit=100`,
      );
      const contactOf = new Map(recipients.body.items.map((item) => [item.email, item.contactId]));

      // its events come again: SES's Send event for every message it accepted (each recorded once) ...
      for (const mail of sentBeforeKill) {
        const contactId = contactOf.get(mail.destination.to[0]);
        expect(contactId).toBeDefined();
        if (!contactId) continue;
        const detail = {
          eventType: 'Send',
          mail: {
            timestamp: new Date().toISOString(),
            messageId: mail.messageId,
            destination: mail.destination.to,
            tags: {
              crm_workspace: [workspaceId],
              crm_campaign: [campaign.id],
              crm_contact: [contactId],
              crm_kind: ['campaign'],
            },
          },
        } as unknown as SesEventDetail;
        const subject = messageSubjectOf(detail);
        expect(subject).toBeDefined();
        await recordEmailEvent(
          { store, clock: () => new Date(), log: { info: () => undefined, warn: () => undefined } },
          { eventId: `send-${mail.messageId}`, detail, subject: subject as NonNullable<typeof subject> },
        );
      }
      // ... and the run event is delivered again: the dead runner's lease still holds it, then expires
      const deps = runnerDeps({ leaseMs: 1500 });
      const redelivered = await runCampaign(deps, { workspaceId, campaignId: campaign.id, runId }, forever);
      expect(['leased_elsewhere', 'waiting_in_doubt', 'completed']).toContain(redelivered);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      // the clock puts a send SES never accepted back to queued (in doubt after 0 s here) and, the lease
      // having expired, asks for the run again: the bus's RunCampaign finishes it
      const clock = await campaignClockInWorkspace({ store, clock: () => new Date() }, workspaceId, {
        inDoubtAfterSeconds: 0,
      });
      expect(clock.requeued).toBe(redelivered === 'completed' ? 0 : inFlight.body.items.length);
      await client.drained();
      await waitFor(
        async () => (await api<Campaign>('GET', `/api/email/campaigns/${campaign.id}`)).body,
        (value) => value.status === 'sent',
      );

      const perAddress = await messagesPerAddress(domain);
      expect(perAddress.size, 'nobody skipped').toBe(total);
      expect(
        [...perAddress.values()].filter((count) => count !== 1),
        'no duplicates',
      ).toEqual([]);
      const done = (await api<Campaign>('GET', `/api/email/campaigns/${campaign.id}`)).body;
      expect(done).toMatchObject({
        status: 'sent',
        counters: { queued: total, sent: total, failed: 0, skipped: 0 },
      });
    });
  }
});
