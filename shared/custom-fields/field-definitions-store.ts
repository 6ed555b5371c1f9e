import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors';
import { PutCommand, UpdateCommand } from '../store/document-client';
import { deleteExistingItem, queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { builtInFieldClashes } from './built-in-clashes';
import { type FieldEntity, FieldKey, fieldEntities } from './custom-field-values';
import { customFieldsKeys } from './custom-fields-keys';
import type { FieldDefinition, FieldDefinitionInput, FieldDefinitionPatch } from './field-definition';

function toDefinition(item: Record<string, unknown>): FieldDefinition {
  const { pk: _pk, sk: _sk, ...definition } = item;
  return definition as FieldDefinition;
}

/** All definitions of a workspace (one Query on its settings partition), optionally of one entity. */
export async function listFieldDefinitions(
  store: Store,
  workspaceId: string,
  entity?: FieldEntity,
): Promise<FieldDefinition[]> {
  return (await queryAllWithPrefix(store, customFieldsKeys.fieldDefinitionsPrefix(workspaceId, entity))).map(
    toDefinition,
  );
}

export async function createFieldDefinition(
  store: Store,
  workspaceId: string,
  input: FieldDefinitionInput,
  now: Date = new Date(),
): Promise<FieldDefinition> {
  refuseBuiltInNames(input.entity, input);
  const timestamp = now.toISOString();
  const definition: FieldDefinition = { ...input, version: 1, createdAt: timestamp, updatedAt: timestamp };
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...customFieldsKeys.fieldDefinition(workspaceId, input.entity, input.key), ...definition },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ConflictError('field.exists');
    throw error;
  }
  return definition;
}

/** 409 naming the built-in field a key or label repeats: the record would show two of them. */
function refuseBuiltInNames(entity: FieldEntity, names: { key?: string; label?: string }): void {
  const clashes = builtInFieldClashes(entity, names);
  if (Object.keys(clashes).length > 0) throw new ConflictError('field.built_in', { fields: clashes });
}

/** A path that cannot name a definition (unknown entity, malformed key) is simply not found. */
function parseTarget(target: { entity: string; key: string }): { entity: FieldEntity; key: string } {
  if (
    !(fieldEntities as readonly string[]).includes(target.entity) ||
    !FieldKey.safeParse(target.key).success
  ) {
    throw new NotFoundError('field.not_found');
  }
  return { entity: target.entity as FieldEntity, key: target.key };
}

export async function updateFieldDefinition(
  store: Store,
  workspaceId: string,
  target: { entity: string; key: string },
  patch: FieldDefinitionPatch,
  expectedVersion: number,
  now: Date = new Date(),
): Promise<FieldDefinition> {
  const { entity, key } = parseTarget(target);
  if (patch.label !== undefined) refuseBuiltInNames(entity, { label: patch.label });
  const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = {
    ':expected': expectedVersion,
    ':one': 1,
    ':now': now.toISOString(),
  };
  const sets = ['#version = #version + :one', '#updatedAt = :now'];
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    names[`#${name}`] = name;
    values[`:${name}`] = value;
    sets.push(`#${name} = :${name}`);
  }
  try {
    const result = await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: customFieldsKeys.fieldDefinition(workspaceId, entity, key),
        UpdateExpression: `SET ${sets.join(', ')}`,
        // options only make sense on select fields
        ConditionExpression:
          patch.options === undefined
            ? 'attribute_exists(pk) AND #version = :expected'
            : 'attribute_exists(pk) AND #version = :expected AND #type = :select',
        ExpressionAttributeNames: patch.options === undefined ? names : { ...names, '#type': 'type' },
        ExpressionAttributeValues: patch.options === undefined ? values : { ...values, ':select': 'select' },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return toDefinition(result.Attributes ?? {});
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      const old = error.Item;
      if (!old) throw new NotFoundError('field.not_found');
      if (patch.options !== undefined && old.type?.S !== 'select') {
        throw new ValidationError({ options: 'Only select fields have options.' });
      }
      throw new ConflictError('field.version_conflict');
    }
    throw error;
  }
}

export async function deleteFieldDefinition(
  store: Store,
  workspaceId: string,
  target: { entity: string; key: string },
): Promise<void> {
  const { entity, key } = parseTarget(target);
  await deleteExistingItem(
    store,
    customFieldsKeys.fieldDefinition(workspaceId, entity, key),
    'field.not_found',
  );
}
