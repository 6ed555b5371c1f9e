import * as z from 'zod/mini';
import { PhoneNumber } from '../contacts/phone-number';
import { singleLine } from '../platform/single-line-text';
import { CountryCode } from '../records/country-code';
import { CustomFieldChanges, optionalText, Tags } from '../records/record-fields';
import { MemberId } from '../team/member-id';
import { Domain, WebsiteUrl } from './company';

/** What a client sends to create or change a company: the API and the web forms validate with these. */

const companyFields = {
  name: z
    .string()
    .check(z.trim(), z.minLength(1, 'Give the company a name.'), z.maxLength(200), singleLine()),
  domain: Domain,
  website: WebsiteUrl,
  industry: optionalText(100),
  phone: PhoneNumber,
  city: optionalText(100),
  country: CountryCode,
  ownerId: MemberId,
};

export const CompanyInput = z.strictObject({
  name: companyFields.name,
  domain: z.optional(companyFields.domain),
  website: z.optional(companyFields.website),
  industry: z.optional(companyFields.industry),
  phone: z.optional(companyFields.phone),
  city: z.optional(companyFields.city),
  country: z.optional(companyFields.country),
  ownerId: z.optional(companyFields.ownerId),
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
    ownerId: z.optional(z.nullable(companyFields.ownerId)),
    tags: z.optional(Tags),
    customFields: z.optional(CustomFieldChanges),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type CompanyPatch = z.output<typeof CompanyPatch>;
