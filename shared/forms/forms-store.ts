import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { newSigningSecret } from '../consents/confirmation-token';
import { listFieldDefinitions } from '../custom-fields/field-definitions-store';
import { listLists } from '../lists/lists-store';
import type { Deps } from '../platform/deps';
import { ConflictError, type FieldErrors, NotFoundError, ValidationError } from '../platform/errors';
import { expectVersion } from '../records/version-check';
import { GetCommand, PutCommand } from '../store/document-client';
import { deleteExistingItem, queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { checkFormDefinition } from './check-form-definition';
import {
  defaultHoneypotField,
  type Form,
  type FormConsent,
  type FormInput,
  type FormPatch,
  formSubmitPath,
} from './form';
import { type FormRef, newFormId, parseFormId } from './form-id';
import { type FormDefinition, formFromItem, formItem, publicForm } from './form-item';
import { formsKeys } from './forms-keys';

type ConsentInput = NonNullable<FormInput['consent']>;

/** The version of a consent text: derived from the text, so a record's version always names its text. */
export function consentVersionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

function consentOf(input: ConsentInput): FormConsent {
  return { ...input, version: consentVersionOf(input.text) };
}

/** Each list a form adds its contacts to must be a list of the workspace. */
async function checkFormLists(store: Store, workspaceId: string, listIds: readonly string[]) {
  if (listIds.length === 0) return;
  const known = new Set((await listLists(store, workspaceId)).map((list) => list.id));
  const errors: FieldErrors = {};
  listIds.forEach((id, at) => {
    if (!known.has(id)) errors[`lists.${at}`] = 'There is no list with this id.';
  });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

/** A form id of the caller's workspace, or 404: another workspace's form is a form that does not exist. */
export function formRefIn(workspaceId: string, formId: string): FormRef {
  const ref = parseFormId(formId);
  if (!ref || ref.workspaceId !== workspaceId) throw new NotFoundError('form.not_found');
  return ref;
}

export async function createForm(
  { store, clock }: Deps,
  workspaceId: string,
  input: FormInput,
): Promise<Form> {
  const now = clock();
  const id = newFormId(workspaceId, now);
  const timestamp = now.toISOString();
  const form: FormDefinition = {
    id,
    name: input.name,
    fields: input.fields,
    tags: input.tags ?? [],
    lists: input.lists ?? [],
    ...(input.consent ? { consent: consentOf(input.consent) } : {}),
    ...(input.successRedirectUrl ? { successRedirectUrl: input.successRedirectUrl } : {}),
    allowedOrigins: [...new Set(input.allowedOrigins ?? [])],
    honeypotField: input.honeypotField ?? defaultHoneypotField,
    submitPath: formSubmitPath(id),
    version: 1,
    createdAt: timestamp,
    updatedAt: timestamp,
    secret: newSigningSecret(),
  };
  checkFormDefinition(form, await listFieldDefinitions(store, workspaceId, 'contact'));
  await checkFormLists(store, workspaceId, form.lists);
  await store.client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: formItem(form),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return publicForm(form);
}

/** One GetItem; the stored form with its secret (server side only), or 404. */
export async function getFormDefinition(store: Store, ref: FormRef): Promise<FormDefinition> {
  const result = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: formsKeys.form(ref.workspaceId, ref.id),
      ConsistentRead: true,
    }),
  );
  if (!result.Item) throw new NotFoundError('form.not_found');
  return formFromItem(result.Item);
}

export async function getForm(store: Store, workspaceId: string, formId: string): Promise<Form> {
  return publicForm(await getFormDefinition(store, formRefIn(workspaceId, formId)));
}

/** The forms of a workspace: one Query on its settings partition (forms are few), oldest first. */
export async function listForms(store: Store, workspaceId: string): Promise<Form[]> {
  const items = await queryAllWithPrefix(store, formsKeys.formsPrefix(workspaceId));
  return items.map((item) => publicForm(formFromItem(item)));
}

/** Changes a form over the version the client saw (If-Match): a conditional Put, 409 when stale. */
export async function updateForm(
  { store, clock }: Deps,
  workspaceId: string,
  formId: string,
  patch: FormPatch,
  expectedVersion: number,
): Promise<Form> {
  const ref = formRefIn(workspaceId, formId);
  const current = await getFormDefinition(store, ref);
  if (current.version !== expectedVersion) throw new ConflictError('form.version_conflict');
  const next: FormDefinition = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete (next as Record<string, unknown>)[name];
    else if (name === 'consent') next.consent = consentOf(value as ConsentInput);
    else if (name === 'allowedOrigins') next.allowedOrigins = [...new Set(value as string[])];
    else (next as Record<string, unknown>)[name] = value;
  }
  next.version = current.version + 1;
  next.updatedAt = clock().toISOString();
  if (patch.fields || patch.honeypotField) {
    checkFormDefinition(next, await listFieldDefinitions(store, workspaceId, 'contact'));
  }
  if (patch.lists) await checkFormLists(store, workspaceId, patch.lists);
  try {
    await store.client.send(
      new PutCommand({ TableName: store.tableName, Item: formItem(next), ...expectVersion(expectedVersion) }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw error.Item ? new ConflictError('form.version_conflict') : new NotFoundError('form.not_found');
    }
    throw error;
  }
  return publicForm(next);
}

/**
 * Deletes a form. Its submissions and consent records stay on their contacts (they are the contact's
 * history and the proof of consent); links in confirmation emails stop working with the form's secret.
 */
export async function deleteForm(store: Store, workspaceId: string, formId: string): Promise<void> {
  const ref = formRefIn(workspaceId, formId);
  await deleteExistingItem(store, formsKeys.form(ref.workspaceId, ref.id), 'form.not_found');
}
