import fc from 'fast-check';
import type { CampaignStatus } from '../../shared/campaigns/campaign';
import { campaignsKeys } from '../../shared/campaigns/campaigns-keys';
import { UpdateCommand } from '../../shared/store/document-client';
import { type Api, testTable } from './api-client';
import type { RecordKind, Seeded, SeededRecord } from './record-fixtures';
import type { Hints } from './zod-arbitraries';

function expectCreated<T>(reply: { status: number; body: T }, what: string): T {
  if (reply.status !== 201)
    throw new Error(`fixture ${what} not created: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/**
 * A draft campaign of the workspace's compiled template to its list (the contact fixture is on it). Its
 * routes address it by id; scheduling it (with the email settings fixture) starts it, so the walks' valid
 * bodies schedule for a future time, which keeps it editable.
 */
export const campaignKind: RecordKind = {
  name: 'campaign',
  collectionPath: '/api/email/campaigns',
  async create(api, seeded) {
    const templateId = seeded.emailTemplate?.params.templateId;
    const listId = seeded.list?.params.listId;
    if (!templateId || !listId)
      throw new Error('the campaign fixture needs the template and list fixtures first');
    const values = {
      name: `Zoë’s spring letter ${Math.random().toString(36).slice(2, 8)}`,
      templateId,
      audience: { include: [{ kind: 'list', listId }], exclude: [{ kind: 'tag', tag: 'staff' }] },
    };
    const body = expectCreated(
      await api<{ id: string; version: number }>('POST', '/api/email/campaigns', values),
      'campaign',
    );
    return {
      kind: 'campaign',
      params: { campaignId: body.id },
      identity: body.id,
      version: body.version,
      finds: {},
      patch: { name: 'Spring letter, renamed' },
      values,
    };
  },
  identityOf: (item) => String(item.id),
  // a campaign is scheduled, paused, resumed or cancelled once: each valid body gets its own campaign
  freshFor(route, api, seeded) {
    switch (route.name) {
      case 'ScheduleCampaign':
      case 'CancelCampaign':
        return campaignKind.create(api, seeded, 'fresh');
      case 'PauseCampaign':
        return campaignIn(api, seeded, 'sending');
      case 'ResumeCampaign':
        return campaignIn(api, seeded, 'paused');
      default:
        return undefined;
    }
  },
  // scheduling "now" starts RunCampaign: the workspace's items settle when no campaign is running
  settled: (items) =>
    items.every(
      (item) => item.entity !== 'campaign' || !['preparing', 'sending'].includes(String(item.status)),
    ),
  crossWorkspaceCreates: (other, otherSeeded) => [
    {
      what: "the other workspace's template",
      body: { ...other.values, audience: { include: [], exclude: [] } },
      status: 400,
      field: 'audience.include',
    },
    ...(otherSeeded.emailTemplate
      ? [
          {
            what: "the other workspace's template and list",
            body: other.values,
            status: 400 as const,
          },
        ]
      : []),
  ],
};

/**
 * A campaign that was sent to its one-contact list and is then put in `status` directly in the table: a run
 * that is under way (`sending`) or paused after its last message (`paused`). A one-contact run ends before a
 * request can catch it; the campaigns int test pauses and resumes real runs.
 */
async function campaignIn(api: Api, seeded: Seeded, status: CampaignStatus): Promise<SeededRecord> {
  const record = await campaignKind.create(api, seeded, 'fresh');
  const campaignId = record.params.campaignId as string;
  const scheduled = await api('POST', `/api/email/campaigns/${campaignId}/schedule`, {});
  if (scheduled.status !== 202) throw new Error(`fixture campaign not scheduled: ${scheduled.status}`);
  let version = 0;
  for (let attempt = 0; ; attempt++) {
    const campaign = await api<{ status: string; version: number }>(
      'GET',
      `/api/email/campaigns/${campaignId}`,
    );
    if (campaign.body.status === 'sent') {
      version = campaign.body.version;
      break;
    }
    if (attempt >= 100) throw new Error(`fixture campaign not sent: ${campaign.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const table = testTable();
  await table.client.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: campaignsKeys.campaign(api.workspaceId, campaignId),
      UpdateExpression: 'SET #status = :status, #version = :version',
      ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
      ExpressionAttributeValues: { ':status': status, ':version': version + 1 },
    }),
  );
  return { ...record, version: version + 1 };
}

/** The audience count: the workspace's list with its one contact (never another workspace's list). */
export const audienceCountKind: RecordKind = {
  name: 'audienceCount',
  collectionPath: '/api/email/campaigns/audience-count',
  async create(_api, seeded) {
    const listId = seeded.list?.params.listId;
    if (!listId) throw new Error('the audience count fixture needs the list fixture first');
    return {
      kind: 'audienceCount',
      params: {},
      identity: listId,
      version: 1,
      finds: {},
      patch: {},
      values: { audience: { include: [{ kind: 'list', listId }], exclude: [] } },
    };
  },
  identityOf: () => '',
  crossWorkspaceCreates: () => [],
  validBodies: (record: SeededRecord) => fc.constant(record.values),
};

/** Valid values the campaign schemas cannot say: the workspace's own template and lists, a future send time. */
export function campaignHints(seeded: Seeded): Hints {
  return {
    ...(seeded.emailTemplate ? { templateId: fc.constant(seeded.emailTemplate.params.templateId) } : {}),
    ...(seeded.list ? { listId: fc.constant(seeded.list.params.listId) } : {}),
    sendAt: fc.constantFrom('2099-06-01T09:00', '2098-12-24T18:30'),
  };
}
