import * as z from 'zod/mini';
import { PhoneNumber } from '../contacts/contact';
import { CustomFieldChanges, listQueryShape, optionalText, recordMeta, Tags } from '../records/record-fields';

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

export const CountryCode = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as GB.'));

const companyFields = {
  name: z.string().check(z.trim(), z.minLength(1, 'Give the company a name.'), z.maxLength(200)),
  domain: Domain,
  website: WebsiteUrl,
  industry: optionalText(100),
  phone: PhoneNumber,
  city: optionalText(100),
  country: CountryCode,
};

export const CompanyInput = z.strictObject({
  name: companyFields.name,
  domain: z.optional(companyFields.domain),
  website: z.optional(companyFields.website),
  industry: z.optional(companyFields.industry),
  phone: z.optional(companyFields.phone),
  city: z.optional(companyFields.city),
  country: z.optional(companyFields.country),
  tags: z.optional(Tags),
  customFields: z.optional(CustomFieldChanges),
});
export type CompanyInput = z.output<typeof CompanyInput>;

/** A change: a field that is sent is set, `null` clears it, a field left out stays as it is. */
export const CompanyPatch = z
  .strictObject({
    name: z.optional(companyFields.name),
    domain: z.optional(z.nullable(companyFields.domain)),
    website: z.optional(z.nullable(companyFields.website)),
    industry: z.optional(z.nullable(companyFields.industry)),
    phone: z.optional(z.nullable(companyFields.phone)),
    city: z.optional(z.nullable(companyFields.city)),
    country: z.optional(z.nullable(companyFields.country)),
    tags: z.optional(Tags),
    customFields: z.optional(CustomFieldChanges),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type CompanyPatch = z.output<typeof CompanyPatch>;

export const Company = z.object({
  ...recordMeta,
  name: z.string(),
  domain: z.optional(z.string()),
  website: z.optional(z.string()),
  industry: z.optional(z.string()),
  phone: z.optional(z.string()),
  city: z.optional(z.string()),
  country: z.optional(z.string()),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type Company = z.output<typeof Company>;

export const CompanyListQuery = z.strictObject(listQueryShape);
export type CompanyListQuery = z.output<typeof CompanyListQuery>;

export const CompanyPage = z.object({ items: z.array(Company), nextCursor: z.optional(z.string()) });
