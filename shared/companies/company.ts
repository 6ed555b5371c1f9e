import * as z from 'zod/mini';
import { listQueryShape, recordMeta } from '../records/record-fields';
import { MemberId } from '../team/member-id';

/** Company schemas: the API, the OpenAPI document and the web forms all use these. */

export const Domain = z.pipe(
  z.pipe(
    z.string().check(z.trim(), z.toLowerCase(), z.maxLength(253)),
    z.transform((value) =>
      value
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, '')
        .replace(/^www\./, ''),
    ),
  ),
  z
    .string()
    .check(
      z.regex(
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        'Enter a domain such as example.com.',
      ),
    ),
);

export const WebsiteUrl = z.pipe(
  z.string().check(z.trim(), z.maxLength(2048)),
  z.url({ protocol: /^https?$/, message: 'Enter a full web address, e.g. https://example.com.' }),
);

export const Company = z.object({
  ...recordMeta,
  name: z.string(),
  domain: z.optional(z.string()),
  website: z.optional(z.string()),
  industry: z.optional(z.string()),
  phone: z.optional(z.string()),
  city: z.optional(z.string()),
  country: z.optional(z.string()),
  /** The member who owns the company (its id, the token's `sub`). */
  ownerId: z.optional(z.string()),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type Company = z.output<typeof Company>;

export const CompanyListQuery = z.strictObject({
  ...listQueryShape,
  /** The companies one member owns ("my companies": the caller's own id), newest first. */
  ownerId: z.optional(MemberId),
});
export type CompanyListQuery = z.output<typeof CompanyListQuery>;

export const CompanyPage = z.object({ items: z.array(Company), nextCursor: z.optional(z.string()) });
