import parsePhoneNumber from 'libphonenumber-js/core';
import * as z from 'zod/mini';
import { phoneMetadata } from '#phone-metadata';
import {
  CustomFieldChanges,
  listQueryShape,
  optionalText,
  RecordId,
  recordMeta,
  Tags,
} from '../records/record-fields';
import { hasNameOrEmail } from './contact-display-name';

/** Contact schemas: the API, the OpenAPI document and the web forms all use these. */

export const EmailAddress = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254, 'Keep the email under 254 characters.')),
  z.email('Enter a valid email address.'),
);

export const PhoneNumber = z.pipe(
  z.string().check(z.trim(), z.maxLength(40, 'This is too long for a phone number.')),
  z.transform((value: string, ctx) => {
    const parsed = parsePhoneNumber(value, phoneMetadata());
    if (!parsed?.isValid()) {
      ctx.issues.push({
        code: 'custom',
        message: 'Enter a valid phone number in international format, e.g. +44 20 7946 0958.',
        input: value,
      });
      return z.NEVER;
    }
    return parsed.number;
  }),
);

const nameOrEmailMessage = { message: 'Give the contact a name or an email address.', path: ['firstName'] };

const contactFields = {
  firstName: optionalText(100),
  lastName: optionalText(100),
  email: EmailAddress,
  phone: PhoneNumber,
  jobTitle: optionalText(120),
  companyId: RecordId,
};

export const ContactInput = z
  .strictObject({
    firstName: z.optional(contactFields.firstName),
    lastName: z.optional(contactFields.lastName),
    email: z.optional(contactFields.email),
    phone: z.optional(contactFields.phone),
    jobTitle: z.optional(contactFields.jobTitle),
    companyId: z.optional(contactFields.companyId),
    tags: z.optional(Tags),
    customFields: z.optional(CustomFieldChanges),
  })
  .check(z.refine(hasNameOrEmail, nameOrEmailMessage));
export type ContactInput = z.output<typeof ContactInput>;

/** A change: a field that is sent is set, `null` clears it, a field left out stays as it is. */
export const ContactPatch = z
  .strictObject({
    firstName: z.optional(z.nullable(contactFields.firstName)),
    lastName: z.optional(z.nullable(contactFields.lastName)),
    email: z.optional(z.nullable(contactFields.email)),
    phone: z.optional(z.nullable(contactFields.phone)),
    jobTitle: z.optional(z.nullable(contactFields.jobTitle)),
    companyId: z.optional(z.nullable(contactFields.companyId)),
    tags: z.optional(Tags),
    customFields: z.optional(CustomFieldChanges),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type ContactPatch = z.output<typeof ContactPatch>;

export const Contact = z.object({
  ...recordMeta,
  firstName: z.optional(z.string()),
  lastName: z.optional(z.string()),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  jobTitle: z.optional(z.string()),
  companyId: z.optional(z.string()),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type Contact = z.output<typeof Contact>;

export const ContactListQuery = z.strictObject({
  ...listQueryShape,
  email: z.optional(EmailAddress),
  /** The contacts linked to one company. */
  companyId: z.optional(RecordId),
});
export type ContactListQuery = z.output<typeof ContactListQuery>;

export const ContactPage = z.object({ items: z.array(Contact), nextCursor: z.optional(z.string()) });
