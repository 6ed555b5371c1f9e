import type * as z from 'zod/mini';
import { builtInFieldClashes } from '../../../shared/custom-fields/built-in-clashes';
import {
  type FieldDefinition,
  FieldDefinitionInput,
  FieldDefinitionPatch,
  type FieldEntity,
  type FieldType,
} from '../../../shared/custom-fields/field-definition';
import { formErrorsOf } from '../records/form-errors';

export const typeLabels: Record<FieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  select: 'Choice list',
  boolean: 'Yes / no',
};

/** The "Add a field" form. */
export interface FieldFormValues {
  label: string;
  key: string;
  type: FieldType;
  required: boolean;
  options: string[];
}

/** What an existing field's form may change: its key and type stay as they are. */
export interface FieldEditValues {
  label: string;
  required: boolean;
  options: string[];
}

export const fieldEditPaths = ['label', 'required', 'options'] as const;

/** A key from a label: "Deal size (EUR)" → deal_size_eur. */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '');
  return key.slice(0, 40);
}

export function definitionInputOf(
  entity: FieldEntity,
  values: FieldFormValues,
): z.input<typeof FieldDefinitionInput> {
  return {
    entity,
    key: values.key.trim(),
    label: values.label,
    type: values.type,
    required: values.required,
    ...(values.type === 'select' ? { options: values.options } : {}),
  };
}

/** The API's own checks: the schema, and no key or label of a built-in field (a second "Industry"). */
export function newFieldErrors(entity: FieldEntity, values: FieldFormValues): Record<string, string> {
  const input = definitionInputOf(entity, values);
  const result = FieldDefinitionInput.safeParse(input);
  return {
    ...builtInFieldClashes(entity, { key: input.key, label: input.label }),
    ...(result.success ? {} : formErrorsOf(result.error)),
  };
}

export function fieldEditValues(definition: FieldDefinition): FieldEditValues {
  return { label: definition.label, required: definition.required, options: definition.options ?? [] };
}

/** A change: only what differs from the stored definition; choices only on select fields. */
export function fieldDefinitionPatchOf(
  definition: FieldDefinition,
  values: FieldEditValues,
): z.input<typeof FieldDefinitionPatch> {
  const patch: z.input<typeof FieldDefinitionPatch> = {};
  const label = values.label.trim();
  if (label !== definition.label) patch.label = label;
  if (values.required !== definition.required) patch.required = values.required;
  const options = values.options.map((option) => option.trim());
  if (definition.type === 'select' && options.join('\n') !== (definition.options ?? []).join('\n')) {
    patch.options = options;
  }
  return patch;
}

/** The API's own checks of the change; nothing changed is no error (saving then just closes the form). */
export function fieldEditErrors(
  definition: FieldDefinition,
  values: FieldEditValues,
): Record<string, string> {
  const patch = fieldDefinitionPatchOf(definition, values);
  if (Object.keys(patch).length === 0) return {};
  const result = FieldDefinitionPatch.safeParse(patch);
  return {
    ...(patch.label === undefined ? {} : builtInFieldClashes(definition.entity, { label: patch.label })),
    ...(result.success ? {} : formErrorsOf(result.error)),
  };
}
