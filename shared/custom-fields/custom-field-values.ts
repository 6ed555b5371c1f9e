import * as z from 'zod/mini';

/**
 * What every record capability needs of custom fields at run time: the entities that have them, the shape
 * of a key, and the values a record may carry. Apart from field-definition.ts, whose definition schemas
 * only the custom-fields API needs: zod schemas built at module level stay in any bundle that imports
 * their module (decision 090).
 */
export const fieldEntities = ['contact', 'company', 'deal'] as const;
export type FieldEntity = (typeof fieldEntities)[number];
export const FieldEntity = z.enum(fieldEntities);

export const FieldKey = z
  .string()
  .check(
    z.regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use 1-40 lower-case letters, digits or _, starting with a letter.'),
  );

/** What a record may carry under `customFields`; checked against the definitions by `checkCustomFields`. */
export const CustomFieldValue = z.union([
  z.string().check(z.maxLength(2000)),
  z.number(),
  z.boolean(),
  z.null(),
]);
/** A record's custom field changes as a client sends them (`null` clears one). */
export const CustomFieldValues = z
  .record(z.string().check(z.maxLength(40)), CustomFieldValue)
  .check(z.refine((values) => Object.keys(values).length <= 50, 'At most 50 custom fields.'));
/** A record's custom fields as stored. */
export type CustomFieldValues = Record<string, string | number | boolean>;
