import * as z from 'zod/mini';
import { CustomFieldValues } from '../custom-fields/custom-field-values';
import { coercedNumber } from '../platform/coerced-number';
import { singleLine } from '../platform/single-line-text';
import { searchableText } from '../platform/text';

/** Fields and query parameters that contacts and companies share. */
export const Tag = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, 'A tag cannot be empty.'),
    z.maxLength(40, 'Keep tags to 40 characters.'),
    z.regex(/^[^#,]+$/, 'Tags cannot contain # or commas.'),
    singleLine(),
  );

export const Tags = z.pipe(
  z.array(Tag).check(z.maxLength(25, 'At most 25 tags.')),
  z.transform((tags: string[]) => [...new Set(tags)]),
);

export const RecordId = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'This is not a valid id.'));

/** The custom fields a create or change sends (`null` clears one). */
export const CustomFieldChanges = CustomFieldValues;

export const IdPath = z.object({ id: z.string() });

export const listQueryShape = {
  limit: z._default(coercedNumber().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  tag: z.optional(Tag),
  q: z.optional(
    z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(100),
      z.refine((q) => searchableText(q) !== '', 'Search for at least one letter or digit.'),
    ),
  ),
};

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Server-owned fields every record has. */
export const recordMeta = {
  id: z.string(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** A name-like text (a person's name, a job title, a city): one line, trimmed, at most `max` characters. */
export const optionalText = (max: number) => z.string().check(z.trim(), z.maxLength(max), singleLine());
