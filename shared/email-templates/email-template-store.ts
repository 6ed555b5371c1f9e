import { NotFoundError } from '../platform/errors';
import { isId } from '../platform/ids';
import type { Page } from '../records/record-fields';
import { type Item, withoutKeys } from '../records/record-store';
import { DeleteCommand, QueryCommand } from '../store/document-client';
import { queryIndexPage } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import type { CompiledTemplate, EmailTemplate } from './email-template';
import { emailTemplatesKeys } from './email-templates-keys';

/**
 * The one module that reads and writes template items: the template (`TEMPLATE`, listed on byCollection)
 * and its compiled parts (`COMPILED`), both in the template's own partition.
 */
export function templateItem(workspaceId: string, template: EmailTemplate): Item {
  return {
    ...emailTemplatesKeys.template(workspaceId, template.id),
    ...emailTemplatesKeys.templateListed(workspaceId, template.id),
    entity: 'email_template',
    ...template,
  };
}

export function compiledItem(workspaceId: string, compiled: CompiledTemplate): Item {
  return {
    ...emailTemplatesKeys.compiledTemplate(workspaceId, compiled.templateId),
    entity: 'email_template_compiled',
    ...compiled,
  };
}

export interface StoredTemplate {
  template: EmailTemplate;
  /** The compiled parts, of whichever version compiled last. */
  compiled?: CompiledTemplate;
}

/** The template and its compiled parts in one Query of its partition (strongly consistent). */
export async function findTemplate(
  store: Store,
  workspaceId: string,
  templateId: string,
): Promise<StoredTemplate | undefined> {
  if (!isId(templateId)) return undefined;
  const { pk } = emailTemplatesKeys.template(workspaceId, templateId);
  const result = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    }),
  );
  const items = result.Items ?? [];
  const template = items.find((item) => item.sk === emailTemplatesKeys.template(workspaceId, templateId).sk);
  if (!template) return undefined;
  const compiled = items.find(
    (item) => item.sk === emailTemplatesKeys.compiledTemplate(workspaceId, templateId).sk,
  );
  return {
    template: withoutKeys<EmailTemplate>(template),
    ...(compiled ? { compiled: withoutKeys<CompiledTemplate>(compiled) } : {}),
  };
}

export async function getTemplate(store: Store, workspaceId: string, templateId: string) {
  const found = await findTemplate(store, workspaceId, templateId);
  if (!found) throw new NotFoundError('email_template.not_found');
  return found;
}

/** The templates of a workspace, newest first: one page of byCollection. */
export async function listTemplates(
  store: Store,
  workspaceId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<EmailTemplate>> {
  const { items, nextCursor } = await queryIndexPage(
    store,
    workspaceId,
    crmTable.indexes.byCollection,
    emailTemplatesKeys.templatesPartition(workspaceId),
    { ...page, newestFirst: true },
  );
  return { items: items.map((item) => withoutKeys<EmailTemplate>(item)), nextCursor };
}

/** Deletes the template (404 when there is none) and its compiled parts; campaigns keep their own copy. */
export async function deleteTemplate(store: Store, workspaceId: string, templateId: string): Promise<void> {
  if (!isId(templateId)) throw new NotFoundError('email_template.not_found');
  const result = await store.client.send(
    new DeleteCommand({
      TableName: store.tableName,
      Key: emailTemplatesKeys.template(workspaceId, templateId),
      ReturnValues: 'ALL_OLD',
    }),
  );
  if (!result.Attributes) throw new NotFoundError('email_template.not_found');
  await store.client.send(
    new DeleteCommand({
      TableName: store.tableName,
      Key: emailTemplatesKeys.compiledTemplate(workspaceId, templateId),
    }),
  );
}
