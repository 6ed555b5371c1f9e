import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud';
import { openWorkSet } from '../../shared/activities/open-work';
import { recipientItem } from '../../shared/campaigns/campaign-runs';
import type { Contact } from '../../shared/contacts/contact';
import { ContactDeleted } from '../../shared/contacts/contact-events';
import { eventBusFromEnv } from '../../shared/events/event-publisher';
import { type ErasureDeps, eraseContact, findPersonalRecords } from '../../shared/privacy/erase-contact';
import { type PersonalItemType, personalDataDeclarations } from '../../shared/privacy/personal-data-registry';
import { registry } from '../../shared/registry/capability-registry';
import type { ShopConnection } from '../../shared/shops/shop-connection';
import { GetCommand, PutCommand } from '../../shared/store/document-client';
import { keys } from '../../shared/store/keys';
import type { Store } from '../../shared/store/store';
import { writeTransaction } from '../../shared/store/transactions';
import { folderArchive } from '../../shared/webhooks/archive';
import { newWorkspaceId } from '../support/api-client';
import { localCloudClient } from '../support/local-cloud-client';
import { fixture, shopifyHeaders, shopifyTestSecret } from '../support/shop-webhooks';
import { seedMember } from '../support/team-members';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

/**
 * The erasure walk: one person gets an item of every type the registry declares as personal data, through
 * the real API, intake and processors; DELETE /api/contacts/{id} erases it; then neither the whole table nor
 * the archive folder holds the person's email, name, phone or street any more. A declared type with no
 * seeding step below fails the walk, so a new type cannot be declared without being erased end to end.
 */
const person = {
  email: 'wiebke.quernheim@example.com',
  firstName: 'Wiebke',
  lastName: 'Quernheim',
  phone: '+4915199887766',
  street: 'Erlenweg 41',
};
/** What must appear nowhere after the erasure (the phone without its + and spaces, as a shop may write it). */
const traces = [person.email, person.firstName, person.lastName, '15199887766', person.street];

/** The seeding steps below, and which declared item types each one produces for the person. */
const seededBy = {
  contact: 'form post',
  contactEmail: 'form post',
  contactTag: 'form post',
  activity: 'submission from before the timeline',
  timelineEntry: 'form post',
  activityRevision: 'note logged and edited',
  consent: 'form post',
  listMember: 'form post',
  webhookDelivery: 'form post',
  webhookArchiveObject: 'form post',
  outbox: 'form post',
  outboundDelivery: 'webhook subscription',
  order: 'Shopify order',
  purchaseStats: 'Shopify order',
  checkout: 'Shopify checkout',
  confirmationMail: 'double opt-in form post',
  ticket: 'support ticket',
  task: 'task about the person',
  openWork: 'task about the person',
  deal: 'deal with the person and a bystander',
  dealContactLink: 'deal with the person and a bystander',
  campaignRecipient: 'campaign send record',
  emailPreferences: 'marketing consent recorded by a member',
  emailConsentChange: 'marketing consent recorded by a member',
  emailSuppression: 'address suppressed by hand',
} satisfies Record<PersonalItemType, string>;

let cloud: LocalCloud;
let client: ReturnType<typeof localCloudClient>;
let api: Awaited<ReturnType<ReturnType<typeof localCloudClient>['apiAs']>>;
let receiver: WebhookReceiver;
let store: Store;
let archiveDir: string;
const workspaceId = newWorkspaceId('erasure');

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, tableName: 'seed-crm-erasure-test' });
  archiveDir = process.env.ARCHIVE_DIR as string;
  client = localCloudClient(cloud);
  api = await client.apiAs(workspaceId);
  receiver = await startWebhookReceiver();
  store = { client: client.documents, tableName: cloud.tableName };
});
afterAll(async () => {
  await receiver?.close();
  await cloud?.stop();
});

/** Every file of the archive folder, with the raw body decoded (archived bodies are base64). */
function archivedTexts(): { path: string; text: string }[] {
  if (!existsSync(archiveDir)) return [];
  return readdirSync(archiveDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const text = readFileSync(join(archiveDir, name), 'utf8');
      const body = (JSON.parse(text) as { bodyBase64?: string }).bodyBase64;
      return { path: name, text: `${text}\n${body ? Buffer.from(body, 'base64').toString('utf8') : ''}` };
    });
}

const hitsOf = (terms: readonly string[]) => (text: string) =>
  terms.filter((term) => text.toLowerCase().includes(term.toLowerCase()));
const hitsIn = hitsOf(traces);

/** Where in the table and the archive folder any of `terms` is still found. */
async function leftovers(terms: readonly string[]) {
  const hits = hitsOf(terms);
  return {
    items: (await client.allItems())
      .map((item) => ({ pk: item.pk, sk: item.sk, hits: hits(JSON.stringify(item)) }))
      .filter((item) => item.hits.length > 0),
    files: archivedTexts()
      .map(({ path, text }) => ({ path, hits: hits(text) }))
      .filter((file) => file.hits.length > 0),
  };
}

let formId: string;

/** A Shopify body of the reference fixtures, rewritten to be about the person. */
function aboutThePerson(path: string, replacements: [string | RegExp, string][]): string {
  return replacements.reduce<string>(
    (text, [from, to]) => text.replaceAll(from, to),
    fixture(path).toString('utf8'),
  );
}

describe('erasing a person', () => {
  let contactId: string;
  let bystanderId: string;
  let dealId: string;
  let connection: ShopConnection;

  it('has a seeding step for every item type a capability of the registry declares', () => {
    const declared = registry.capabilities.flatMap((capability) =>
      (capability.personalData ?? []).map((declaration) => declaration.itemType),
    );
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.filter((itemType) => !(itemType in seededBy))).toEqual([]);
  });

  it('seeds one item of every declared type for the person', async () => {
    // webhook subscription: every event about the person becomes an outbound delivery
    const subscription = await api('POST', '/api/settings/webhooks', {
      url: receiver.url('/erasure'),
      eventTypes: ['*'],
    });
    expect(subscription.status, JSON.stringify(subscription.body)).toBe(201);

    // form post: contact, email, tags, activity, consent, list membership, inbox item, archive object, outbox
    const list = await api<{ id: string }>('POST', '/api/lists', { name: 'Walk readers' });
    expect(list.status).toBe(201);
    const form = await api<{ id: string }>('POST', '/api/settings/forms', {
      name: 'Walk signup',
      fields: [
        { name: 'email', target: 'email' },
        { name: 'first_name', target: 'firstName' },
        { name: 'last_name', target: 'lastName' },
        { name: 'phone', target: 'phone' },
      ],
      tags: ['walk'],
      lists: [list.body.id],
      consent: { text: 'I would like the newsletter.', doubleOptIn: false },
    });
    expect(form.status, JSON.stringify(form.body)).toBe(201);
    formId = form.body.id;
    const posted = await client.post(
      `/api/webhooks/forms/${form.body.id}`,
      JSON.stringify({
        email: person.email,
        first_name: person.firstName,
        last_name: person.lastName,
        phone: person.phone,
        consent: 'on',
        message: `Please deliver to ${person.street}`,
        utm_source: 'walk',
      }),
      { 'content-type': 'application/json', 'user-agent': 'Walk/1.0' },
    );
    expect(posted.status, JSON.stringify(posted.body)).toBe(202);

    // double opt-in form post: the claim of its confirmation email (keyed by a hash of the address)
    const optIn = await api<{ id: string }>('POST', '/api/settings/forms', {
      name: 'Walk double opt-in',
      fields: [{ name: 'email', target: 'email' }],
      consent: { text: 'Send me the walk letter.', doubleOptIn: true },
    });
    expect(optIn.status, JSON.stringify(optIn.body)).toBe(201);
    const optInPost = await client.post(
      `/api/webhooks/forms/${optIn.body.id}`,
      JSON.stringify({ email: person.email, consent: 'on' }),
      { 'content-type': 'application/json' },
    );
    expect(optInPost.status, JSON.stringify(optInPost.body)).toBe(202);

    // Shopify: an order (purchase statistics with it) and a checkout, both about the person
    const created = await api<ShopConnection>('POST', '/api/settings/shop-connections', {
      provider: 'shopify',
      name: 'Walk shop',
      secret: shopifyTestSecret,
    });
    expect(created.status).toBe(201);
    connection = created.body;
    const order = aboutThePerson('shopify/orders-create.body', [
      ['lena.schmidt@example.com', person.email],
      ['Lena', person.firstName],
      ['Schmidt', person.lastName],
      ['+4915123456789', person.phone],
      ['+49 30 12345678', person.phone],
      ['Kastanienallee 12', person.street],
    ]);
    const checkout = aboutThePerson('shopify/checkouts-create.body', [
      ['jonas.weber@example.com', person.email],
      ['Jonas', person.firstName],
      ['Weber', person.lastName],
    ]);
    for (const [body, topic, id] of [
      [order, 'orders/create', 'walk-order-1'],
      [checkout, 'checkouts/create', 'walk-checkout-1'],
    ] as const) {
      const reply = await client.post(
        connection.webhookPath,
        body,
        shopifyHeaders(body, topic, shopifyTestSecret, id),
      );
      expect(reply.status, `${topic}: ${JSON.stringify(reply.body)}`).toBe(202);
    }
    // Shopify delivers the order again: a duplicate, whose archived copy carries the person too
    const again = await client.post(
      connection.webhookPath,
      order,
      shopifyHeaders(order, 'orders/create', shopifyTestSecret, 'walk-order-1'),
    );
    expect(again.status).toBe(200);

    // someone else, who must keep everything
    const bystander = await api<Contact>('POST', '/api/contacts', {
      firstName: 'Bo',
      email: 'bo.bystander@example.com',
      tags: ['walk'],
    });
    expect(bystander.status).toBe(201);
    bystanderId = bystander.body.id;
    await client.drained();

    const found = await api<{ items: Contact[] }>(
      'GET',
      `/api/contacts?email=${encodeURIComponent(person.email)}`,
    );
    expect(found.body.items).toHaveLength(1);
    contactId = found.body.items[0]?.id as string;
    expect(found.body.items[0]).toMatchObject({ firstName: person.firstName, lastName: person.lastName });

    // marketing consent recorded by a member (preferences and a consent change, the note naming the person)
    const consent = await api('PUT', `/api/contacts/${contactId}/email-preferences`, {
      marketing: 'subscribed',
      note: `${person.firstName} said yes at the fair`,
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(200);
    // address suppressed by hand: the address goes with the person, its hash stays
    const suppressed = await api('POST', '/api/email/suppressions', { email: person.email });
    expect(suppressed.status, JSON.stringify(suppressed.body)).toBe(201);

    // support ticket: the person's words, and its name on the ticket for the queue
    const ticket = await api<{ id: string; contactName: string }>('POST', '/api/tickets', {
      subject: 'Parcel never arrived',
      description: `Please send it to ${person.street} again.`,
      priority: 'high',
      contactId,
    });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    expect(ticket.body.contactName).toBe(`${person.firstName} ${person.lastName}`);
    // task about the person: its title and notes name them (and its events go out as deliveries)
    await seedMember(workspaceId, { table: { client: client.documents, tableName: cloud.tableName } });
    const task = await api('POST', '/api/tasks', {
      title: `Call ${person.firstName} ${person.lastName}`,
      notes: `Visit at ${person.street}, ${person.phone}`,
      dueAt: '2030-01-01T09:00:00Z',
      related: { kind: 'contact', id: contactId },
    });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    // deal with the person and a bystander: the person leaves it, the deal and the bystander stay
    const deal = await api<{ id: string }>('POST', '/api/deals', {
      name: 'Walk espresso subscription',
      amount: '1200.00',
      currency: 'EUR',
      primaryContactId: contactId,
      contactIds: [bystanderId],
    });
    expect(deal.status, JSON.stringify(deal.body)).toBe(201);
    dealId = deal.body.id;
    await client.drained();
    await receiver.waitFor('/erasure', 1);

    // note logged and edited: the note on the timeline, its first text kept as a revision
    const note = await api<{ id: string; version: number }>('POST', `/api/contacts/${contactId}/activities`, {
      type: 'note',
      body: `Called ${person.firstName} ${person.lastName} about ${person.street}`,
    });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    const edited = await api(
      'PATCH',
      `/api/contacts/${contactId}/activities/${note.body.id}`,
      { type: 'note', body: `${person.firstName} prefers email: ${person.email}` },
      { 'if-match': `"${note.body.version}"` },
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);

    // open work: the tasks and tickets capabilities keep this item; written here as they write it
    await writeTransaction(store, [
      openWorkSet(cloud.tableName, workspaceId, contactId, {
        kind: 'task',
        id: '01JTASK0000000000000000000',
        title: `Send ${person.firstName} the catalogue`,
        updatedAt: new Date().toISOString(),
      }),
    ]);

    // campaign send record: the campaigns runner's recipient item for the person, as it writes it
    await client.documents.send(
      new PutCommand({
        TableName: cloud.tableName,
        Item: recipientItem(
          workspaceId,
          '01JCAMPA1GN000000000000000',
          { contactId, email: person.email },
          1,
          new Date(),
        ),
      }),
    );

    // submission from before the timeline: an item under the old key, as infra/migrate-timeline.ts finds it
    await client.documents.send(
      new PutCommand({
        TableName: cloud.tableName,
        Item: {
          ...keys.contactActivity(workspaceId, contactId, '01JAAAAAAAAAAAAAAAAAAAAAAA'),
          entity: 'activity',
          id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
          type: 'form.submitted',
          contactId,
          formId,
          formName: 'Walk signup',
          occurredAt: '2025-01-01T00:00:00.000Z',
          recordedAt: '2025-01-01T00:00:00.000Z',
          utm: {},
          fields: { message: `From ${person.email}` },
        },
      }),
    );

    for (const declaration of personalDataDeclarations) {
      const records = await findPersonalRecords(store, workspaceId, contactId, declaration);
      const count = records.items.length + records.archiveKeys.length;
      expect(count, `${declaration.itemType} (seeded by ${seededBy[declaration.itemType]})`).toBeGreaterThan(
        0,
      );
      for (const key of records.archiveKeys) expect(existsSync(join(archiveDir, key)), key).toBe(true);
    }
    const before = (await client.allItems()).filter((item) => hitsIn(JSON.stringify(item)).length > 0);
    expect(before.length).toBeGreaterThan(0);
    expect(archivedTexts().filter(({ text }) => hitsIn(text).length > 0).length).toBeGreaterThan(0);
  });

  it('erases the person with DELETE /api/contacts/{id}: nothing of it is left in the table or the archive', async () => {
    expect((await api('DELETE', `/api/contacts/${contactId}`)).status).toBe(204);
    await client.drained();

    expect(await leftovers(traces)).toEqual({ items: [], files: [] });
    for (const declaration of personalDataDeclarations) {
      const records = await findPersonalRecords(store, workspaceId, contactId, declaration);
      expect(records, declaration.itemType).toEqual({ items: [], archiveKeys: [] });
    }
  });

  it('keeps the order for accounting, without whose it was', async () => {
    const { Item } = await client.documents.send(
      new GetCommand({
        TableName: cloud.tableName,
        Key: keys.order(workspaceId, connection.id.split('.')[1] as string, '5938475629384'),
      }),
    );
    expect(Item).toMatchObject({
      currency: 'EUR',
      total: '89.70',
      placedAt: '2025-05-14T08:22:30.000Z',
      lineItems: [
        expect.objectContaining({ sku: 'KAF-ESP-500-B' }),
        expect.objectContaining({ sku: 'TAS-MORGENROT' }),
      ],
      anonymisedAt: expect.any(String),
    });
    expect(Item).not.toHaveProperty('email');
    expect(Item).not.toHaveProperty('contactId');
    expect(Item).not.toHaveProperty('gsi3pk');
  });

  it('still tells subscribers contact.deleted, with ids only, and no longer knows the contact', async () => {
    const deleted = cloud.eventBus
      .published()
      .filter((entry) => entry.event['detail-type'] === 'contact.deleted')
      .map((entry) => ContactDeleted.detail.parse(entry.event.detail));
    expect(deleted).toEqual([expect.objectContaining({ workspaceId, contactId })]);
    const delivered = receiver
      .received('/erasure')
      .map((request) => JSON.parse(request.body) as { type: string; data: unknown });
    expect(delivered.filter((payload) => payload.type === 'contact.deleted')).toEqual([
      expect.objectContaining({ data: { contactId } }),
    ]);
    expect((await api('GET', `/api/contacts/${contactId}`)).status).toBe(404);
    // a retry of the erasure finds nothing left to do, and says the contact is unknown
    expect((await api('DELETE', `/api/contacts/${contactId}`)).status).toBe(404);
  });

  it('makes no outbound delivery of an event about the person still on its way after the erasure', async () => {
    const created = cloud.eventBus
      .published()
      .find(
        (entry) =>
          entry.event['detail-type'] === 'contact.created' &&
          (entry.event.detail as { contact?: { id?: string } }).contact?.id === contactId,
      );
    if (!created) throw new Error('contact.created of the person was not published');
    const eventId = (created.event.detail as { eventId: string }).eventId;
    const sent = () =>
      receiver
        .received('/erasure')
        .filter((request) => (JSON.parse(request.body) as { id: string }).id === eventId);
    expect(sent()).toHaveLength(1);
    // the same event handed over again, as EventBridge may, or as one still in the stream would be
    const bus = eventBusFromEnv({ ...process.env, EVENTBRIDGE_ENDPOINT: cloud.eventBridgeEndpoint });
    await bus.client.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: created.event.source,
            DetailType: created.event['detail-type'],
            Detail: JSON.stringify(created.event.detail),
            EventBusName: bus.busName,
          },
        ],
      }),
    );
    await client.drained();
    expect(sent()).toHaveLength(1);
    expect(await leftovers(traces)).toEqual({ items: [], files: [] });
  });

  it('keeps the deal for the team, without the person', async () => {
    const deal = await api<{ primaryContactId?: string; contactIds: string[]; version: number }>(
      'GET',
      `/api/deals/${dealId}`,
    );
    expect(deal.status).toBe(200);
    expect(deal.body).not.toHaveProperty('primaryContactId');
    expect(deal.body.contactIds).toEqual([bystanderId]);
    expect(deal.body.version).toBe(2);
    const bystanderDeals = await api<{ items: { id: string }[] }>(
      'GET',
      `/api/deals?contactId=${bystanderId}`,
    );
    expect(bystanderDeals.body.items.map((item) => item.id)).toEqual([dealId]);
  });

  it('leaves everyone else as they were', async () => {
    const bystander = await api<Contact>('GET', `/api/contacts/${bystanderId}`);
    expect(bystander.status).toBe(200);
    expect(bystander.body).toMatchObject({ firstName: 'Bo', tags: ['walk'] });
  });
});

describe('an erasure that crashes half way', () => {
  const other = { email: 'ottilie.brandauer@example.com', firstName: 'Ottilie', lastName: 'Brandauer' };

  /** The real table, except that the first `command` sent fails as if the function died there. */
  function crashingAt(command: string): ErasureDeps {
    let crashed = false;
    const send = (sent: object) => {
      if (!crashed && sent.constructor.name === command) {
        crashed = true;
        return Promise.reject(new Error(`crashed at ${command}`));
      }
      return client.documents.send(sent as never);
    };
    return {
      store: { tableName: cloud.tableName, client: { send } as unknown as Store['client'] },
      clock: () => new Date(),
      archive: folderArchive(archiveDir),
    };
  }

  it('is finished by DELETE again, whether it died while sweeping or at the contact itself', async () => {
    const posted = await client.post(
      `/api/webhooks/forms/${formId}`,
      JSON.stringify({
        email: other.email,
        first_name: other.firstName,
        last_name: other.lastName,
        consent: 'on',
      }),
      { 'content-type': 'application/json' },
    );
    expect(posted.status).toBe(202);
    await client.drained();
    const found = await api<{ items: Contact[] }>(
      'GET',
      `/api/contacts?email=${encodeURIComponent(other.email)}`,
    );
    const id = found.body.items[0]?.id as string;
    const terms = Object.values(other);
    expect((await leftovers(terms)).items.length).toBeGreaterThan(0);

    await expect(eraseContact(crashingAt('BatchWriteCommand'), workspaceId, id)).rejects.toThrow(/crashed/);
    await expect(eraseContact(crashingAt('TransactWriteCommand'), workspaceId, id)).rejects.toThrow(
      /crashed/,
    );
    // the contact itself goes last: it is still there to be erased again
    expect((await api('GET', `/api/contacts/${id}`)).status).toBe(200);

    expect((await api('DELETE', `/api/contacts/${id}`)).status).toBe(204);
    await client.drained();
    expect(await leftovers(terms)).toEqual({ items: [], files: [] });
  });
});
