import { z } from 'zod';
import { CustomFieldValue } from '../custom-fields/field-definition';
import { searchableText } from '../platform/text';

/** Fields and query parameters that contacts and companies share. */
export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'A tag cannot be empty.')
  .max(40, 'Keep tags to 40 characters.')
  .regex(/^[^#,]+$/, 'Tags cannot contain # or commas.');

export const Tags = z
  .array(Tag)
  .max(25, 'At most 25 tags.')
  .transform((tags) => [...new Set(tags)]);

export const RecordId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'This is not a valid id.');

export const CustomFieldChanges = z
  .record(z.string().max(40), CustomFieldValue)
  .refine((values) => Object.keys(values).length <= 50, 'At most 50 custom fields.');

export const IdPath = z.object({ id: z.string() });

export const listQueryShape = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
  tag: Tag.optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((q) => searchableText(q) !== '', 'Search for at least one letter or digit.')
    .optional(),
};

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Server-owned fields every record has. */
export const recordMeta = {
  id: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const optionalText = (max: number) => z.string().trim().max(max);
