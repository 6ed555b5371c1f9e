import { getEmailSettings, type SenderSettings } from '../email/email-settings-store';
import type { EmailMessage, Mailer } from '../email/mailer';
import {
  marketingFooter,
  marketingHeaders,
  marketingLinks,
  withHtmlFooter,
} from '../email/marketing-headers';
import { messageTags } from '../email/message-tags';
import type { SendingConfig } from '../email/sending-config';
import { MergeContextLoader } from '../email-templates/merge-context-loader';
import {
  type MergePart,
  parseMergeFields,
  renderMergeFields,
  renderSubject,
} from '../email-templates/merge-fields';
import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { newId } from '../platform/ids';
import { logger } from '../platform/logger';
import { type RateCounter, takeFromRateLimits } from '../platform/rate-limit';
import { recordKeys } from '../records/record-keys';
import { UpdateCommand } from '../store/document-client';
import { batchGetItems, queryIndexPages } from '../store/queries';
import { crmTable } from '../store/table';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { audiencePage, decideAudience } from './audience';
import type { SkipReason } from './campaign';
import { CampaignCompleted, CampaignRunRequested } from './campaign-events';
import { recipientItem, requeueRecipient } from './campaign-runs';
import { campaignsKeys } from './campaigns-keys';
import {
  type CampaignItem,
  campaignItemOf,
  findCampaign,
  type PrepareCursor,
  type RecipientItem,
  readCampaignContent,
  recipientItemOf,
} from './campaigns-store';
import { recordSent } from './record-sent';
import {
  effectiveRate,
  isPermanentRejection,
  isThrottling,
  sendConcurrency,
  throttleBackoffMs,
} from './send-pacing';

type Item = Record<string, unknown>;

/** What a runner needs besides the store and clock. */
export interface RunnerDeps extends Deps {
  mailer: Mailer;
  sending: SendingConfig;
  /** The deployment's own address, for the unsubscribe and preference links. */
  publicApiUrl: string;
  /** How long a runner holds a campaign without renewing (renewed every page). */
  leaseMs?: number;
  /** Stop and hand over by event when less than this is left (default 60 s). */
  stopBeforeMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Test seam: called at the points a runner can die (after a claim, after SES accepted). */
  checkpoint?: (point: 'claimed' | 'sent', contactId: string) => void | Promise<void>;
}

export interface RunContext {
  timeLeftMs: () => number;
}

export type RunOutcome =
  | 'stale'
  | 'leased_elsewhere'
  | 'stopped'
  | 'continued'
  | 'completed'
  | 'waiting_in_doubt'
  | 'not_running';

const defaultLeaseMs = 2 * 60_000;
/** While sending, the campaign's status is read again (and the lease renewed) this often. */
const statusCheckMs = 1000;
const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * RunCampaign (decision 170). Primary course:
 * 1. an event whose run id is not the campaign's current one, or a campaign not preparing or sending, is
 *    ignored; the runner takes the campaign's lease (or leaves it to the runner that holds it);
 * 2. preparing: pages of the audience become recipients, each page in one transaction conditioned on the
 *    cursor it started from; the last one moves the campaign to sending;
 * 3. sending: queued recipients by index, each claimed (queued → sending), sent through SES at the send
 *    rate, and recorded (sending → sent) — or failed for good, or given back after throttling;
 * 4. each page: the lease is renewed and the status checked (paused or cancelled stop it); with less than
 *    `stopBeforeMs` left the runner hands over to a new run event with the same run id;
 * 5. no queued and no in-flight recipient left: sent, with campaign.completed.
 */
export async function runCampaign(
  deps: RunnerDeps,
  request: { workspaceId: string; campaignId: string; runId: string },
  context: RunContext,
): Promise<RunOutcome> {
  const { workspaceId, campaignId, runId } = request;
  const campaign = await findCampaign(deps.store, workspaceId, campaignId);
  if (!campaign || campaign.runId !== runId) return 'stale';
  if (campaign.status !== 'preparing' && campaign.status !== 'sending') return 'not_running';
  const owner = newId(deps.clock().getTime());
  if (!(await takeLease(deps, workspaceId, campaign, owner))) return 'leased_elsewhere';
  const runner = new Runner(deps, workspaceId, campaignId, runId, owner, context);
  try {
    return await runner.run();
  } catch (error) {
    await runner.releaseLease().catch(() => undefined);
    throw error;
  }
}

async function takeLease(
  deps: RunnerDeps,
  workspaceId: string,
  campaign: CampaignItem,
  owner: string,
): Promise<boolean> {
  const now = deps.clock();
  try {
    await deps.store.client.send(
      new UpdateCommand({
        TableName: deps.store.tableName,
        Key: campaignsKeys.campaign(workspaceId, campaign.id),
        UpdateExpression: 'SET leaseUntil = :until, leaseOwner = :owner',
        ConditionExpression:
          'runId = :runId AND #status IN (:preparing, :sending) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':until': new Date(now.getTime() + (deps.leaseMs ?? defaultLeaseMs)).toISOString(),
          ':owner': owner,
          ':runId': campaign.runId,
          ':preparing': 'preparing',
          ':sending': 'sending',
          ':now': now.toISOString(),
        },
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

class Runner {
  private settings: SenderSettings | undefined;
  private parts: { subject: MergePart[]; html: MergePart[]; text: MergePart[] } | undefined;
  private loader: MergeContextLoader | undefined;
  private throttledAt: number | undefined;
  private campaignRate: number | undefined;
  private counterWrites: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: RunnerDeps,
    private readonly workspaceId: string,
    private readonly campaignId: string,
    private readonly runId: string,
    private readonly owner: string,
    private readonly context: RunContext,
  ) {}

  private get key() {
    return campaignsKeys.campaign(this.workspaceId, this.campaignId);
  }

  async run(): Promise<RunOutcome> {
    for (;;) {
      const campaign = await this.check();
      if (!campaign) return 'stopped';
      if (this.context.timeLeftMs() < (this.deps.stopBeforeMs ?? 60_000)) {
        await this.handOver();
        return 'continued';
      }
      if (campaign.status === 'preparing') {
        await this.preparePage(campaign);
        continue;
      }
      const outcome = await this.sendPage(campaign);
      if (outcome !== 'more') return outcome;
    }
  }

  /**
   * The check of every page: still this run's, still preparing or sending, and the lease renewed. A
   * campaign paused, cancelled or taken over by a newer run stops the runner (undefined).
   */
  private async check(): Promise<CampaignItem | undefined> {
    const now = this.deps.clock();
    try {
      const { Attributes } = await this.deps.store.client.send(
        new UpdateCommand({
          TableName: this.deps.store.tableName,
          Key: this.key,
          UpdateExpression: 'SET leaseUntil = :until',
          ConditionExpression: 'runId = :runId AND leaseOwner = :owner AND #status IN (:preparing, :sending)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':until': new Date(now.getTime() + (this.deps.leaseMs ?? defaultLeaseMs)).toISOString(),
            ':owner': this.owner,
            ':runId': this.runId,
            ':preparing': 'preparing',
            ':sending': 'sending',
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const campaign = campaignItemOf(Attributes ?? {});
      this.campaignRate = campaign.sendRatePerSecond;
      return campaign;
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return undefined;
      throw error;
    }
  }

  async releaseLease(): Promise<void> {
    await this.deps.store.client.send(
      new UpdateCommand({
        TableName: this.deps.store.tableName,
        Key: this.key,
        UpdateExpression: 'REMOVE leaseUntil, leaseOwner',
        ConditionExpression: 'leaseOwner = :owner',
        ExpressionAttributeValues: { ':owner': this.owner },
      }),
    );
  }

  /** Out of time: the lease released and the next run event, in one transaction (the chain goes on). */
  private async handOver(): Promise<void> {
    const now = this.deps.clock();
    await writeTransaction(this.deps.store, [
      {
        Update: {
          TableName: this.deps.store.tableName,
          Key: this.key,
          UpdateExpression: 'SET requestedAt = :now REMOVE leaseUntil, leaseOwner',
          ConditionExpression: 'leaseOwner = :owner AND runId = :runId',
          ExpressionAttributeValues: {
            ':now': now.toISOString(),
            ':owner': this.owner,
            ':runId': this.runId,
          },
        },
      },
      ...outboxWrite(
        this.deps.store.tableName,
        this.workspaceId,
        [pendingEvent(CampaignRunRequested, { campaignId: this.campaignId, runId: this.runId })],
        now,
      ),
    ]);
  }

  // ------------------------------------------------------------------------------------------ preparing

  /**
   * One page of the audience: its new contacts become recipients (queued, or skipped with the reason), in
   * one transaction with the campaign's cursor and counters, conditioned on the cursor this page started
   * from: a crash or a second runner repeats a page at most, never counts it twice.
   */
  private async preparePage(campaign: CampaignItem): Promise<void> {
    const cursor: PrepareCursor = campaign.cursor ?? { source: 0 };
    const now = this.deps.clock();
    const ids =
      cursor.source < campaign.audience.include.length
        ? await audiencePage(this.deps.store, this.workspaceId, campaign.audience, cursor)
        : [];
    const done = ids.length === 0 && cursor.source + 1 >= campaign.audience.include.length;
    const next: PrepareCursor =
      ids.length === 0
        ? { source: cursor.source + 1 }
        : { source: cursor.source, after: ids[ids.length - 1] };
    const decisions = await decideAudience(
      this.deps.store,
      this.workspaceId,
      ids,
      campaign.audience.exclude,
      this.campaignId,
    );
    let sequence = campaign.nextSequence ?? 0;
    const skippedBy: Partial<Record<SkipReason, number>> = {};
    const puts: TransactItem[] = decisions.map((decision) => {
      sequence++;
      if (decision.skipReason) skippedBy[decision.skipReason] = (skippedBy[decision.skipReason] ?? 0) + 1;
      return {
        Put: {
          TableName: this.deps.store.tableName,
          Item: recipientItem(this.workspaceId, this.campaignId, decision, sequence, now),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
    });
    const skipped = Object.values(skippedBy).reduce((sum, count) => sum + count, 0);
    const counts: Record<string, number> = {
      audience: decisions.length,
      queued: decisions.length - skipped,
      skipped,
    };
    const adds = [
      ...Object.entries(counts).map(([name, count]) => [`counters.${name}`, count] as const),
      ...Object.entries(skippedBy).map(([reason, count]) => [`counters.skippedBy.${reason}`, count] as const),
    ].filter(([, count]) => count > 0);
    const values: Item = {
      ...(campaign.cursorToken ? { ':from': campaign.cursorToken } : {}),
      ':runId': this.runId,
      ':owner': this.owner,
      ':preparing': 'preparing',
      ':next': JSON.stringify(next),
      ':sequence': sequence,
      ...Object.fromEntries(adds.map(([, count], at) => [`:add${at}`, count])),
    };
    const sets = ['cursorToken = :next', 'nextSequence = :sequence'];
    if (done) {
      sets.push('#status = :sending', 'prepared = :true');
      Object.assign(values, { ':sending': 'sending', ':true': true });
    }
    const update: TransactItem = {
      Update: {
        TableName: this.deps.store.tableName,
        Key: this.key,
        UpdateExpression: `SET ${sets.join(', ')}${
          adds.length > 0 ? ` ADD ${adds.map(([path], at) => `${path} :add${at}`).join(', ')}` : ''
        }`,
        ConditionExpression: `${campaign.cursorToken ? 'cursorToken = :from' : 'attribute_not_exists(cursorToken)'} AND runId = :runId AND leaseOwner = :owner AND #status = :preparing`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      },
    };
    try {
      await writeTransaction(this.deps.store, [update, ...puts], { attempts: 8 });
    } catch (error) {
      const reasons = cancellationReasons(error);
      // the cursor moved on (another runner, or this page was written before a crash): read it again
      if (reasons && failedAt(reasons, 0)) return;
      throw error;
    }
  }

  // -------------------------------------------------------------------------------------------- sending

  private async prepareRendering(): Promise<boolean> {
    if (this.parts) return true;
    const [settings, content] = await Promise.all([
      getEmailSettings({ store: this.deps.store, sending: this.deps.sending }, this.workspaceId),
      readCampaignContent(this.deps.store, this.workspaceId, this.campaignId),
    ]);
    if (!settings || !content) return false;
    const parse = (source: string) => {
      const parsed = parseMergeFields(source);
      // a snapshot's fields were checked on save; a part that no longer parses is sent as written
      return parsed.ok ? parsed.parts : [{ kind: 'text' as const, text: source }];
    };
    this.settings = settings;
    this.parts = { subject: parse(content.subject), html: parse(content.html), text: parse(content.text) };
    this.loader = new MergeContextLoader(this.deps.store, this.workspaceId, settings.fromName);
    return true;
  }

  /** One page of queued recipients, each claimed, sent and recorded; 'more' while there may be more. */
  private async sendPage(campaign: CampaignItem): Promise<'more' | RunOutcome> {
    const pages = queryIndexPages(
      this.deps.store,
      crmTable.indexes.byCollection,
      campaignsKeys.queuedPartition(this.workspaceId, this.campaignId),
      { pageSize: 25 },
    );
    let page: Item[] = [];
    for await (const items of pages) {
      page = items;
      break;
    }
    if (page.length === 0) return this.finish(campaign);
    if (!(await this.prepareRendering())) throw new Error('campaign content or email settings missing');
    const recipients = page.map(recipientItemOf);
    const contacts = await batchGetItems(
      this.deps.store,
      recipients.map((recipient) => recordKeys.record(this.workspaceId, 'CONTACT', recipient.contactId)),
    );
    const links = new Map(
      recipients.map((recipient) => [
        recipient.contactId,
        marketingLinks(this.deps.publicApiUrl, this.settings?.linkSecret ?? '', {
          workspaceId: this.workspaceId,
          contactId: recipient.contactId,
          campaignId: this.campaignId,
        }),
      ]),
    );
    const contexts = await (this.loader as MergeContextLoader).contextsFor(contacts, (contact) => {
      const link = links.get(String(contact.id));
      // the reader's unsubscribe link opens the page (a GET must not unsubscribe); mail clients POST the header's
      return link ? { unsubscribeUrl: link.pageUnsubscribeUrl, preferencesUrl: link.preferencesUrl } : {};
    });
    // a few messages are under way at once (SES answers in tens of milliseconds): the pacing keeps the rate
    let checkedAt = this.deps.clock().getTime();
    let next = 0;
    let stop: 'more' | 'stopped' | undefined;
    const sendNext = async (): Promise<void> => {
      while (stop === undefined && next < recipients.length) {
        const recipient = recipients[next++] as RecipientItem;
        if (this.context.timeLeftMs() < (this.deps.stopBeforeMs ?? 60_000)) {
          stop = 'more';
          return;
        }
        // a pause or cancel stops the runner after the messages under way: checked at most once a second
        if (this.deps.clock().getTime() - checkedAt >= statusCheckMs) {
          checkedAt = this.deps.clock().getTime();
          if (!(await this.check())) stop = 'stopped';
          if (stop !== undefined) return;
        }
        const context = contexts.get(recipient.contactId);
        const link = links.get(recipient.contactId);
        if (!context || !link || !recipient.email) {
          const attemptId = await this.claim(recipient);
          if (attemptId) await this.fail(recipient, attemptId, 'The contact no longer exists.');
          continue;
        }
        await this.sendOne(campaign, recipient, this.message(recipient, context, link));
      }
    };
    const workers = sendConcurrency(this.deps.sending.maxSendRate, this.campaignRate);
    const outcomes = await Promise.allSettled(
      Array.from({ length: Math.min(workers, recipients.length) }, async () => {
        try {
          await sendNext();
        } catch (error) {
          // the others take no new recipient; what they have under way finishes
          stop = 'stopped';
          throw error;
        }
      }),
    );
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return stop ?? 'more';
  }

  private message(
    recipient: RecipientItem,
    context: Parameters<typeof renderMergeFields>[1],
    link: ReturnType<typeof marketingLinks>,
  ): EmailMessage {
    const settings = this.settings as SenderSettings;
    const parts = this.parts as NonNullable<Runner['parts']>;
    const footer = marketingFooter({
      preferencesUrl: link.preferencesUrl,
      postalAddress: settings.postalAddress,
      senderName: settings.fromName,
    });
    return {
      from: `"${settings.fromName.replace(/["\\]/g, '')}" <${settings.fromAddress}>`,
      to: recipient.email as string,
      ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
      subject: renderSubject(parts.subject, context),
      html: withHtmlFooter(renderMergeFields(parts.html, context, 'html'), footer),
      text: `${renderMergeFields(parts.text, context, 'text')}\n${footer.text}`,
      headers: marketingHeaders(link),
      tags: {
        [messageTags.workspace]: this.workspaceId,
        [messageTags.campaign]: this.campaignId,
        [messageTags.contact]: recipient.contactId,
        [messageTags.kind]: 'campaign',
      },
      configurationSet: this.deps.sending.configurationSet,
    };
  }

  /** queued → sending with this attempt's id (off the queued index, onto the in-flight one); undefined if lost. */
  private async claim(recipient: RecipientItem): Promise<string | undefined> {
    const attemptId = newId(this.deps.clock().getTime());
    const claimedAt = this.deps.clock().toISOString();
    const index = campaignsKeys.recipientSending(
      this.workspaceId,
      this.campaignId,
      claimedAt,
      recipient.contactId,
    );
    try {
      await this.deps.store.client.send(
        new UpdateCommand({
          TableName: this.deps.store.tableName,
          Key: campaignsKeys.recipient(this.workspaceId, this.campaignId, recipient.contactId),
          UpdateExpression:
            'SET #status = :sending, attemptId = :attempt, claimedAt = :at, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk',
          ConditionExpression: '#status = :queued',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':queued': 'queued',
            ':attempt': attemptId,
            ':at': claimedAt,
            ':gsi1pk': index.gsi1pk,
            ':gsi1sk': index.gsi1sk,
          },
        }),
      );
      return attemptId;
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return undefined;
      throw error;
    }
  }

  private async sendOne(
    campaign: CampaignItem,
    recipient: RecipientItem,
    message: EmailMessage,
  ): Promise<void> {
    const attemptId = await this.claim(recipient);
    if (!attemptId) return;
    await this.deps.checkpoint?.('claimed', recipient.contactId);
    const sleep = this.deps.sleep ?? sleepFor;
    for (let attempt = 1; ; attempt++) {
      await this.pace(sleep);
      try {
        const { messageId } = await this.deps.mailer.send(message);
        await this.deps.checkpoint?.('sent', recipient.contactId);
        await this.oneAtATime(() =>
          recordSent(this.deps.store, {
            workspaceId: this.workspaceId,
            campaignId: this.campaignId,
            contactId: recipient.contactId,
            ...(recipient.companyId ? { companyId: recipient.companyId } : {}),
            campaignName: campaign.name,
            subject: message.subject,
            messageId,
            sentAt: this.deps.clock().toISOString(),
          }),
        );
        return;
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
        if (isThrottling(error) || status >= 500) {
          // nothing was sent: the same recipient again after a back-off, at half the rate for a minute
          if (isThrottling(error)) this.throttledAt = this.deps.clock().getTime();
          if (this.context.timeLeftMs() < (this.deps.stopBeforeMs ?? 60_000) || attempt >= 12) {
            await this.giveBack(recipient, attemptId);
            return;
          }
          logger.warn('SES refused a send, backing off', { attempt, status, error });
          await sleep(throttleBackoffMs(attempt));
          continue;
        }
        if (isPermanentRejection(error)) {
          await this.fail(recipient, attemptId, (error as Error).message || (error as Error).name);
          return;
        }
        // in doubt (no answer): left `sending`; SES's Send event or the clock settles it
        logger.error('send in doubt', { contactId: recipient.contactId, error });
        return;
      }
    }
  }

  /**
   * Waits for a slot in the deployment's SES window and in the campaign's own (its rate, halved for a
   * minute after a throttle): both counters live in the table, so every runner of every campaign shares the
   * quota.
   */
  private async pace(sleep: (ms: number) => Promise<void>): Promise<void> {
    const quota = this.deps.sending.maxSendRate;
    for (;;) {
      const now = this.deps.clock();
      const own = effectiveRate(
        {
          quota,
          ...(this.campaignRate ? { campaignRate: this.campaignRate } : {}),
          ...(this.throttledAt !== undefined ? { throttledAt: this.throttledAt } : {}),
        },
        now.getTime(),
      );
      const counters: RateCounter[] = [
        // the campaign's own window only when it asks for less than the quota (or was throttled)
        ...(own < quota
          ? [
              {
                name: 'campaign',
                rate: { limit: own, windowSeconds: 1 },
                keyOf: (start: number) =>
                  campaignsKeys.campaignRateWindow(this.workspaceId, this.campaignId, start),
              },
            ]
          : []),
        {
          name: 'ses',
          rate: { limit: quota, windowSeconds: 1 },
          keyOf: (start) => campaignsKeys.sesSendRateWindow(start),
        },
      ];
      const verdict = await takeFromRateLimits(this.deps.store, counters, now);
      if (verdict.allowed) return;
      await sleep(1000 - (now.getTime() % 1000) + 1);
    }
  }

  /**
   * The runner's writes that add to the campaign item's counters, one after another: the messages under way
   * at once would otherwise cancel each other's transactions on that item.
   */
  private oneAtATime<T>(write: () => Promise<T>): Promise<T> {
    const written = this.counterWrites.then(write);
    this.counterWrites = written.catch(() => undefined);
    return written;
  }

  /** SES refused the message for good: failed with the reason, counted. */
  private async fail(recipient: RecipientItem, attemptId: string, failure: string): Promise<void> {
    try {
      await this.oneAtATime(() =>
        writeTransaction(this.deps.store, [
          {
            Update: {
              TableName: this.deps.store.tableName,
              Key: campaignsKeys.recipient(this.workspaceId, this.campaignId, recipient.contactId),
              UpdateExpression: 'SET #status = :failed, failure = :failure REMOVE gsi1pk, gsi1sk',
              ConditionExpression: '#status = :sending AND attemptId = :attempt',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':failed': 'failed',
                ':sending': 'sending',
                ':attempt': attemptId,
                ':failure': failure.slice(0, 500),
              },
            },
          },
          {
            Update: {
              TableName: this.deps.store.tableName,
              Key: this.key,
              UpdateExpression: 'ADD counters.failed :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ]),
      );
    } catch (error) {
      if (!cancellationReasons(error)) throw error;
    }
  }

  /** Nothing was sent (throttled until time ran out): back to queued, in its place. */
  private async giveBack(recipient: RecipientItem, attemptId: string): Promise<void> {
    await requeueRecipient(this.deps, this.workspaceId, this.campaignId, recipient, attemptId);
  }

  /**
   * No queued recipient left: with none in flight either, the campaign is sent (campaign.completed);
   * with some in doubt, the runner lets go and the clock settles them.
   */
  private async finish(campaign: CampaignItem): Promise<RunOutcome> {
    for await (const items of queryIndexPages(
      this.deps.store,
      crmTable.indexes.byCollection,
      campaignsKeys.sendingPartition(this.workspaceId, this.campaignId),
      { pageSize: 1, attributes: ['pk'] },
    )) {
      if (items.length > 0) {
        await this.releaseLease();
        return 'waiting_in_doubt';
      }
      break;
    }
    const now = this.deps.clock();
    const { counters } = campaign;
    try {
      await writeTransaction(this.deps.store, [
        {
          Update: {
            TableName: this.deps.store.tableName,
            Key: this.key,
            UpdateExpression:
              'SET #status = :sent, completedAt = :now, updatedAt = :now ADD version :one REMOVE gsi2pk, gsi2sk, leaseUntil, leaseOwner',
            ConditionExpression: '#status = :sending AND runId = :runId AND leaseOwner = :owner',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':sent': 'sent',
              ':sending': 'sending',
              ':now': now.toISOString(),
              ':one': 1,
              ':runId': this.runId,
              ':owner': this.owner,
            },
          },
        },
        ...outboxWrite(
          this.deps.store.tableName,
          this.workspaceId,
          [
            pendingEvent(CampaignCompleted, {
              campaignId: this.campaignId,
              name: campaign.name,
              sent: counters.sent,
              failed: counters.failed,
              skipped: counters.skipped,
              completedAt: now.toISOString(),
            }),
          ],
          now,
        ),
      ]);
      return 'completed';
    } catch (error) {
      if (cancellationReasons(error)) return 'stopped';
      throw error;
    }
  }
}
