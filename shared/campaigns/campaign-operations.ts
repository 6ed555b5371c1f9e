import { requireEmailSettings } from '../email/email-settings-store';
import { emailTemplatesKeys } from '../email-templates/email-templates-keys';
import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import { findList } from '../lists/lists-store';
import type { Deps } from '../platform/deps';
import { AppError, ConflictError } from '../platform/errors';
import { isId, newId } from '../platform/ids';
import { workspacePrefix } from '../platform/platform-keys';
import type { Page } from '../records/record-fields';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '../store/document-client';
import { deleteItems, queryAllWithPrefix, queryIndexPage } from '../store/queries';
import { crmTable } from '../store/table';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { countAudience } from './audience';
import type {
  Audience,
  AudienceCount,
  Campaign,
  CampaignInput,
  CampaignPatch,
  CampaignRecipient,
  CampaignReport,
  CampaignStatus,
  RecipientStatus,
  ScheduleInput,
} from './campaign';
import { CampaignRunRequested } from './campaign-events';
import { startRunWrites } from './campaign-runs';
import { allows, type CampaignAction, campaignActions, resumedStatus } from './campaign-state';
import { campaignsKeys } from './campaigns-keys';
import {
  type CampaignItem,
  campaignOf,
  findCampaign,
  recipientOf,
  requireCampaign,
  zeroCounters,
} from './campaigns-store';
import { localTimeToUtc } from './local-time';

/** 409 `campaign.invalid_state`, naming the status the campaign is in. */
function invalidState(status: CampaignStatus): AppError {
  return new ConflictError('campaign.invalid_state', { fields: { status } });
}

function requireAllowed(action: CampaignAction, campaign: Campaign): void {
  if (!allows(action, campaign.status)) {
    throw action === 'edit'
      ? new ConflictError('campaign.not_editable', { fields: { status: campaign.status } })
      : invalidState(campaign.status);
  }
}

/** The template and lists a campaign names must exist: 400 with a code saying which does not. */
async function checkReferences(deps: Deps, workspaceId: string, templateId?: string, audience?: Audience) {
  if (templateId !== undefined) {
    const template = isId(templateId)
      ? (
          await deps.store.client.send(
            new GetCommand({
              TableName: deps.store.tableName,
              Key: emailTemplatesKeys.template(workspaceId, templateId),
              ProjectionExpression: 'pk',
            }),
          )
        ).Item
      : undefined;
    if (!template)
      throw new AppError(400, 'campaign.template_not_found', { fields: { templateId: 'No such template.' } });
  }
  for (const source of [...(audience?.include ?? []), ...(audience?.exclude ?? [])]) {
    if (source.kind !== 'list') continue;
    if (!(await findList(deps.store, workspaceId, source.listId)))
      throw new AppError(400, 'campaign.list_not_found', {
        fields: { audience: `No list ${source.listId}.` },
      });
  }
}

/** The condition of a write that moves a campaign out of the states an action starts from. */
function statusCondition(action: CampaignAction) {
  const states = campaignActions[action] as readonly CampaignStatus[];
  return {
    expression: `#status IN (${states.map((_, at) => `:from${at}`).join(', ')})`,
    values: Object.fromEntries(states.map((state, at) => [`:from${at}`, state])),
  };
}

export async function createCampaign(
  deps: Deps,
  workspaceId: string,
  input: CampaignInput,
): Promise<Campaign> {
  await checkReferences(deps, workspaceId, input.templateId, input.audience);
  const now = deps.clock().toISOString();
  const id = newId(deps.clock().getTime());
  const campaign: Campaign = {
    id,
    version: 1,
    createdAt: now,
    updatedAt: now,
    name: input.name,
    templateId: input.templateId,
    audience: input.audience,
    ...(input.sendRatePerSecond ? { sendRatePerSecond: input.sendRatePerSecond } : {}),
    status: 'draft',
    counters: zeroCounters(),
  };
  await deps.store.client.send(
    new PutCommand({
      TableName: deps.store.tableName,
      Item: {
        ...campaign,
        ...campaignsKeys.campaign(workspaceId, id),
        ...campaignsKeys.campaignListed(workspaceId, id),
        entity: 'campaign',
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return campaign;
}

export async function getCampaign(deps: Deps, workspaceId: string, campaignId: string): Promise<Campaign> {
  return campaignOf(await requireCampaign(deps.store, workspaceId, campaignId));
}

export async function listCampaigns(
  deps: Deps,
  workspaceId: string,
  query: { limit: number; cursor?: string; status?: CampaignStatus },
): Promise<Page<Campaign>> {
  const page = await queryIndexPage(
    deps.store,
    workspaceId,
    crmTable.indexes.byCollection,
    campaignsKeys.campaignsPartition(workspaceId),
    { limit: query.limit, cursor: query.cursor, newestFirst: true },
    query.status
      ? {
          expression: '#status = :status',
          names: { '#status': 'status' },
          values: { ':status': query.status },
        }
      : undefined,
  );
  return { items: page.items.map(campaignOf), nextCursor: page.nextCursor };
}

/** Changes a draft or scheduled campaign over the version the client saw (If-Match). */
export async function updateCampaign(
  deps: Deps,
  workspaceId: string,
  campaignId: string,
  patch: CampaignPatch,
  version: number,
): Promise<Campaign> {
  const current = await requireCampaign(deps.store, workspaceId, campaignId);
  if (current.version !== version) throw new ConflictError('campaign.version_conflict');
  requireAllowed('edit', current);
  await checkReferences(deps, workspaceId, patch.templateId, patch.audience);
  const { sendRatePerSecond, ...rest } = patch;
  const next: Campaign = {
    ...campaignOf(current),
    ...rest,
    version: current.version + 1,
    updatedAt: deps.clock().toISOString(),
  };
  if (sendRatePerSecond === null) delete next.sendRatePerSecond;
  else if (sendRatePerSecond !== undefined) next.sendRatePerSecond = sendRatePerSecond;
  const sets: Record<string, unknown> = {
    name: next.name,
    templateId: next.templateId,
    audience: next.audience,
    version: next.version,
    updatedAt: next.updatedAt,
  };
  const names = Object.fromEntries(Object.keys(sets).map((name) => [`#${name}`, name]));
  try {
    await writeTransaction(deps.store, [
      {
        Update: {
          TableName: deps.store.tableName,
          Key: campaignsKeys.campaign(workspaceId, campaignId),
          UpdateExpression: `SET ${Object.keys(sets)
            .map((name) => `#${name} = :${name}`)
            .join(
              ', ',
            )}${next.sendRatePerSecond === undefined ? ' REMOVE sendRatePerSecond' : ', sendRatePerSecond = :rate'}`,
          ConditionExpression: '#version = :expected AND #status IN (:draft, :scheduled)',
          ExpressionAttributeNames: { ...names, '#status': 'status' },
          ExpressionAttributeValues: {
            ...Object.fromEntries(Object.entries(sets).map(([name, value]) => [`:${name}`, value])),
            ...(next.sendRatePerSecond === undefined ? {} : { ':rate': next.sendRatePerSecond }),
            ':expected': version,
            ':draft': 'draft',
            ':scheduled': 'scheduled',
          },
        },
      },
    ]);
  } catch (error) {
    if (cancellationReasons(error)) throw new ConflictError('campaign.version_conflict');
    throw error;
  }
  return next;
}

/** Deletes a draft, scheduled or cancelled campaign with its content and send records. */
export async function deleteCampaign(deps: Deps, workspaceId: string, campaignId: string): Promise<void> {
  const current = await requireCampaign(deps.store, workspaceId, campaignId);
  requireAllowed('delete', current);
  const condition = statusCondition('delete');
  try {
    await deps.store.client.send(
      new DeleteCommand({
        TableName: deps.store.tableName,
        Key: campaignsKeys.campaign(workspaceId, campaignId),
        ConditionExpression: condition.expression,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: condition.values,
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') {
      const now = await findCampaign(deps.store, workspaceId, campaignId);
      if (!now) return;
      throw invalidState(now.status);
    }
    throw error;
  }
  const { pk } = campaignsKeys.campaign(workspaceId, campaignId);
  const rest = await queryAllWithPrefix(deps.store, { pk, skPrefix: '' });
  await deleteItems(
    deps.store,
    rest.map((item) => ({ pk: String(item.pk), sk: String(item.sk) })),
  );
}

export function countCampaignAudience(
  deps: Deps,
  workspaceId: string,
  audience: Audience,
): Promise<AudienceCount> {
  return checkReferences(deps, workspaceId, undefined, audience).then(() =>
    countAudience(deps.store, workspaceId, audience),
  );
}

/**
 * Schedules a draft (or reschedules a scheduled) campaign: now, or at a local time in the email settings'
 * time zone (in the future). Needs the email settings (409 `email.settings_missing`) and the template
 * compiled at its current version (409 `campaign.template_not_compiled`), whose parts are snapshotted into the
 * campaign's CONTENT item in the same transaction as the state change (and, now, the run event).
 */
export async function scheduleCampaign(
  deps: Deps,
  workspaceId: string,
  campaignId: string,
  input: ScheduleInput,
): Promise<Campaign> {
  const current = await requireCampaign(deps.store, workspaceId, campaignId);
  requireAllowed('schedule', current);
  const settings = await requireEmailSettings(deps, workspaceId);
  const now = deps.clock();
  const sendAtUtc = input.sendAt === undefined ? undefined : localTimeToUtc(input.sendAt, settings.timeZone);
  if (input.sendAt !== undefined && (!sendAtUtc || sendAtUtc.getTime() <= now.getTime()))
    throw new AppError(400, 'campaign.send_at_past', {
      fields: { sendAt: `Choose a time after now in ${settings.timeZone}.` },
    });
  const [template, compiled] = await Promise.all(
    [
      emailTemplatesKeys.template(workspaceId, current.templateId),
      emailTemplatesKeys.compiledTemplate(workspaceId, current.templateId),
    ].map(
      async (Key) =>
        (
          await deps.store.client.send(
            new GetCommand({ TableName: deps.store.tableName, Key, ConsistentRead: true }),
          )
        ).Item,
    ),
  );
  if (!template)
    throw new AppError(400, 'campaign.template_not_found', { fields: { templateId: 'No such template.' } });
  const compile = template.compile as { status?: string; version?: number } | undefined;
  if (
    !compiled ||
    compile?.status !== 'ready' ||
    compile.version !== template.version ||
    compiled.version !== template.version
  )
    throw new ConflictError('campaign.template_not_compiled');

  const runId = newId(now.getTime());
  const later = sendAtUtc !== undefined;
  const next: Campaign = {
    ...campaignOf(current),
    status: later ? 'scheduled' : 'preparing',
    subject: String(compiled.subject),
    version: current.version + 1,
    updatedAt: now.toISOString(),
    ...(later
      ? {
          schedule: {
            sendAt: input.sendAt as string,
            timeZone: settings.timeZone,
            sendAtUtc: sendAtUtc.toISOString(),
          },
        }
      : { startedAt: now.toISOString() }),
  };
  if (!later) delete next.schedule;
  const index = later
    ? campaignsKeys.campaignScheduled(workspaceId, sendAtUtc.toISOString(), campaignId)
    : campaignsKeys.campaignRunning(workspaceId, campaignId);
  const items: TransactItem[] = [
    {
      Update: {
        TableName: deps.store.tableName,
        Key: campaignsKeys.campaign(workspaceId, campaignId),
        UpdateExpression: [
          'SET #status = :status, subject = :subject, version = :version, updatedAt = :now,',
          'gsi2pk = :gsi2pk, gsi2sk = :gsi2sk,',
          later ? '#schedule = :schedule' : 'startedAt = :now, runId = :runId, requestedAt = :now',
          later ? '' : 'REMOVE #schedule',
        ].join(' '),
        ConditionExpression: '#version = :expected AND #status IN (:draft, :scheduled)',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version', '#schedule': 'schedule' },
        ExpressionAttributeValues: {
          ':status': next.status,
          ':subject': next.subject,
          ':version': next.version,
          ':now': next.updatedAt,
          ':gsi2pk': index.gsi2pk,
          ':gsi2sk': index.gsi2sk,
          ':expected': current.version,
          ':draft': 'draft',
          ':scheduled': 'scheduled',
          ...(later ? { ':schedule': next.schedule } : { ':runId': runId }),
        },
      },
    },
    {
      Put: {
        TableName: deps.store.tableName,
        Item: {
          ...campaignsKeys.content(workspaceId, campaignId),
          entity: 'campaignContent',
          templateId: current.templateId,
          templateVersion: Number(compiled.version),
          subject: String(compiled.subject),
          ...(typeof compiled.preheader === 'string' ? { preheader: compiled.preheader } : {}),
          html: String(compiled.html),
          text: String(compiled.text),
        },
      },
    },
    ...(later ? [] : startRunWrites(deps.store.tableName, workspaceId, next, runId, now)),
  ];
  try {
    await writeTransaction(deps.store, items);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) throw new ConflictError('campaign.version_conflict');
    throw error;
  }
  return next;
}

/** Pause: the runner stops after the message under way, at its next check. */
export async function pauseCampaign(deps: Deps, workspaceId: string, campaignId: string): Promise<Campaign> {
  return changeState(deps, workspaceId, campaignId, 'pause', (_campaign, now) => ({
    status: 'paused',
    sets: { pausedAt: now.toISOString() },
  }));
}

/** Resume: back to sending (or preparing) with a new run id and its run event. */
export async function resumeCampaign(deps: Deps, workspaceId: string, campaignId: string): Promise<Campaign> {
  return changeState(deps, workspaceId, campaignId, 'resume', (campaign, now) => {
    const runId = newId(now.getTime());
    return {
      status: resumedStatus(campaign.prepared === true),
      sets: { runId, requestedAt: now.toISOString() },
      removes: ['pausedAt', 'leaseUntil', 'leaseOwner'],
      writes: outboxWrite(
        deps.store.tableName,
        workspaceId,
        [pendingEvent(CampaignRunRequested, { campaignId, runId })],
        now,
      ),
    };
  });
}

/** Cancel: nobody not sent to yet gets the message; the queued recipients stay as they are. */
export async function cancelCampaign(deps: Deps, workspaceId: string, campaignId: string): Promise<Campaign> {
  return changeState(deps, workspaceId, campaignId, 'cancel', (_campaign, now) => ({
    status: 'cancelled',
    sets: { cancelledAt: now.toISOString() },
    removes: ['gsi2pk', 'gsi2sk', 'leaseUntil', 'leaseOwner'],
  }));
}

/** A member's state change, conditioned on the states the action starts from; 409 with the status otherwise. */
async function changeState(
  deps: Deps,
  workspaceId: string,
  campaignId: string,
  action: CampaignAction,
  change: (
    campaign: CampaignItem,
    now: Date,
  ) => {
    status: CampaignStatus;
    sets?: Record<string, unknown>;
    removes?: string[];
    writes?: TransactItem[];
  },
): Promise<Campaign> {
  const current = await requireCampaign(deps.store, workspaceId, campaignId);
  requireAllowed(action, current);
  const now = deps.clock();
  const { status, sets = {}, removes = [], writes = [] } = change(current, now);
  const condition = statusCondition(action);
  const allSets: Record<string, unknown> = {
    ...sets,
    status,
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  try {
    await writeTransaction(deps.store, [
      {
        Update: {
          TableName: deps.store.tableName,
          Key: campaignsKeys.campaign(workspaceId, campaignId),
          UpdateExpression: `SET ${Object.keys(allSets)
            .map((name) => `#${name} = :${name}`)
            .join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: Object.fromEntries(
            Object.keys(allSets).map((name) => [`#${name}`, name]),
          ),
          ExpressionAttributeValues: {
            ...Object.fromEntries(Object.entries(allSets).map(([name, value]) => [`:${name}`, value])),
            ...condition.values,
          },
        },
      },
      ...writes,
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) {
      const latest = await requireCampaign(deps.store, workspaceId, campaignId);
      throw invalidState(latest.status);
    }
    throw error;
  }
  return campaignOf(await requireCampaign(deps.store, workspaceId, campaignId));
}

/** A campaign's send records, all or by status (queued and in-flight ones by their index, in order). */
export async function listRecipients(
  deps: Deps,
  workspaceId: string,
  campaignId: string,
  query: { limit: number; cursor?: string; status?: RecipientStatus },
): Promise<Page<CampaignRecipient>> {
  await requireCampaign(deps.store, workspaceId, campaignId);
  const { status } = query;
  const index = crmTable.indexes.byCollection;
  if (status === 'queued' || status === 'sending') {
    const page = await queryIndexPage(
      deps.store,
      workspaceId,
      index,
      status === 'queued'
        ? campaignsKeys.queuedPartition(workspaceId, campaignId)
        : campaignsKeys.sendingPartition(workspaceId, campaignId),
      { limit: query.limit, cursor: query.cursor },
    );
    return { items: page.items.map(recipientOf), nextCursor: page.nextCursor };
  }
  const { pk, skPrefix } = campaignsKeys.recipientsPrefix(workspaceId, campaignId);
  const result = await deps.store.client.send(
    new QueryCommand({
      TableName: deps.store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ...(status
        ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
        : {}),
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix, ...(status ? { ':status': status } : {}) },
      Limit: query.limit,
      ExclusiveStartKey: decodeCursor(query.cursor, {
        workspacePrefix: workspacePrefix(workspaceId),
        partition: pk,
      }),
    }),
  );
  return { items: (result.Items ?? []).map(recipientOf), nextCursor: encodeCursor(result.LastEvaluatedKey) };
}

/** The report: the campaign's counters, its hours (STATS#) and its links (LINK#), with rates. */
export async function campaignReport(
  deps: Deps,
  workspaceId: string,
  campaignId: string,
): Promise<CampaignReport> {
  const campaign = await requireCampaign(deps.store, workspaceId, campaignId);
  const { pk } = campaignsKeys.campaign(workspaceId, campaignId);
  const [hours, links] = await Promise.all([
    queryAllWithPrefix(deps.store, campaignsKeys.hourStatsPrefix(workspaceId, campaignId)),
    queryAllWithPrefix(deps.store, { pk, skPrefix: 'LINK#' }),
  ]);
  const counters = campaign.counters as Record<string, unknown> & Campaign['counters'];
  const num = (name: string) => (typeof counters[name] === 'number' ? (counters[name] as number) : 0);
  const sent = counters.sent;
  const delivered = num('delivered');
  const rate = (count: number, of: number) => ({ count, rate: of > 0 ? count / of : 0 });
  return {
    campaignId,
    status: campaign.status,
    sent,
    delivered,
    failed: counters.failed,
    skipped: counters.skipped,
    skippedBy: counters.skippedBy,
    cancelled:
      campaign.status === 'cancelled' ? Math.max(0, counters.queued - counters.sent - counters.failed) : 0,
    opens: num('opens'),
    uniqueOpens: rate(num('uniqueOpens'), delivered),
    clicks: num('clicks'),
    uniqueClicks: rate(num('uniqueClicks'), delivered),
    bounces: rate(num('bounces'), sent),
    complaints: rate(num('complaints'), sent),
    unsubscribes: rate(num('unsubscribes'), sent),
    links: links
      .map((item) => ({
        url: String(item.url ?? ''),
        clicks: Number(item.clicks ?? 0),
        uniqueClicks: Number(item.uniqueClicks ?? 0),
      }))
      .sort((a, b) => b.clicks - a.clicks),
    overTime: hours.map((item) => ({
      hour: String(item.sk).slice('STATS#'.length),
      sent: Number(item.sent ?? 0),
      delivered: Number(item.delivered ?? 0),
      opens: Number(item.opens ?? 0),
      clicks: Number(item.clicks ?? 0),
      bounces: Number(item.bounces ?? 0),
      complaints: Number(item.complaints ?? 0),
    })),
  };
}
