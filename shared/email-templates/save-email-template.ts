import { customFieldsKeys } from '../custom-fields/custom-fields-keys';
import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { AppError, ConflictError, type FieldErrors, NotFoundError } from '../platform/errors';
import { newId } from '../platform/ids';
import { queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { failedAt, writeTransaction } from '../store/transactions';
import type { EmailTemplate, EmailTemplateInput, EmailTemplatePatch } from './email-template';
import { EmailTemplateSaved } from './email-template-events';
import { getTemplate, templateItem } from './email-template-store';
import { type MergeFieldSet, mergeFieldSet, parseMergeFields } from './merge-fields';

/** The parts of a template that hold merge fields, as `fields` names them in errors. */
type TemplateBody = Pick<EmailTemplate, 'subject' | 'preheader' | 'mjml'>;

/** The merge fields the workspace's templates may use: built-in ones and its contact and company custom fields. */
export async function workspaceMergeFields(store: Store, workspaceId: string): Promise<MergeFieldSet> {
  // the definitions' items as stored (entity, key, label): one Query of the settings partition
  const definitions = await queryAllWithPrefix(store, customFieldsKeys.fieldDefinitionsPrefix(workspaceId));
  return mergeFieldSet(
    definitions.map((item) => ({
      entity: String(item.entity),
      key: String(item.key),
      label: String(item.label),
    })),
  );
}

/**
 * Checks the merge fields of every part against the workspace's fields; 400
 * `email_template.unknown_merge_field` with one entry per error, keyed `<part>:<line>:<column>`
 * (`mjml:12:7`), the message saying what is wrong. Answers the fields used, in order of first use.
 */
export function checkTemplateMergeFields(body: TemplateBody, fieldSet: MergeFieldSet): string[] {
  const errors: FieldErrors = {};
  const used: string[] = [];
  for (const part of ['subject', 'preheader', 'mjml'] as const) {
    const source = body[part];
    if (source === undefined) continue;
    const parsed = parseMergeFields(source, fieldSet);
    if (parsed.ok) used.push(...parsed.fields.filter((field) => !used.includes(field)));
    else {
      for (const error of parsed.errors) {
        errors[`${part}:${error.line}:${error.column}`] =
          `Line ${error.line}, column ${error.column}: ${error.message}`;
      }
    }
  }
  if (Object.keys(errors).length > 0) {
    throw new AppError(400, 'email_template.unknown_merge_field', { fields: errors });
  }
  return used;
}

/** The template's put and its `email_template.saved` (CompileEmailTemplate compiles it) in one transaction. */
async function writeSaved(
  store: Store,
  workspaceId: string,
  template: EmailTemplate,
  condition: {
    ConditionExpression: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, unknown>;
  },
  now: Date,
): Promise<void> {
  await writeTransaction(
    store,
    [
      { Put: { TableName: store.tableName, Item: templateItem(workspaceId, template), ...condition } },
      ...outboxWrite(
        store.tableName,
        workspaceId,
        [pendingEvent(EmailTemplateSaved, { templateId: template.id, version: template.version })],
        now,
      ),
    ],
    {
      explain: (reasons) =>
        failedAt(reasons, 0) ? new ConflictError('email_template.version_conflict') : undefined,
    },
  );
}

/**
 * Creates a template. Primary course:
 * 1. check the merge fields of subject, preheader and MJML (400 naming each error's part and position);
 * 2. put the template, `compile.status = compiling` at version 1, with `email_template.saved`, in one transaction.
 */
export async function createEmailTemplate(
  { store, clock }: Deps,
  workspaceId: string,
  input: EmailTemplateInput,
): Promise<EmailTemplate> {
  const mergeFields = checkTemplateMergeFields(input, await workspaceMergeFields(store, workspaceId));
  const now = clock();
  const template: EmailTemplate = {
    id: newId(now.getTime()),
    name: input.name,
    subject: input.subject,
    ...(input.preheader ? { preheader: input.preheader } : {}),
    mjml: input.mjml,
    compile: { status: 'compiling', version: 1 },
    mergeFields,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await writeSaved(store, workspaceId, template, { ConditionExpression: 'attribute_not_exists(pk)' }, now);
  return template;
}

/**
 * Changes a template over the version the client saw (If-Match). Every save is compiled again: the stored
 * HTML always belongs to the version it names, and preview, test send and scheduling wait for it.
 */
export async function updateEmailTemplate(
  { store, clock }: Deps,
  workspaceId: string,
  templateId: string,
  patch: EmailTemplatePatch,
  expectedVersion: number,
): Promise<EmailTemplate> {
  const { template: current } = await getTemplate(store, workspaceId, templateId);
  if (current.version !== expectedVersion) throw new ConflictError('email_template.version_conflict');
  const { preheader: _preheader, ...withoutPreheader } = current;
  const body: TemplateBody = {
    subject: patch.subject ?? current.subject,
    preheader: patch.preheader === null ? undefined : (patch.preheader ?? current.preheader),
    mjml: patch.mjml ?? current.mjml,
  };
  const mergeFields = checkTemplateMergeFields(body, await workspaceMergeFields(store, workspaceId));
  const now = clock();
  const version = current.version + 1;
  const next: EmailTemplate = {
    ...withoutPreheader,
    name: patch.name ?? current.name,
    subject: body.subject,
    ...(body.preheader ? { preheader: body.preheader } : {}),
    mjml: body.mjml,
    compile: { status: 'compiling', version },
    mergeFields,
    version,
    updatedAt: now.toISOString(),
  };
  try {
    await writeSaved(
      store,
      workspaceId,
      next,
      {
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
      now,
    );
  } catch (error) {
    // deleted between the read and the write
    if (
      error instanceof ConflictError &&
      !(await getTemplate(store, workspaceId, templateId).catch(() => undefined))
    ) {
      throw new NotFoundError('email_template.not_found');
    }
    throw error;
  }
  return next;
}
