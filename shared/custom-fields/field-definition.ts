import * as z from 'zod/mini';
import { singleLine } from '../platform/single-line-text';

export const fieldEntities = ['contact', 'company', 'deal'] as const;
export const fieldTypes = ['text', 'number', 'date', 'select', 'boolean'] as const;
export type FieldEntity = (typeof fieldEntities)[number];
export type FieldType = (typeof fieldTypes)[number];

const label = z
  .string()
  .check(z.trim(), z.minLength(1, 'Give the field a label.'), z.maxLength(80), singleLine());
const options = z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(80), singleLine())).check(
  z.minLength(1, 'A select field needs at least one option.'),
  z.maxLength(100),
  z.refine((values) => new Set(values).size === values.length, 'Options must be unique.'),
);

export const FieldEntity = z.enum(fieldEntities);
export const FieldKey = z
  .string()
  .check(
    z.regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use 1-40 lower-case letters, digits or _, starting with a letter.'),
  );

export const FieldDefinitionInput = z
  .strictObject({
    entity: FieldEntity,
    key: FieldKey,
    label,
    type: z.enum(fieldTypes),
    required: z._default(z.boolean(), false),
    options: z.optional(options),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.type === 'select' && !value.options) {
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'A select field needs at least one option.',
        });
      }
      if (value.type !== 'select' && value.options) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only select fields have options.' });
      }
    }),
  );
export type FieldDefinitionInput = z.output<typeof FieldDefinitionInput>;

export const FieldDefinitionPatch = z
  .strictObject({
    label: z.optional(label),
    required: z.optional(z.boolean()),
    options: z.optional(options),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type FieldDefinitionPatch = z.output<typeof FieldDefinitionPatch>;

export const FieldDefinitionPath = z.object({ entity: z.string(), key: z.string() });
export const FieldDefinitionQuery = z.strictObject({ entity: z.optional(FieldEntity) });

export const FieldDefinition = z.object({
  entity: FieldEntity,
  key: z.string(),
  label: z.string(),
  type: z.enum(fieldTypes),
  required: z.boolean(),
  options: z.optional(z.array(z.string())),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FieldDefinition = z.output<typeof FieldDefinition>;

/** What a record may carry under `customFields`; checked against the definitions by `checkCustomFields`. */
export const CustomFieldValue = z.union([
  z.string().check(z.maxLength(2000)),
  z.number(),
  z.boolean(),
  z.null(),
]);
export const CustomFieldValues = z
  .record(z.string().check(z.maxLength(40)), CustomFieldValue)
  .check(z.refine((values) => Object.keys(values).length <= 50, 'At most 50 custom fields.'));
export type CustomFieldValues = Record<string, string | number | boolean>;
