import { z } from 'zod';
import { PhoneNumber } from '../contacts/contact';
import { CustomFieldChanges, listQueryShape, optionalText, recordMeta, Tags } from '../records/record-fields';

/** Company schemas: the API, the OpenAPI document and the web forms all use these. */

export const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .transform((value) =>
    value
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '')
      .replace(/^www\./, ''),
  )
  .pipe(
    z
      .string()
      .regex(
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        'Enter a domain such as example.com.',
      ),
  );

export const WebsiteUrl = z
  .string()
  .trim()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, message: 'Enter a full web address, e.g. https://example.com.' }));

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as GB.');

const companyFields = {
  name: z.string().trim().min(1, 'Give the company a name.').max(200),
  domain: Domain,
  website: WebsiteUrl,
  industry: optionalText(100),
  phone: PhoneNumber,
  city: optionalText(100),
  country: CountryCode,
};

export const CompanyInput = z.strictObject({
  name: companyFields.name,
  domain: companyFields.domain.optional(),
  website: companyFields.website.optional(),
  industry: companyFields.industry.optional(),
  phone: companyFields.phone.optional(),
  city: companyFields.city.optional(),
  country: companyFields.country.optional(),
  tags: Tags.optional(),
  customFields: CustomFieldChanges.optional(),
});
export type CompanyInput = z.output<typeof CompanyInput>;

/** A change: a field that is sent is set, `null` clears it, a field left out stays as it is. */
export const CompanyPatch = z
  .strictObject({
    name: companyFields.name.optional(),
    domain: companyFields.domain.nullable().optional(),
    website: companyFields.website.nullable().optional(),
    industry: companyFields.industry.nullable().optional(),
    phone: companyFields.phone.nullable().optional(),
    city: companyFields.city.nullable().optional(),
    country: companyFields.country.nullable().optional(),
    tags: Tags.optional(),
    customFields: CustomFieldChanges.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.');
export type CompanyPatch = z.output<typeof CompanyPatch>;

export const Company = z.object({
  ...recordMeta,
  name: z.string(),
  domain: z.string().optional(),
  website: z.string().optional(),
  industry: z.string().optional(),
  phone: z.string().optional(),
  city: z.string().optional(),
  country: z.string().optional(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type Company = z.output<typeof Company>;

export const CompanyListQuery = z.strictObject(listQueryShape);
export type CompanyListQuery = z.output<typeof CompanyListQuery>;

export const CompanyPage = z.object({ items: z.array(Company), nextCursor: z.string().optional() });
