import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud';
import type { FormSubmittedEntry, TimelinePage } from '../../shared/activities/timeline-entry';
import { ConsentConfirmed } from '../../shared/consents/consent-events';
import type { Contact } from '../../shared/contacts/contact';
import { crmEventSource } from '../../shared/events/domain-event';
import type { Form } from '../../shared/forms/form';
import { FormSubmitted } from '../../shared/forms/form-events';
import { ListJoined } from '../../shared/lists/list-events';
import { type DocumentClient, documentClientOf, QueryCommand } from '../../shared/store/document-client';
import { keys } from '../../shared/store/keys';

/**
 * A form post all the way: intake -> webhook.received on the local bus -> processing (contact, tags,
 * activity, consent, the double opt-in mail in the SES emulator) -> the link in the mail -> consent
 * confirmed, with form.submitted and consent.confirmed on the bus. Runs its own local cloud, to drain the
 * bus and look at what was published.
 */
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'forms');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const workspaceId = 'forms';
const email = 'juergen.mueller+news@example.com';

interface StoredMail {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

let cloud: LocalCloud;
let token: string;
let dynamodb: DynamoDBClient;
let table: DocumentClient;

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, tableName: 'seed-crm-forms-test' });
  const reply = await fetch(`${cloud.url}/api/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspaceId, email: 'ann@example.com', roles: ['admin'] }),
  });
  token = ((await reply.json()) as { token: string }).token;
  dynamodb = new DynamoDBClient({
    endpoint: cloud.dynamoDbEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  table = documentClientOf(dynamodb);
});
afterAll(async () => {
  dynamodb?.destroy();
  await cloud?.stop();
});

/** Until the outbox, the bus and the functions it triggers are quiet (processing writes outbox items too). */
async function drained(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const poller of cloud.streamPollers) await poller.drain();
    await cloud.eventBus.settled();
  }
}

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const reply = await fetch(`${cloud.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await reply.text();
  return { status: reply.status, body: (text ? JSON.parse(text) : undefined) as T };
}

function postForm(formId: string, body: string, contentType: string, headers: Record<string, string> = {}) {
  return fetch(`${cloud.url}/api/webhooks/forms/${formId}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body,
    redirect: 'manual',
  });
}

async function createForm(body: Record<string, unknown>): Promise<Form> {
  const reply = await api<Form>('POST', '/api/settings/forms', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

async function contactByEmail(address: string): Promise<Contact | undefined> {
  const reply = await api<{ items: Contact[] }>('GET', `/api/contacts?email=${encodeURIComponent(address)}`);
  return reply.body.items[0];
}

async function partitionItems(contactId: string, prefix: string) {
  const { pk } = keys.record(workspaceId, 'CONTACT', contactId);
  const page = await table.send(
    new QueryCommand({
      TableName: cloud.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ConsistentRead: true,
    }),
  );
  return page.Items ?? [];
}

async function mailbox(): Promise<StoredMail[]> {
  const reply = await fetch(`${cloud.sesEndpoint}/store`);
  return ((await reply.json()) as { emails: StoredMail[] }).emails;
}

const published = (detailType: string) =>
  cloud.eventBus
    .published()
    .filter((entry) => entry.event.source === crmEventSource && entry.event['detail-type'] === detailType)
    .map((entry) => entry.event.detail as Record<string, unknown>);

describe('a double opt-in newsletter form', () => {
  let form: Form;
  let list: { id: string; name: string };
  let contact: Contact;
  let link: string;

  beforeAll(async () => {
    await api('POST', '/api/settings/fields', {
      entity: 'contact',
      key: 'source',
      label: 'Source',
      type: 'text',
    });
    list = (await api<{ id: string; name: string }>('POST', '/api/lists', { name: 'Newsletter readers' }))
      .body;
    form = await createForm({
      name: 'Newsletter',
      fields: [
        { name: 'email', target: 'email' },
        { name: 'first_name', target: 'firstName' },
        { name: 'form_id', target: 'customFields.source' },
      ],
      tags: ['newsletter', 'spring'],
      lists: [list.id],
      consent: { text: 'Ich möchte den Newsletter erhalten.', doubleOptIn: true },
    });
  });

  it('turns the JSON fixture into a contact with tags, an activity with UTM, a pending consent and one email', async () => {
    const reply = await postForm(form.id, fixture('newsletter-signup.json'), 'application/json', {
      'user-agent': 'Mozilla/5.0 (fixture)',
    });
    expect(reply.status).toBe(202);
    const { submissionId } = (await reply.json()) as { submissionId: string };
    await drained();

    contact = (await contactByEmail(email)) as Contact;
    expect(contact).toMatchObject({
      email,
      firstName: 'Jürgen',
      tags: ['newsletter', 'spring'],
      customFields: { source: 'newsletter-footer' },
    });
    const [activity, ...otherActivities] = await partitionItems(contact.id, 'CONTACT#TIMELINE#');
    expect(otherActivities).toEqual([]);
    expect(activity).toMatchObject({
      id: submissionId,
      type: 'form.submitted',
      formId: form.id,
      utm: { source: 'instagram', medium: 'social', campaign: 'fruehling_2025', content: 'story ad #2' },
      pageUrl:
        'https://shop.example.com/espresso?utm_source=instagram&utm_medium=social&utm_campaign=fruehling_2025',
      userAgent: 'Mozilla/5.0 (fixture)',
      ip: expect.any(String),
      consentId: submissionId,
      gsi3pk: keys.formSubmissionsPartition(workspaceId, form.id.split('.')[1] as string),
    });
    const [consent] = await partitionItems(contact.id, 'CONSENT#');
    expect(consent).toMatchObject({
      status: 'pending',
      text: 'Ich möchte den Newsletter erhalten.',
      version: form.consent?.version,
      submittedVersion: '2025-03',
      doubleOptIn: true,
      email,
      ip: expect.any(String),
      confirmationSentAt: expect.any(String),
    });

    const mails = (await mailbox()).filter((mail) => mail.destination.to.includes(email));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Please confirm: Newsletter');
    expect(mails[0]?.body.text).toContain('Ich möchte den Newsletter erhalten.');
    link = /https?:\/\/\S+\/confirm\?token=[A-Za-z0-9_.-]+/.exec(mails[0]?.body.text ?? '')?.[0] ?? '';
    expect(link.startsWith(`${cloud.url}/api/webhooks/forms/${form.id}/confirm?token=`)).toBe(true);

    const submitted = published('form.submitted').map((detail) => FormSubmitted.detail.parse(detail));
    expect(submitted).toEqual([
      expect.objectContaining({
        workspaceId,
        formId: form.id,
        submissionId,
        contactId: contact.id,
        contactCreated: true,
        email,
        consent: 'pending',
        utm: expect.objectContaining({ source: 'instagram' }),
      }),
    ]);
    expect(published('consent.confirmed')).toEqual([]);

    const lists = await api<{ items: Array<{ list: { id: string }; source: unknown }> }>(
      'GET',
      `/api/contacts/${contact.id}/lists`,
    );
    expect(lists.body.items).toEqual([
      expect.objectContaining({
        list: { id: list.id, name: list.name },
        source: { kind: 'form', formId: form.id },
      }),
    ]);
    expect(published('list.joined').map((detail) => ListJoined.detail.parse(detail))).toEqual([
      expect.objectContaining({ workspaceId, listId: list.id, listName: list.name, contactId: contact.id }),
    ]);
  });

  it('confirms the consent when the link is followed, once, and says so again on a second click', async () => {
    const first = await fetch(link, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Thank you for confirming');
    await drained();
    const [consent] = await partitionItems(contact.id, 'CONSENT#');
    expect(consent).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) });
    const confirmed = published('consent.confirmed').map((detail) => ConsentConfirmed.detail.parse(detail));
    expect(confirmed).toEqual([
      expect.objectContaining({ contactId: contact.id, formId: form.id, email, doubleOptIn: true }),
    ]);

    const again = await fetch(link, { headers: { accept: 'text/html' } });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Already confirmed');
    await drained();
    expect(published('consent.confirmed')).toHaveLength(1);
  });

  it('refuses a link that was tampered with', async () => {
    const tampered = link.replace(
      /token=./,
      (match) => `${match.slice(0, -1)}${match.endsWith('A') ? 'B' : 'A'}`,
    );
    const reply = await fetch(tampered);
    expect(reply.status).toBe(400);
    expect(((await reply.json()) as { error: { code: string } }).error.code).toBe('consent.link_invalid');
  });

  it('updates the same contact from the urlencoded fixture without consent: a second activity, no mail', async () => {
    const mailsBefore = (await mailbox()).length;
    const reply = await postForm(
      form.id,
      fixture('newsletter-signup.no-consent.urlencoded'),
      'application/x-www-form-urlencoded',
      {
        accept: 'application/json',
      },
    );
    expect(reply.status).toBe(202);
    await drained();
    expect((await contactByEmail(email))?.id).toBe(contact.id);
    expect(await partitionItems(contact.id, 'CONTACT#TIMELINE#')).toHaveLength(2);
    expect(await partitionItems(contact.id, 'CONSENT#')).toHaveLength(1);
    expect((await mailbox()).length).toBe(mailsBefore);
    expect(published('form.submitted').at(-1)).toMatchObject({ contactCreated: false, consent: 'none' });
    // on the form's list already: no second membership, no second list.joined
    expect(await partitionItems(contact.id, 'LIST#')).toHaveLength(1);
    expect(published('list.joined')).toHaveLength(1);

    // the timeline shows both, newest first, with where each came from and the consent as it is now
    const timeline = await api<TimelinePage>('GET', `/api/contacts/${contact.id}/activities`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.items).toHaveLength(2);
    const [latest, first] = timeline.body.items as FormSubmittedEntry[];
    expect(latest?.consent).toBeUndefined();
    expect(first).toMatchObject({
      formName: 'Newsletter',
      utm: { source: 'instagram', campaign: 'fruehling_2025' },
      consent: { status: 'confirmed', text: 'Ich möchte den Newsletter erhalten.' },
    });
    const paged = await api<TimelinePage>('GET', `/api/contacts/${contact.id}/activities?limit=1`);
    const next = await api<TimelinePage>(
      'GET',
      `/api/contacts/${contact.id}/activities?limit=1&cursor=${paged.body.nextCursor ?? ''}`,
    );
    expect(next.body.items.map((item) => item.id)).toEqual([first?.id]);
  });

  it('records a redelivered or replayed submission once', async () => {
    const body = JSON.stringify({
      email: 'replay@example.com',
      consent: 'on',
      submission_id: 'replay-0000-0001',
    });
    const first = await postForm(form.id, body, 'application/json');
    const second = await postForm(form.id, body, 'application/json');
    const { submissionId } = (await first.json()) as { submissionId: string };
    expect(((await second.json()) as { submissionId: string }).submissionId).toBe(submissionId);
    await drained();
    const replay = await api('POST', `/api/webhooks/inbox/${submissionId}/replay`, {});
    expect(replay.status).toBeLessThan(300);
    await drained();
    const replayed = (await contactByEmail('replay@example.com')) as Contact;
    expect(await partitionItems(replayed.id, 'CONTACT#TIMELINE#')).toHaveLength(1);
    expect(await partitionItems(replayed.id, 'CONSENT#')).toHaveLength(1);
    expect(
      (await mailbox()).filter((mail) => mail.destination.to.includes('replay@example.com')),
    ).toHaveLength(1);
    expect(published('form.submitted').filter((detail) => detail.submissionId === submissionId)).toHaveLength(
      1,
    );
  });

  it('stores nothing for a honeypot hit', async () => {
    const reply = await postForm(
      form.id,
      fixture('newsletter-signup.spam.urlencoded'),
      'application/x-www-form-urlencoded',
    );
    expect(reply.status).toBe(200);
    await drained();
    expect(await contactByEmail('xq7w9@example.net')).toBeUndefined();
  });
});

describe('a single opt-in form', () => {
  it('confirms consent at once, without an email', async () => {
    const form = await createForm({
      name: 'Events',
      fields: [{ name: 'email', target: 'email' }],
      consent: { text: 'Tell me about events.', doubleOptIn: false },
    });
    const mailsBefore = (await mailbox()).length;
    const reply = await postForm(
      form.id,
      'email=single%40example.com&consent=on',
      'application/x-www-form-urlencoded',
    );
    expect(reply.status).toBe(200);
    await drained();
    const contact = (await contactByEmail('single@example.com')) as Contact;
    expect(await partitionItems(contact.id, 'CONSENT#')).toEqual([
      expect.objectContaining({ status: 'confirmed', doubleOptIn: false, text: 'Tell me about events.' }),
    ]);
    expect((await mailbox()).length).toBe(mailsBefore);
    expect(published('consent.confirmed').filter((detail) => detail.contactId === contact.id)).toHaveLength(
      1,
    );
  });
});

describe('the confirmation link of a post with a spoofed Host', () => {
  let hostForm: Form;
  beforeAll(async () => {
    hostForm = await createForm({
      name: 'Host check',
      fields: [
        { name: 'email', target: 'email' },
        { name: 'first_name', target: 'firstName' },
      ],
      consent: { text: 'Send me news.', doubleOptIn: true },
    });
  });

  it('links the confirmation to the configured address, never to the Host or X-Forwarded-Host of the post', async () => {
    const victim = 'host.header.victim@example.com';
    const body = JSON.stringify({ email: victim, first_name: 'Vic', consent: 'on' });
    // node:http, as fetch will not send a Host of the caller's choosing
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(
        `${cloud.url}/api/webhooks/forms/${hostForm.id}`,
        {
          method: 'POST',
          agent: false,
          headers: {
            host: 'evil.example',
            'x-forwarded-host': 'evil.example',
            'x-forwarded-proto': 'https',
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    expect(status).toBe(202);
    await drained();
    const mails = (await mailbox()).filter((mail) => mail.destination.to.includes(victim));
    expect(mails).toHaveLength(1);
    const text = mails[0]?.body.text ?? '';
    expect(text).not.toContain('evil.example');
    expect(text).toContain(`${cloud.url}/api/webhooks/forms/${hostForm.id}/confirm?token=`);
  });
});
