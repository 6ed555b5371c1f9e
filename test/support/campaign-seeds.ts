import { emailKeys } from '../../shared/email/email-keys';
import { newLinkSecret } from '../../shared/email/unsubscribe-token';
import { emailTemplatesKeys } from '../../shared/email-templates/email-templates-keys';
import { listsKeys } from '../../shared/lists/lists-keys';
import { newId } from '../../shared/platform/ids';
import { recordKeys } from '../../shared/records/record-keys';
import { BatchWriteCommand, PutCommand } from '../../shared/store/document-client';
import type { Store } from '../../shared/store/store';

/**
 * Seeds for campaign tests, written as their capabilities write them: contacts (with their list memberships
 * and email preferences), a compiled template (as CompileEmailTemplate leaves it) and email settings.
 */
export interface SeededContact {
  id: string;
  email?: string;
  marketing?: 'subscribed' | 'unsubscribed';
  tags?: string[];
  firstName?: string;
}

async function writeAll(store: Store, items: Record<string, unknown>[]): Promise<void> {
  for (let at = 0; at < items.length; at += 25) {
    let pending = items.slice(at, at + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const result = await store.client.send(
        new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }),
      );
      pending = (result.UnprocessedItems?.[store.tableName] ?? []) as typeof pending;
    }
  }
}

/** Contacts on a list, each with its marketing state: written in batches (10,000 take seconds). */
export async function seedAudience(
  store: Store,
  workspaceId: string,
  listId: string,
  contacts: readonly SeededContact[],
): Promise<void> {
  const now = new Date().toISOString();
  const items = contacts.flatMap((contact) => [
    {
      ...recordKeys.record(workspaceId, 'CONTACT', contact.id),
      entity: 'contact',
      id: contact.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
      ...(contact.email ? { email: contact.email } : {}),
      firstName: contact.firstName ?? 'Reader',
      tags: contact.tags ?? [],
      customFields: {},
    },
    {
      ...listsKeys.listMember(workspaceId, listId, contact.id),
      entity: 'listMember',
      listId,
      contactId: contact.id,
      joinedAt: now,
      source: 'import',
    },
    ...(contact.marketing
      ? [
          {
            ...emailKeys.emailPreferences(workspaceId, contact.id),
            entity: 'emailPreferences',
            contactId: contact.id,
            marketing: contact.marketing,
            changedAt: now,
            source: 'member',
          },
        ]
      : []),
  ]);
  await writeAll(store, items);
}

/** A list definition (the lists capability's item). */
export async function seedList(store: Store, workspaceId: string, name: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await store.client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...listsKeys.list(workspaceId, id),
        entity: 'list',
        id,
        name,
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
    }),
  );
  return id;
}

/** A template compiled at its current version, with a merge field in the subject and the body. */
export async function seedCompiledTemplate(store: Store, workspaceId: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  const subject = 'Spring news for {{ contact.firstName | default: "you" }}';
  const html =
    '<html><body><p>Hello {{ contact.firstName }}, our espresso is back.</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>';
  await writeAll(store, [
    {
      ...emailTemplatesKeys.template(workspaceId, id),
      ...emailTemplatesKeys.templateListed(workspaceId, id),
      entity: 'emailTemplate',
      id,
      version: 1,
      createdAt: now,
      updatedAt: now,
      name: 'Spring',
      subject,
      mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Hello</mj-text></mj-column></mj-section></mj-body></mjml>',
      compile: { status: 'ready', version: 1, compiledAt: now },
      mergeFields: ['contact.firstName', 'unsubscribe_url'],
    },
    {
      ...emailTemplatesKeys.compiledTemplate(workspaceId, id),
      entity: 'compiledEmailTemplate',
      templateId: id,
      version: 1,
      subject,
      html,
      text: 'Hello {{ contact.firstName }}, our espresso is back.\nUnsubscribe: {{ unsubscribe_url }}',
    },
  ]);
  return id;
}

/** The workspace's email settings as the email capability keeps them (with the link secret). */
export async function seedEmailSettings(store: Store, workspaceId: string): Promise<void> {
  await store.client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...emailKeys.settings(workspaceId),
        entity: 'emailSettings',
        fromName: 'Kaffeehaus',
        fromAddress: 'news@kaffeehaus.example.com',
        replyTo: 'hello@kaffeehaus.example.com',
        postalAddress: 'Kastanienallee 1, 10435 Berlin',
        timeZone: 'Europe/Berlin',
        linkSecret: newLinkSecret(),
        version: 1,
        updatedAt: new Date().toISOString(),
      },
    }),
  );
}
