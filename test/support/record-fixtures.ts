import fc from 'fast-check';
import * as z from 'zod/mini';
import { DealPatch } from '../../shared/deals/deal';
import { PipelinePatch } from '../../shared/deals/pipeline';
import { routeKeyOf } from '../../shared/platform/capability';
import type { RegisteredRoute } from '../../shared/registry/capability-registry';
import { TicketPatch } from '../../shared/tickets/ticket';
import type { Api } from './api-client';
import { audienceCountKind, campaignHints, campaignKind } from './campaign-record-fixtures';
import {
  deliverabilityKind,
  emailLinkKind,
  emailPreferencePageKind,
  emailSettingsKind,
  suppressionKind,
} from './email-record-fixtures';
import { encodePathSegment } from './raw-api';
import {
  inboxDeliveryKind,
  shopConnectionKind,
  shopifyWebhookKind,
  shopWebhookKind,
  wooCommerceWebhookKind,
} from './shop-record-fixtures';
import { seedMember } from './team-members';
import { sharedWebhookReceiver } from './webhook-receiver';
import { type Hints, validValueOf } from './zod-arbitraries';

/**
 * One fixture factory per record kind. The registry-driven tests (workspace isolation, bad input) find
 * the kind of a route from its path and fail loudly when a route's kind has no factory here.
 */
export type RecordKindName =
  | 'member'
  | 'company'
  | 'contact'
  | 'fieldDefinition'
  | 'list'
  | 'webhookSubscription'
  | 'webhookDelivery'
  | 'form'
  | 'publicForm'
  | 'shopConnection'
  | 'shopifyWebhook'
  | 'wooCommerceWebhook'
  | 'shopWebhook'
  | 'inboxDelivery'
  | 'ticket'
  | 'ticketStats'
  | 'ticketSla'
  | 'task'
  | 'pipeline'
  | 'deal'
  | 'dealLostReasons'
  | 'forecast'
  | 'emailTemplate'
  | 'mergeFields'
  | 'campaign'
  | 'audienceCount'
  | 'emailSettings'
  | 'suppression'
  | 'deliverability'
  | 'emailLink'
  | 'emailPreferencePage';

export interface SeededRecord {
  kind: RecordKindName;
  /** The path parameters that address it, by the names the manifest paths use. */
  params: Record<string, string>;
  /** How it is recognised in a list response item. */
  identity: string;
  version: number;
  /** Query parameters that find it in its collection (name prefix, tag, email, entity). */
  finds: Record<string, string>;
  /** A body its PATCH route accepts. */
  patch: Record<string, unknown>;
  /** The values it was created with. */
  values: Record<string, unknown>;
}

export type Seeded = Partial<Record<RecordKindName, SeededRecord>>;

export interface CrossWorkspaceCreate {
  what: string;
  body: Record<string, unknown>;
  /** The answer expected in the other workspace: created (the values are per workspace) or refused. */
  status: 201 | 400;
  field?: string;
}

export interface RecordKind {
  name: RecordKindName;
  /** The collection path; record routes are this plus path parameters. */
  collectionPath: string;
  create(api: Api, seeded: Seeded, tag: string): Promise<SeededRecord>;
  identityOf(item: Record<string, unknown>): string;
  /** Create bodies that name another workspace's record or values. */
  crossWorkspaceCreates(other: SeededRecord, otherSeeded: Seeded): CrossWorkspaceCreate[];
  /** What must be unique in a workspace (from a parsed create body), and the 409 code a duplicate gets. */
  unique?: {
    fields: readonly string[];
    keyOf(body: Record<string, unknown>): string | undefined;
    conflictCode: string;
  };
  /**
   * Bodies a route of this kind takes with 2xx, when its schema cannot say (a public form's fields are named
   * by the form's settings); the bad-input test uses them instead of values derived from the schema.
   */
  validBodies?(record: SeededRecord): fc.Arbitrary<unknown>;
  /** Headers a valid body needs besides (a shop webhook's signature over the exact body text). */
  signedHeaders?(record: SeededRecord, body: string): Record<string, string>;
  /**
   * A workspace's one-of-a-kind resource, with no id in its path (its settings, its figures): whether an
   * answer shows the seeded record's own values. The isolation test checks that another workspace's answer
   * never does, and that the seeding workspace's does.
   */
  showsRecord?(body: unknown, record: SeededRecord): boolean;
  /**
   * Whether the background work a change of this kind starts is done, judged from the workspace's items (a
   * saved email template is compiled right after): the bad-input walk waits for it before it takes the
   * snapshot a refused request must leave as it was.
   */
  settled?(items: readonly Record<string, unknown>[]): boolean;
  /**
   * A record in a state the route's action starts from, made anew for each valid body, for routes that
   * change a record's state once (a campaign is scheduled, paused or resumed once): the "valid but unusual
   * bodies" walk sends each body to its own fresh record. Undefined for the kind's other routes.
   */
  freshFor?(route: RegisteredRoute, api: Api, seeded: Seeded): Promise<SeededRecord> | undefined;
}

function expectCreated<T>(reply: { status: number; body: T }, what: string): T {
  if (reply.status !== 201)
    throw new Error(`fixture ${what} not created: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

const suffix = () => Math.random().toString(36).slice(2, 8);

/**
 * An invited member of the team, and the caller's own id (`values.activeMemberId`, an active member): the
 * owner that contacts and companies are given, and whom a deactivation hands work to.
 */
const memberKind: RecordKind = {
  name: 'member',
  collectionPath: '/api/settings/members',
  async create(api) {
    const values = { email: `zoe.member.${suffix()}@example.com`, name: 'Zoë Member', roles: ['sales'] };
    const body = expectCreated(
      await api<{ id: string; version: number }>('POST', '/api/settings/members', values),
      'member',
    );
    const members = await api<{ items: { id: string; status: string; roles: string[] }[] }>(
      'GET',
      '/api/settings/members',
    );
    const caller = members.body.items.find((member) => member.status === 'active' && member.id !== body.id);
    if (!caller) throw new Error('fixture member: the caller is not an active member');
    return {
      kind: 'member',
      params: { memberId: body.id },
      identity: body.id,
      version: body.version,
      finds: {},
      patch: { roles: ['marketing'] },
      values: { ...values, activeMemberId: caller.id },
    };
  },
  identityOf: (item) => String(item.id),
  unique: {
    fields: ['email'],
    keyOf: (body) => (typeof body.email === 'string' ? body.email.toLowerCase() : undefined),
    conflictCode: 'member.email_taken',
  },
  // the local user pool keeps workspaces apart by email (Cognito's is one pool: the same email is a 409 there)
  crossWorkspaceCreates: (other) => [
    { what: 'the same email', body: { email: String(other.values.email), roles: ['sales'] }, status: 201 },
  ],
};

const ownerOf = (seeded: Seeded): Record<string, string> =>
  seeded.member ? { ownerId: String(seeded.member.values.activeMemberId) } : {};

/**
 * A note on a contact's or company's timeline, so the activity routes (`.../activities/{activityId}`)
 * address a real activity. Its version is 1, like the record's, so the record's version serves If-Match.
 */
async function loggedActivity(api: Api, path: string) {
  return expectCreated(
    await api<{ id: string; version: number }>('POST', path, { type: 'note', body: 'Zoë called **back**' }),
    'activity',
  );
}

const companyKind: RecordKind = {
  name: 'company',
  collectionPath: '/api/companies',
  async create(api, seeded, tag) {
    const values = {
      name: `Ünal Industries ${suffix()}`,
      domain: 'https://www.unal.example.com/about',
      tags: [tag],
      ...ownerOf(seeded),
    };
    const body = expectCreated(
      await api<{ id: string; version: number }>('POST', '/api/companies', values),
      'company',
    );
    const activity = await loggedActivity(api, `/api/companies/${body.id}/activities`);
    return {
      kind: 'company',
      params: { id: body.id, activityId: activity.id },
      identity: body.id,
      version: body.version,
      finds: { q: 'ünal ind', tag, ...ownerOf(seeded) },
      patch: { city: 'Leeds' },
      values,
    };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: (other, otherSeeded) => [
    { what: 'the same company name', body: { name: String(other.values.name) }, status: 201 },
    ...(otherSeeded.member
      ? [
          {
            what: "the other workspace's member as ownerId",
            body: { name: 'Other', ...ownerOf(otherSeeded) },
            status: 400 as const,
            field: 'ownerId',
          },
        ]
      : []),
  ],
};

const contactKind: RecordKind = {
  name: 'contact',
  collectionPath: '/api/contacts',
  async create(api, seeded, tag) {
    const values = {
      firstName: 'Zoë',
      lastName: `Quinn ${suffix()}`,
      email: `zoe.${suffix()}@example.com`,
      tags: [tag],
      ...(seeded.company ? { companyId: seeded.company.params.id } : {}),
      ...ownerOf(seeded),
    };
    const body = expectCreated(
      await api<{ id: string; version: number }>('POST', '/api/contacts', values),
      'contact',
    );
    const activity = await loggedActivity(api, `/api/contacts/${body.id}/activities`);
    return {
      kind: 'contact',
      params: { id: body.id, contactId: body.id, activityId: activity.id },
      identity: body.id,
      version: body.version,
      finds: {
        q: 'zoe q',
        tag,
        email: values.email,
        ids: body.id,
        ...(seeded.company ? { companyId: seeded.company.params.id } : {}),
        ...ownerOf(seeded),
      },
      patch: { jobTitle: 'Buyer' },
      values,
    };
  },
  identityOf: (item) => String(item.id),
  unique: {
    fields: ['email'],
    keyOf: (body) => (typeof body.email === 'string' ? body.email : undefined),
    conflictCode: 'contact.email_exists',
  },
  crossWorkspaceCreates: (other, otherSeeded) => [
    { what: 'the same email', body: { firstName: 'Other', email: String(other.values.email) }, status: 201 },
    ...(otherSeeded.company
      ? [
          {
            what: "the other workspace's company as companyId",
            body: { firstName: 'Other', companyId: otherSeeded.company.params.id },
            status: 400 as const,
            field: 'companyId',
          },
        ]
      : []),
    ...(otherSeeded.member
      ? [
          {
            what: "the other workspace's member as ownerId",
            body: { firstName: 'Other', ...ownerOf(otherSeeded) },
            status: 400 as const,
            field: 'ownerId',
          },
        ]
      : []),
  ],
};

const fieldDefinitionKind: RecordKind = {
  name: 'fieldDefinition',
  collectionPath: '/api/settings/fields',
  async create(api) {
    const values = {
      entity: 'contact',
      key: `tier_${suffix().replace(/[^a-z0-9]/g, 'x')}`,
      label: 'Tier',
      type: 'select',
      options: ['gold', 'silver'],
    };
    const body = expectCreated(
      await api<{ entity: string; key: string; version: number }>('POST', '/api/settings/fields', values),
      'field definition',
    );
    return {
      kind: 'fieldDefinition',
      params: { entity: body.entity, key: body.key },
      identity: `${body.entity}/${body.key}`,
      version: body.version,
      finds: { entity: body.entity },
      patch: { label: 'Customer tier' },
      values,
    };
  },
  identityOf: (item) => `${String(item.entity)}/${String(item.key)}`,
  unique: {
    fields: ['entity', 'key'],
    keyOf: (body) => `${String(body.entity)}/${String(body.key)}`,
    conflictCode: 'field.exists',
  },
  crossWorkspaceCreates: (other) => [
    { what: 'the same entity and key', body: { ...other.values }, status: 201 },
  ],
};

/**
 * Outbound webhooks. The subscription posts to this worker's receiver (204) and takes only
 * `contact.deleted`, which no fixture or fuzzed request causes: nothing is delivered in the background
 * while a test compares a workspace's items.
 */
const webhookSubscriptionKind: RecordKind = {
  name: 'webhookSubscription',
  collectionPath: '/api/settings/webhooks',
  async create(api) {
    const receiver = await sharedWebhookReceiver();
    const values = {
      url: receiver.url(`/fixture/${suffix()}`),
      eventTypes: ['contact.deleted'],
      description: 'Zoë’s sync',
    };
    const body = expectCreated(
      await api<{ id: string; version: number }>('POST', '/api/settings/webhooks', values),
      'webhook subscription',
    );
    return {
      kind: 'webhookSubscription',
      params: { subscriptionId: body.id },
      identity: body.id,
      version: body.version,
      finds: {},
      patch: { description: 'Nightly sync' },
      values,
    };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: (other) => [
    {
      what: 'the same URL',
      body: { url: String(other.values.url), eventTypes: other.values.eventTypes },
      status: 201,
    },
  ],
};

/** A delivery made by the subscription's test event: delivered at once to the receiver. */
const webhookDeliveryKind: RecordKind = {
  name: 'webhookDelivery',
  collectionPath: '/api/settings/webhooks/deliveries',
  async create(api, seeded) {
    const subscription = seeded.webhookSubscription;
    if (!subscription) throw new Error('fixture webhook delivery needs the webhook subscription first');
    const body = expectCreated(
      await api<{ id: string; version: number }>(
        'POST',
        `/api/settings/webhooks/${subscription.params.subscriptionId}/test`,
        {},
      ),
      'webhook delivery',
    );
    return {
      kind: 'webhookDelivery',
      params: { deliveryId: body.id },
      identity: body.id,
      version: body.version,
      finds: {},
      patch: {},
      values: {},
    };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: () => [],
};

/**
 * A form, in settings: maps `email`, `first_name` and a custom field of its own (defined here, so that no
 * other fixture or probe defines it in another workspace), tags, consent without double opt-in (no mail).
 */
/** A list with the seeded contact on it, so its member routes address a real membership. */
const listKind: RecordKind = {
  name: 'list',
  collectionPath: '/api/lists',
  async create(api, seeded) {
    const values = { name: `Zoë’s VIPs ${suffix()}`, description: 'Früh dabei' };
    const body = expectCreated(
      await api<{ id: string; version: number }>('POST', '/api/lists', values),
      'list',
    );
    const contactId = seeded.contact?.params.id;
    if (!contactId) throw new Error('the list fixture needs the contact fixture first');
    expectCreated(await api('PUT', `/api/lists/${body.id}/members/${contactId}`), 'list member');
    return {
      kind: 'list',
      params: { listId: body.id, contactId },
      identity: body.id,
      version: body.version,
      finds: {},
      patch: { description: 'The first hundred' },
      values,
    };
  },
  identityOf: (item) => String(item.id),
  unique: {
    fields: ['name'],
    keyOf: (body) => String(body.name).toLowerCase(),
    conflictCode: 'list.name_exists',
  },
  crossWorkspaceCreates: (other) => [
    { what: 'the same list name', body: { name: String(other.values.name) }, status: 201 },
  ],
};

const formKind: RecordKind = {
  name: 'form',
  collectionPath: '/api/settings/forms',
  async create(api, seeded, tag) {
    const sourceKey = `source_${suffix().replace(/[^a-z0-9]/g, 'x')}`;
    expectCreated(
      await api('POST', '/api/settings/fields', {
        entity: 'contact',
        key: sourceKey,
        label: 'Source',
        type: 'text',
      }),
      'custom field of the form',
    );
    const values = {
      name: `Zoë’s newsletter ${suffix()}`,
      fields: [
        { name: 'email', target: 'email' },
        { name: 'first_name', target: 'firstName' },
        { name: 'source', target: `customFields.${sourceKey}` },
      ],
      tags: [tag],
      lists: seeded.list ? [seeded.list.params.listId] : [],
      consent: { text: 'Send me the newsletter.', doubleOptIn: false },
    };
    const body = expectCreated(
      await api<{ id: string; version: number }>('POST', '/api/settings/forms', values),
      'form',
    );
    return {
      kind: 'form',
      params: { formId: body.id },
      identity: body.id,
      version: body.version,
      finds: {},
      patch: { name: 'Spring newsletter' },
      values,
    };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: (other) => {
    const fields = other.values.fields as Array<{ name: string; target: string }>;
    return [
      {
        what: 'the same form without its custom field and list',
        body: { ...other.values, fields: fields.slice(0, 2), lists: [] },
        status: 201,
      },
      {
        what: 'a custom field only the other workspace defines',
        body: { ...other.values, lists: [] },
        status: 400,
        field: 'fields.2.target',
      },
      {
        what: "the other workspace's list",
        body: { ...other.values, fields: fields.slice(0, 2) },
        status: 400,
        field: 'lists.0',
      },
    ];
  },
};

/**
 * The same form at its public address (`/api/webhooks/forms/{formId}`): its posts are bodies of the form's
 * own field names, so valid ones come from here. Posts are processed in the background (a contact is
 * upserted), which is why only the valid-body test, which compares no items, sends them.
 */
const publicFormKind: RecordKind = {
  name: 'publicForm',
  collectionPath: '/api/webhooks/forms',
  async create(_api, seeded) {
    const form = seeded.form;
    if (!form) throw new Error('fixture public form needs the form first');
    return {
      ...form,
      kind: 'publicForm',
      patch: { email: `zoe.${suffix()}@example.com`, first_name: 'Zoë', website: '' },
    };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: () => [],
  validBodies: () =>
    fc.record(
      {
        email: fc.uuid().map((id) => `Form.${id}@Example.com`),
        first_name: fc.constantFrom(
          'Zoë',
          'Jürgen',
          'محمد',
          '李小龙',
          '👩🏽‍💻',
          '<script>x</script>',
          'x'.repeat(100),
        ),
        consent: fc.constantFrom('on', 'true'),
        website: fc.constant(''),
        utm_source: fc.constantFrom('', 'newsletter', 'story ad #2'),
        page_url: fc.constantFrom('https://shop.example.com/espresso?utm_campaign=spring', ''),
        message: fc.string({ maxLength: 200 }),
      },
      { requiredKeys: ['email'] },
    ),
};

/**
 * A support ticket of the seeded contact, assigned to the caller (seeded as an active member: the API cannot
 * create members). Its status stays open, so it is on the queue and on the caller's tickets; valid changes
 * leave the status alone (a random status move is refused with 409, which the API tests cover).
 */
const ticketKind: RecordKind = {
  name: 'ticket',
  collectionPath: '/api/tickets',
  async create(api, seeded) {
    const contactId = seeded.contact?.params.id;
    if (!contactId) throw new Error('the ticket fixture needs the contact fixture first');
    const assigneeId = await seedMember(api.workspaceId);
    const values = {
      subject: `Zoë’s parcel is late ${suffix()}`,
      description: 'Bestellt am Montag, noch nicht da.',
      priority: 'high',
      contactId,
      assigneeId,
    };
    const body = expectCreated(
      await api<{ id: string; version: number }>('POST', '/api/tickets', values),
      'ticket',
    );
    return {
      kind: 'ticket',
      params: { ticketId: body.id },
      identity: body.id,
      version: body.version,
      finds: { assignee: 'mine', status: 'open' },
      patch: { priority: 'urgent' },
      values,
    };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: (other) => [
    {
      what: "the other workspace's contact",
      body: { subject: 'Where is my parcel?', contactId: String(other.values.contactId) },
      status: 400,
      field: 'contactId',
    },
  ],
  validBodies: (record) =>
    validValueOf(TicketPatch, {
      hints: { assigneeId: fc.constant(String(record.values.assigneeId)) },
      omit: ['status'],
    }),
};

/** The workspace's ticket figures: the seeded ticket is its soonest due. */
const ticketStatsKind: RecordKind = {
  name: 'ticketStats',
  collectionPath: '/api/tickets/stats',
  async create(_api, seeded) {
    const ticket = seeded.ticket;
    if (!ticket) throw new Error('the ticket stats fixture needs the ticket fixture first');
    return { ...ticket, kind: 'ticketStats', params: {}, finds: {}, patch: {} };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: () => [],
  showsRecord: (body, record) =>
    (body as { nextDue?: { ticketId?: string } }).nextDue?.ticketId === record.identity,
};

/** The workspace's SLA policy, set to targets of its own (random, so two workspaces never share them). */
const ticketSlaKind: RecordKind = {
  name: 'ticketSla',
  collectionPath: '/api/settings/ticket-sla',
  async create(api) {
    const minutes = 2 + Math.floor(Math.random() * 100_000);
    const values = {
      urgent: { firstResponseMinutes: 1, resolutionMinutes: minutes },
      high: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
      normal: { firstResponseMinutes: 480, resolutionMinutes: 4320 },
      low: { firstResponseMinutes: 1440, resolutionMinutes: 7200 },
    };
    expectCreated(await api('PUT', '/api/settings/ticket-sla', values), 'ticket SLA policy');
    return {
      kind: 'ticketSla',
      params: {},
      identity: String(minutes),
      version: 1,
      finds: {},
      patch: values,
      values,
    };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: () => [],
  showsRecord: (body, record) =>
    String((body as { urgent?: { resolutionMinutes?: number } }).urgent?.resolutionMinutes) ===
    record.identity,
};

/**
 * A task about the seeded contact, assigned to the caller, who is made an active member of the workspace
 * first (tasks are assigned to members only; the team routes are not needed for it).
 */
const taskKind: RecordKind = {
  name: 'task',
  collectionPath: '/api/tasks',
  async create(api, seeded) {
    const contactId = seeded.contact?.params.id;
    if (!contactId) throw new Error('the task fixture needs the contact fixture first');
    const assigneeId = await seedMember(api.workspaceId);
    const values = {
      title: `Call Zoë back ${suffix()}`,
      notes: 'About the Früh offer',
      dueAt: '2031-03-01T09:30:00.000Z',
      priority: 'high',
      related: { kind: 'contact', id: contactId },
    };
    const body = expectCreated(
      await api<{ id: string; version: number }>('POST', '/api/tasks', values),
      'task',
    );
    return {
      kind: 'task',
      params: { taskId: body.id },
      identity: body.id,
      version: body.version,
      finds: { view: 'all', contactId },
      patch: { priority: 'urgent' },
      values: { ...values, assigneeId },
    };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: (other, otherSeeded) => [
    { what: 'the same title', body: { title: String(other.values.title) }, status: 201 },
    {
      what: "the other workspace's member as assignee",
      body: { title: 'Call back', assigneeId: String(other.values.assigneeId) },
      status: 400,
      field: 'assigneeId',
    },
    ...(otherSeeded.contact
      ? [
          {
            what: "the other workspace's contact as related record",
            body: { title: 'Call back', related: { kind: 'contact', id: otherSeeded.contact.params.id } },
            status: 400 as const,
            field: 'related.id',
          },
        ]
      : []),
    ...(otherSeeded.company
      ? [
          {
            what: "the other workspace's company as related record",
            body: { title: 'Call back', related: { kind: 'company', id: otherSeeded.company.params.id } },
            status: 400 as const,
            field: 'related.id',
          },
        ]
      : []),
  ],
};

/** A pipeline of the workspace's own, with two stages (the seeded deal is in the default pipeline). */
const pipelineKind: RecordKind = {
  name: 'pipeline',
  collectionPath: '/api/pipelines',
  async create(api) {
    const values = {
      name: `Zoë’s renewals ${suffix()}`,
      stages: [
        { name: 'Früh', probability: 20 },
        { name: 'Spät', probability: 80 },
      ],
    };
    const body = expectCreated(
      await api<{ id: string; version: number; stages: { id: string }[] }>('POST', '/api/pipelines', values),
      'pipeline',
    );
    return {
      kind: 'pipeline',
      params: { pipelineId: body.id },
      identity: body.id,
      version: body.version,
      finds: {},
      patch: { name: 'Zoë’s renewals 2027' },
      values: { ...values, stageIds: body.stages.map((stage) => stage.id) },
    };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: (other) => [
    {
      what: 'the same pipeline name',
      body: { name: String(other.values.name), stages: other.values.stages },
      status: 201,
    },
  ],
  // renames and whole new stage lists: the pipeline holds no deal, so every stage may go
  validBodies: () => validValueOf(PipelinePatch, { hints: pipelineHints, omit: ['moveDealsTo'] }),
};

const pipelineHints = {
  stages: fc.constantFrom(
    [{ name: 'Ünïcödé 段階', probability: 0 }],
    [
      { name: 'A'.repeat(60), probability: 100 },
      { name: 'b', probability: 50 },
    ],
  ),
};

/**
 * A deal in the first stage of the workspace's default pipeline (which it creates on first use), with the
 * seeded contact as its primary contact and the seeded company, owned by the caller (an active member).
 */
const dealKind: RecordKind = {
  name: 'deal',
  collectionPath: '/api/deals',
  async create(api, seeded) {
    const contactId = seeded.contact?.params.id;
    const companyId = seeded.company?.params.id;
    if (!contactId || !companyId)
      throw new Error('the deal fixture needs the contact and company fixtures first');
    await seedMember(api.workspaceId);
    const values = {
      name: `Zoë’s espresso bar ${suffix()}`,
      amount: '1250.50',
      currency: 'EUR',
      expectedCloseDate: '2031-03-31',
      primaryContactId: contactId,
      companyId,
      tags: ['früh'],
    };
    const body = expectCreated(
      await api<{ id: string; version: number; pipelineId: string; stageId: string }>(
        'POST',
        '/api/deals',
        values,
      ),
      'deal',
    );
    const pipeline = await api<{ stages: { id: string }[] }>('GET', `/api/pipelines/${body.pipelineId}`);
    return {
      kind: 'deal',
      params: { dealId: body.id },
      identity: body.id,
      version: body.version,
      finds: { contactId, status: 'open', q: 'espresso' },
      patch: { name: 'Zoë’s espresso bar, 2 machines' },
      values: {
        ...values,
        pipelineId: body.pipelineId,
        stageIds: pipeline.body.stages.map((stage) => stage.id),
      },
    };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: (other, otherSeeded) => [
    { what: 'the same name', body: { name: String(other.values.name), currency: 'EUR' }, status: 201 },
    {
      what: "the other workspace's contact as primary contact",
      body: { name: 'Other', currency: 'EUR', primaryContactId: String(other.values.primaryContactId) },
      status: 400,
      field: 'primaryContactId',
    },
    {
      what: "the other workspace's company",
      body: { name: 'Other', currency: 'EUR', companyId: String(other.values.companyId) },
      status: 400,
      field: 'companyId',
    },
    {
      what: "the other workspace's pipeline",
      body: { name: 'Other', currency: 'EUR', pipelineId: String(other.values.pipelineId) },
      status: 400,
      field: 'pipelineId',
    },
    ...(otherSeeded.member
      ? [
          {
            what: "the other workspace's member as owner",
            body: { name: 'Other', currency: 'EUR', ...ownerOf(otherSeeded) },
            status: 400 as const,
            field: 'ownerId',
          },
        ]
      : []),
  ],
  // field changes that hold in any state of the deal (moves and outcomes are the API tests')
  validBodies: (record) =>
    validValueOf(DealPatch, {
      hints: {
        ...dealHints,
        // the amount a patch leaves must fit the currency it leaves: both kinds take two decimals
        currency: fc.constantFrom('EUR', 'USD'),
        amount: fc.constantFrom('0', '1250.5', '999999999999999.99', '42'),
        primaryContactId: fc.constant(String(record.values.primaryContactId)),
        companyId: fc.constant(String(record.values.companyId)),
        contactIds: fc.constant([]),
        customFields: fc.constant({}),
      },
      omit: ['status', 'lostReason', 'stageId', 'pipelineId', 'position', 'ownerId'],
    }),
};

const dealHints = {
  currency: fc.constantFrom('EUR', 'USD', 'JPY', 'BHD'),
  amount: fc.constantFrom('0', '1250.5', '999999999999999.99', '0.001', '42'),
  expectedCloseDate: fc.constantFrom('2031-03-31', '2028-02-29'),
  position: fc.constantFrom('a0', 'Zz', 'a1V'),
};

/** The workspace's lost reasons, set to a list of its own (random, so two workspaces never share it). */
const dealLostReasonsKind: RecordKind = {
  name: 'dealLostReasons',
  collectionPath: '/api/settings/deal-lost-reasons',
  async create(api) {
    const reason = `Zu früh ${suffix()}`;
    const values = { reasons: [reason, 'Price'] };
    expectCreated(await api('PUT', '/api/settings/deal-lost-reasons', values), 'deal lost reasons');
    return {
      kind: 'dealLostReasons',
      params: {},
      identity: reason,
      version: 1,
      finds: {},
      patch: values,
      values,
    };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: () => [],
  showsRecord: (body, record) => ((body as { reasons?: string[] }).reasons ?? []).includes(record.identity),
};

/**
 * The workspace's forecast: a deal created through the API in the seeded pipeline's first stage, expected
 * to close today, with an amount of its own (random, so two workspaces never share it) in a currency no
 * other fixture uses: the forecast of its workspace shows that sum.
 */
const forecastKind: RecordKind = {
  name: 'forecast',
  collectionPath: '/api/forecast',
  async create(api) {
    // a pipeline of its own: a deal in the pipeline fixture would make that one's stages unremovable
    const pipeline = expectCreated(
      await api<{ id: string }>('POST', '/api/pipelines', {
        name: `Zoë’s forecast pipeline ${suffix()}`,
        stages: [{ name: 'Angebot', probability: 40 }],
      }),
      'forecast pipeline',
    );
    await seedMember(api.workspaceId);
    const amount = `${1 + Math.floor(Math.random() * 900_000)}.37`;
    const values = {
      name: `Zoë’s forecast ${suffix()}`,
      amount,
      currency: 'CHF',
      expectedCloseDate: new Date().toISOString().slice(0, 10),
      pipelineId: pipeline.id,
    };
    expectCreated(await api('POST', '/api/deals', values), 'forecast deal');
    return {
      kind: 'forecast',
      params: {},
      identity: `${amount} CHF`,
      version: 1,
      finds: {},
      patch: {},
      values,
    };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: () => [],
  showsRecord: (body, record) =>
    (
      body as { weighted?: { total?: { totals?: { amount: string; currency: string }[] } } }
    ).weighted?.total?.totals?.some((total) => `${total.amount} ${total.currency}` === record.identity) ??
    false,
};

/**
 * An email template whose merge fields include the workspace's own custom field, waited for until
 * CompileEmailTemplate (run by the local bus) has compiled it, so preview and test send answer 2xx.
 */
const emailTemplateKind: RecordKind = {
  name: 'emailTemplate',
  collectionPath: '/api/email/templates',
  async create(api, seeded) {
    const key = seeded.fieldDefinition ? String(seeded.fieldDefinition.values.key) : undefined;
    const values = {
      name: `Zoë’s welcome ${suffix()}`,
      subject: 'Hallo {{ contact.firstName | default: "du" }}',
      preheader: 'Grüße von {{ company.name }}',
      mjml:
        '<mjml><mj-body><mj-section><mj-column>' +
        `<mj-text>Hi {{ contact.firstName }}${key ? ` ({{ contact.custom.${key} | upcase }})` : ''}</mj-text>` +
        '<mj-button href="{{ preferences_url }}">Preferences</mj-button>' +
        '</mj-column></mj-section></mj-body></mjml>',
    };
    const body = expectCreated(
      await api<{ id: string; version: number }>('POST', '/api/email/templates', values),
      'email template',
    );
    for (let attempt = 0; ; attempt++) {
      const read = await api<{ compile: { status: string } }>('GET', `/api/email/templates/${body.id}`);
      if (read.body.compile.status === 'ready') break;
      if (read.body.compile.status === 'invalid' || attempt >= 100) {
        throw new Error(`fixture email template not compiled: ${JSON.stringify(read.body.compile)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      kind: 'emailTemplate',
      params: { templateId: body.id },
      identity: body.id,
      version: body.version,
      finds: {},
      patch: { name: `Zoë’s welcome, renamed ${suffix()}` },
      values,
    };
  },
  identityOf: (item) => String(item.id),
  settled: (items) =>
    items.every(
      (item) =>
        item.entity !== 'email_template' || (item.compile as { status?: string }).status !== 'compiling',
    ),
  // not "the other workspace's custom field as a merge field": the walk's creates all run as workspace C,
  // and the custom-field probe before this one gives C a field with A's key (the same entity and key, 201)
  crossWorkspaceCreates: (other) => [
    {
      what: 'the same template name and subject',
      body: {
        name: other.values.name,
        subject: other.values.subject,
        mjml: '<mjml><mj-body></mj-body></mjml>',
      },
      status: 201,
    },
  ],
};

/** The merge fields a template may use: the workspace's own custom contact field among them. */
const mergeFieldsKind: RecordKind = {
  name: 'mergeFields',
  collectionPath: '/api/email/merge-fields',
  async create(_api, seeded) {
    const definition = seeded.fieldDefinition;
    if (!definition) throw new Error('the merge fields fixture needs the field definition fixture first');
    const path = `contact.custom.${String(definition.values.key)}`;
    return { kind: 'mergeFields', params: {}, identity: path, version: 1, finds: {}, patch: {}, values: {} };
  },
  identityOf: (item) => String(item.path),
  crossWorkspaceCreates: () => [],
  showsRecord: (body, record) =>
    (body as { fields?: { path: string }[] }).fields?.some((field) => field.path === record.identity) ??
    false,
};

/** In creation order: companies and contacts are owned by the member kind's caller; a contact links to the company created before it. */
export const recordKinds: readonly RecordKind[] = [
  memberKind,
  companyKind,
  contactKind,
  fieldDefinitionKind,
  listKind,
  emailSettingsKind,
  suppressionKind,
  deliverabilityKind,
  emailLinkKind,
  emailPreferencePageKind,
  taskKind,
  pipelineKind,
  dealKind,
  dealLostReasonsKind,
  forecastKind,
  formKind,
  publicFormKind,
  webhookSubscriptionKind,
  webhookDeliveryKind,
  // shop connections, their public webhook addresses, then a delivery to the generic one
  shopConnectionKind,
  shopifyWebhookKind,
  wooCommerceWebhookKind,
  shopWebhookKind,
  inboxDeliveryKind,
  ticketKind,
  ticketStatsKind,
  ticketSlaKind,
  emailTemplateKind,
  mergeFieldsKind,
  campaignKind,
  audienceCountKind,
];

export function collectionPathOf(path: string): string {
  const open = path.indexOf('{');
  return (open === -1 ? path : path.slice(0, open)).replace(/\/$/, '');
}

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
}

/** The record kind a route serves, or a loud failure naming what to add. */
export function recordKindOf(fn: RegisteredRoute): RecordKind {
  const collection = collectionPathOf(fn.path);
  const kind = recordKinds.find((candidate) => candidate.collectionPath === collection);
  if (!kind) {
    throw new Error(
      `${routeKeyOf(fn)} (${fn.name}): no record kind serves ${collection}. Add a RecordKind with a ` +
        'fixture factory to test/support/record-fixtures.ts so the registry-driven tests can exercise it.',
    );
  }
  return kind;
}

/** A manifest path with its parameters filled in (encoded); fails loudly when one is missing. */
export function pathWith(fn: RegisteredRoute, params: Record<string, string>): string {
  return fn.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      throw new Error(`${routeKeyOf(fn)}: the fixture gives no value for path parameter {${name}}`);
    }
    return encodePathSegment(value);
  });
}

/** One record of every kind in a workspace, created through the API. */
export async function seedWorkspace(api: Api, tag = `t${suffix()}`): Promise<Required<Seeded>> {
  const seeded: Seeded = {};
  for (const kind of recordKinds) seeded[kind.name] = await kind.create(api, seeded, tag);
  return seeded as Required<Seeded>;
}

/** Phone numbers libphonenumber accepts (JSON Schema cannot say what a valid phone number is). */
export const validPhones = [
  '+44 20 7946 0958',
  '+1 415 555 2671',
  '+49 30 901820',
  '+33 1 42 68 53 00',
  '+61 2 9374 4000',
];

/** Country codes the API takes, in any case (JSON Schema cannot list the assigned ISO 3166 codes). */
export const validCountries = ['GB', 'de', 'GE', ' us ', 'CI'];

/** Valid-value hints for a seeded workspace: rules that live outside the schema (links, definitions). */
export function workspaceHints(seeded: Seeded): Hints {
  return {
    phone: fc.constantFrom(...validPhones),
    country: fc.constantFrom(...validCountries),
    ...(seeded.company ? { companyId: fc.constant(seeded.company.params.id) } : {}),
    // a ticket's contact and assignee: the workspace's own (its contact, its active member)
    ...(seeded.contact ? { contactId: fc.constant(seeded.contact.params.id) } : {}),
    // contacts read by id: the workspace's own, a repeat of it, or one that does not exist
    ...(seeded.contact
      ? {
          ids: fc.constantFrom(
            seeded.contact.params.id,
            `${seeded.contact.params.id},${seeded.contact.params.id}`,
            `01J00000000000000000000000,${seeded.contact.params.id}`,
          ),
        }
      : {}),
    ...(seeded.ticket ? { assigneeId: fc.constant(String(seeded.ticket.values.assigneeId)) } : {}),
    // owners and heirs must be active members: the caller is one
    ...(seeded.member
      ? {
          ownerId: fc.constant(String(seeded.member.values.activeMemberId)),
          reassignTo: fc.constant(String(seeded.member.values.activeMemberId)),
        }
      : {}),
    ...campaignHints(seeded),
    customFields: fc.constant({}),
    // deals: the default pipeline and its stages (the seeded deal's), amounts that fit their currency
    ...dealHints,
    ...pipelineHints,
    ...(seeded.deal
      ? {
          pipelineId: fc.constant(String(seeded.deal.values.pipelineId)),
          stageId: fc.constantFrom(...(seeded.deal.values.stageIds as string[])),
          primaryContactId: fc.constant(String(seeded.deal.values.primaryContactId)),
          contactIds: fc.constant([]),
          lostReason: fc.constant('Price'),
        }
      : {}),
    // a form's lists: none, or the workspace's own
    lists: fc.constantFrom([], ...(seeded.list ? [[seeded.list.params.listId]] : [])),
    // forms: mappings the workspace can take (its custom field included), addresses that are https
    fields: fc.constantFrom(
      [{ name: 'email', target: 'email' }],
      [
        { name: 'first_name', target: 'firstName', label: 'Vorname', required: true },
        { name: 'E-Mail', target: 'email' },
        { name: 'tel', target: 'phone' },
      ],
      ...(seeded.fieldDefinition
        ? [
            [
              { name: 'email', target: 'email' },
              { name: 'tier', target: `customFields.${String(seeded.fieldDefinition.values.key)}` },
            ],
          ]
        : []),
    ),
    successRedirectUrl: fc.constantFrom(
      'https://www.example.com/thanks',
      'https://shop.example.com/ü?x=1#top',
    ),
    confirmedRedirectUrl: fc.constant('https://www.example.com/confirmed'),
    allowedOrigins: fc.constantFrom([], ['https://www.example.com'], ['https://shop.example.com:8443']),
    // tasks: an active member as assignee, a record of the workspace, a due time, a time zone Intl knows
    ...(seeded.task ? { assigneeId: fc.constant(String(seeded.task.values.assigneeId)) } : {}),
    related: fc.constantFrom(
      ...(seeded.contact ? [{ kind: 'contact', id: seeded.contact.params.id }] : []),
      ...(seeded.company ? [{ kind: 'company', id: seeded.company.params.id }] : []),
      ...(seeded.deal ? [{ kind: 'deal', id: seeded.deal.params.dealId }] : []),
    ),
    dueAt: fc.constantFrom(
      '2031-03-01T09:30:00Z',
      '2026-12-31T23:59:59.999+14:00',
      '2027-06-01T00:00:00-09:30',
    ),
    timeZone: fc.constantFrom('Europe/Berlin', 'UTC', 'America/St_Johns', 'Asia/Kathmandu'),
  };
}

/**
 * A valid body for a route that addresses a seeded record: the record's patch when the route takes it,
 * else a value derived from the route's body schema (a sub-resource's own body, say).
 */
export function validBodyFor(fn: RegisteredRoute, record: SeededRecord, hints: Hints): unknown {
  const schema = fn.body;
  if (!schema) return undefined;
  if (z.safeParse(schema, record.patch).success) return record.patch;
  return fc.sample(validValueOf(schema, { hints }), { seed: 1, numRuns: 1 })[0];
}
