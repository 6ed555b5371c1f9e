import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
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

export const EmailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Keep the email under 254 characters.')
  .pipe(z.email('Enter a valid email address.'));

export const PhoneNumber = z
  .string()
  .trim()
  .max(40, 'This is too long for a phone number.')
  .transform((value, ctx) => {
    const parsed = parsePhoneNumberFromString(value);
    if (!parsed?.isValid()) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a valid phone number in international format, e.g. +44 20 7946 0958.',
      });
      return z.NEVER;
    }
    return parsed.number;
  });

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
    firstName: contactFields.firstName.optional(),
    lastName: contactFields.lastName.optional(),
    email: contactFields.email.optional(),
    phone: contactFields.phone.optional(),
    jobTitle: contactFields.jobTitle.optional(),
    companyId: contactFields.companyId.optional(),
    tags: Tags.optional(),
    customFields: CustomFieldChanges.optional(),
  })
  .refine(hasNameOrEmail, nameOrEmailMessage);
export type ContactInput = z.output<typeof ContactInput>;

/** A change: a field that is sent is set, `null` clears it, a field left out stays as it is. */
export const ContactPatch = z
  .strictObject({
    firstName: contactFields.firstName.nullable().optional(),
    lastName: contactFields.lastName.nullable().optional(),
    email: contactFields.email.nullable().optional(),
    phone: contactFields.phone.nullable().optional(),
    jobTitle: contactFields.jobTitle.nullable().optional(),
    companyId: contactFields.companyId.nullable().optional(),
    tags: Tags.optional(),
    customFields: CustomFieldChanges.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.');
export type ContactPatch = z.output<typeof ContactPatch>;

export const Contact = z.object({
  ...recordMeta,
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  jobTitle: z.string().optional(),
  companyId: z.string().optional(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type Contact = z.output<typeof Contact>;

export const ContactListQuery = z.strictObject({
  ...listQueryShape,
  email: EmailAddress.optional(),
  /** The contacts linked to one company. */
  companyId: RecordId.optional(),
});
export type ContactListQuery = z.output<typeof ContactListQuery>;

export const ContactPage = z.object({ items: z.array(Contact), nextCursor: z.string().optional() });
