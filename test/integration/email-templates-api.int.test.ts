import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud';
import { compileEmailTemplate } from '../../shared/email-templates/compile-email-template';
import type { EmailTemplate, TemplatePreview } from '../../shared/email-templates/email-template';
import { emailTemplatesKeys } from '../../shared/email-templates/email-templates-keys';
import { MergeContextLoader } from '../../shared/email-templates/merge-context-loader';
import { compileMjml } from '../../shared/email-templates/mjml-compiler';
import { newWorkspaceId } from '../support/api-client';
import { countingStore } from '../support/counting-store';
import { localCloudClient } from '../support/local-cloud-client';
import { seedMember } from '../support/team-members';

/**
 * Email templates against the real local services, in a local cloud of its own so its bus can be drained:
 * a save is checked and queued for compiling, CompileEmailTemplate (run by the local bus from the
 * registry, as in AWS) compiles it, then preview and test send merge it for a contact.
 */
interface StoredMail {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

let cloud: LocalCloud;
let client: ReturnType<typeof localCloudClient>;
const workspaceId = newWorkspaceId('email-tpl');
let api: Awaited<ReturnType<ReturnType<typeof localCloudClient>['apiAs']>>;

const mjml = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hello {{ contact.firstName | default: "there" }} from {{ company.name }}</mj-text>
        <mj-text><h1>Owner: {{ owner.name }}</h1></mj-text>
        <mj-button href="{{ unsubscribe_url }}">Unsubscribe</mj-button>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

beforeAll(async () => {
  cloud = await startLocalCloud({
    port: 0,
    inMemory: true,
    quiet: true,
    tableName: 'seed-crm-email-tpl-test',
  });
  client = localCloudClient(cloud);
  api = await client.apiAs(workspaceId);
  await seedMember(workspaceId, {
    name: 'Grace <Hopper>',
    table: { client: client.documents, tableName: cloud.tableName },
  });
});
afterAll(async () => {
  await cloud?.stop();
});

async function mailbox(): Promise<StoredMail[]> {
  const reply = await fetch(`${cloud.sesEndpoint}/store`);
  return ((await reply.json()) as { emails: StoredMail[] }).emails;
}

describe('email templates', () => {
  it('refuse unknown merge fields and filters with their part, line and column, and write nothing', async () => {
    const reply = await api<{ error: { code: string; fields: Record<string, string> } }>(
      'POST',
      '/api/email/templates',
      {
        name: 'Broken',
        subject: 'Hi {{ contact.nickname }}',
        mjml: '<mjml>\n  <mj-body>{{ contact.email | truncate }}</mj-body>\n</mjml>',
      },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('email_template.unknown_merge_field');
    expect(Object.keys(reply.body.error.fields).sort()).toEqual(['mjml:2:31', 'subject:1:7']);
    expect(reply.body.error.fields['subject:1:7']).toMatch(/Unknown merge field "contact\.nickname"/);
    expect(reply.body.error.fields['mjml:2:31']).toMatch(/Unknown filter "truncate"/);
    const items = await client.itemsOf(workspaceId);
    expect(items.filter((item) => String(item.pk).includes('#EMAIL_TEMPLATE#'))).toEqual([]);
  });

  it('are compiled after save, previewed for a contact with its values escaped, and test-sent to the member', async () => {
    const company = await api<{ id: string }>('POST', '/api/companies', { name: 'Acme & <Sons>' });
    expect(company.status).toBe(201);
    const owner = await seedMember(workspaceId, {
      email: 'owner@example.com',
      name: 'Grace <Hopper>',
      table: { client: client.documents, tableName: cloud.tableName },
    });
    const contact = await api<{ id: string }>('POST', '/api/contacts', {
      firstName: '<script>Ada',
      email: 'ada@example.com',
      companyId: company.body.id,
      ownerId: owner,
    });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);

    const created = await api<EmailTemplate>('POST', '/api/email/templates', {
      name: 'Welcome',
      subject: 'Welcome, {{ contact.firstName | default: "friend" }}',
      preheader: 'News from {{ company.name }}',
      mjml,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.compile).toEqual({ status: 'compiling', version: 1 });
    expect(created.body.mergeFields).toEqual([
      'contact.firstName',
      'company.name',
      'owner.name',
      'unsubscribe_url',
    ]);
    const early = await api('GET', `/api/email/templates/${created.body.id}/preview`);
    expect([200, 409]).toContain(early.status);

    await client.drained();
    const read = await api<EmailTemplate>('GET', `/api/email/templates/${created.body.id}`);
    expect(read.body.compile).toMatchObject({ status: 'ready', version: 1 });

    const preview = await api<TemplatePreview>(
      'GET',
      `/api/email/templates/${created.body.id}/preview?contactId=${contact.body.id}`,
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.subject).toBe('Welcome, <script>Ada');
    expect(preview.body.html).toContain('Hello &lt;script&gt;Ada from Acme &amp; &lt;Sons&gt;');
    expect(preview.body.html).not.toContain('<script>');
    expect(preview.body.html).toContain('Owner: Grace &lt;Hopper&gt;');
    expect(preview.body.html).toContain('href="#unsubscribe"');
    // the preheader is the hidden preview text, right after <body>
    expect(preview.body.html).toMatch(
      /<body[^>]*><div style="display:none[^"]*">News from Acme &amp; &lt;Sons&gt;<\/div>/,
    );
    expect(preview.body.text).toContain('Hello <script>Ada from Acme & <Sons>');
    expect(preview.body.text).not.toContain('News from');

    const fallback = await api<TemplatePreview>('GET', `/api/email/templates/${created.body.id}/preview`);
    expect(fallback.body.subject).toBe('Welcome, friend');
    expect(fallback.body.html).toContain('Hello there from ');

    const sent = await api<{ to: string; messageId: string }>(
      'POST',
      `/api/email/templates/${created.body.id}/test-send`,
      { contactId: contact.body.id },
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect(sent.body.to).toBe('tester@example.com');
    const mail = (await mailbox()).find((message) => message.subject === '[Test] Welcome, <script>Ada');
    expect(mail?.destination.to).toEqual(['tester@example.com']);
    expect(mail?.body.html).toContain('Hello &lt;script&gt;Ada');
    expect(mail?.body.text).toContain('Hello <script>Ada');
  });

  it('answer 409 not_compiled for an invalid body, with MJML errors and their lines on the template', async () => {
    const created = await api<EmailTemplate>('POST', '/api/email/templates', {
      name: 'Invalid',
      subject: 'Hi',
      mjml: '<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-bogus />\n</mj-column></mj-section></mj-body></mjml>',
    });
    expect(created.status).toBe(201);
    await client.drained();
    const read = await api<EmailTemplate>('GET', `/api/email/templates/${created.body.id}`);
    expect(read.body.compile.status).toBe('invalid');
    expect(read.body.compile.errors?.[0]).toMatchObject({
      line: 4,
      message: expect.stringContaining('mj-bogus'),
    });
    const preview = await api<{ error: { code: string } }>(
      'GET',
      `/api/email/templates/${created.body.id}/preview`,
    );
    expect(preview.status).toBe(409);
    expect(preview.body.error.code).toBe('email_template.not_compiled');
    const send = await api('POST', `/api/email/templates/${created.body.id}/test-send`, {});
    expect(send.status).toBe(409);
  });

  it('compile each saved version once at most: a newer save wins over an older event', async () => {
    const created = await api<EmailTemplate>('POST', '/api/email/templates', {
      name: 'Versions',
      subject: 'One',
      mjml,
    });
    await client.drained();
    const patched = await api<EmailTemplate>(
      'PATCH',
      `/api/email/templates/${created.body.id}`,
      { subject: 'Two' },
      { 'if-match': '"1"' },
    );
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.compile).toEqual({ status: 'compiling', version: 2 });
    const stale = await api(
      'PATCH',
      `/api/email/templates/${created.body.id}`,
      { subject: 'x' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);

    // the event of version 1 arriving late (a redelivery) finds version 2 and writes nothing
    const deps = { store: { client: client.documents, tableName: cloud.tableName }, clock: () => new Date() };
    const late = await compileEmailTemplate(
      deps,
      workspaceId,
      { templateId: created.body.id, version: 1 },
      compileMjml,
    );
    expect(late).toBe('stale');
    const now = await compileEmailTemplate(
      deps,
      workspaceId,
      { templateId: created.body.id, version: 2 },
      compileMjml,
    );
    expect(now).toBe('ready');
    const items = await client.itemsOf(workspaceId);
    const compiled = items.find(
      (item) =>
        item.pk === emailTemplatesKeys.compiledTemplate(workspaceId, created.body.id).pk &&
        item.sk === 'COMPILED',
    );
    expect(compiled).toMatchObject({ version: 2, subject: 'Two' });
    // merge tags survive MJML intact, in text and in attributes
    expect(String(compiled?.html)).toContain('{{ contact.firstName | default: "there" }}');
    expect(String(compiled?.html)).toContain('href="{{ unsubscribe_url }}"');
    expect(String(compiled?.text)).toContain('{{ owner.name }}');
  });

  it('list templates newest first, offer the workspace custom fields as merge fields, and delete', async () => {
    const definition = await api('POST', '/api/settings/fields', {
      entity: 'contact',
      key: 'tier',
      label: 'Tier',
      type: 'text',
    });
    expect(definition.status, JSON.stringify(definition.body)).toBe(201);
    const fields = await api<{ fields: { path: string; label: string }[] }>('GET', '/api/email/merge-fields');
    expect(fields.body.fields).toContainEqual({ path: 'contact.custom.tier', label: 'Contact Tier' });
    const created = await api<EmailTemplate>('POST', '/api/email/templates', {
      name: 'Tiered',
      subject: 'Your tier: {{ contact.custom.tier | upcase }}',
      mjml,
    });
    expect(created.status).toBe(201);
    const list = await api<{ items: { id: string; name: string }[] }>('GET', '/api/email/templates?limit=2');
    expect(list.body.items[0]).toMatchObject({ id: created.body.id, name: 'Tiered' });
    expect(list.body.items).toHaveLength(2);
    expect((await api('DELETE', `/api/email/templates/${created.body.id}`)).status).toBe(204);
    expect((await api('GET', `/api/email/templates/${created.body.id}`)).status).toBe(404);
    await client.drained();
    const left = (await client.itemsOf(workspaceId)).filter(
      (item) => item.pk === emailTemplatesKeys.template(workspaceId, created.body.id).pk,
    );
    expect(left).toEqual([]);
  });

  it("refuse another workspace's custom field as a merge field, and offer none of its fields", async () => {
    const otherId = newWorkspaceId('email-tpl-other');
    const other = await client.apiAs(otherId);
    const definition = await other('POST', '/api/settings/fields', {
      entity: 'contact',
      key: 'loyalty_level',
      label: 'Loyalty level',
      type: 'text',
    });
    expect(definition.status, JSON.stringify(definition.body)).toBe(201);
    const theirs = await other<EmailTemplate>('POST', '/api/email/templates', {
      name: 'Loyal',
      subject: 'Level {{ contact.custom.loyalty_level }}',
      mjml,
    });
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);

    const before = await client.itemsOf(workspaceId);
    const ours = await api<{ error: { code: string; fields: Record<string, string> } }>(
      'POST',
      '/api/email/templates',
      { name: 'Borrowed', subject: 'Level {{ contact.custom.loyalty_level }}', mjml },
    );
    expect(ours.status).toBe(400);
    expect(ours.body.error.code).toBe('email_template.unknown_merge_field');
    expect(Object.keys(ours.body.error.fields)).toEqual(['subject:1:10']);
    expect(await client.itemsOf(workspaceId)).toEqual(before);
    const fields = await api<{ fields: { path: string }[] }>('GET', '/api/email/merge-fields');
    expect(fields.body.fields.map((field) => field.path)).not.toContain('contact.custom.loyalty_level');
  });

  it('build merge contexts for pages of contacts with one BatchGet of the companies and owners not read before', async () => {
    const owner = await seedMember(workspaceId, {
      email: 'page-owner@example.com',
      name: 'Ada King Lovelace',
      table: { client: client.documents, tableName: cloud.tableName },
    });
    const companies = await Promise.all(
      ['Alpha', 'Beta'].map(
        async (name) => (await api<{ id: string }>('POST', '/api/companies', { name })).body.id,
      ),
    );
    const contacts: Record<string, unknown>[] = [];
    for (const [at, companyId] of [companies[0], companies[0], companies[1], undefined].entries()) {
      const created = await api<Record<string, unknown>>('POST', '/api/contacts', {
        firstName: `Page${at}`,
        email: `page${at}@example.com`,
        ownerId: owner,
        ...(companyId ? { companyId } : {}),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      contacts.push(created.body);
    }
    const { store, sent } = countingStore(cloud.dynamoDbEndpoint, cloud.tableName);
    const loader = new MergeContextLoader(store, workspaceId, 'Seed Mail');
    const first = await loader.contextsFor(contacts.slice(0, 3), (contact) => ({
      unsubscribeUrl: `https://u.example/${String(contact.id)}`,
    }));
    expect(sent).toEqual(['BatchGetItemCommand']);
    expect(first.get(String(contacts[0]?.id))).toMatchObject({
      contact: { firstName: 'Page0' },
      company: { name: 'Alpha' },
      owner: {
        firstName: 'Ada',
        lastName: 'King Lovelace',
        name: 'Ada King Lovelace',
        email: 'page-owner@example.com',
      },
      workspace: { name: 'Seed Mail' },
      unsubscribe_url: `https://u.example/${String(contacts[0]?.id)}`,
    });
    expect(first.get(String(contacts[2]?.id))).toMatchObject({ company: { name: 'Beta' } });
    // the next page's company and owner were read with the first: no request at all
    sent.length = 0;
    const second = await loader.contextsFor(contacts.slice(3));
    expect(sent).toEqual([]);
    expect(second.get(String(contacts[3]?.id))).toMatchObject({
      company: { name: undefined },
      owner: { email: 'page-owner@example.com' },
    });
  });
});
