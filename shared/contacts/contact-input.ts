import * as z from 'zod/mini';
import { CustomFieldChanges, optionalText, RecordId, Tags } from '../records/record-fields';
import { MemberId } from '../team/member-id';
import { hasNameOrEmail } from './contact-display-name';
import { EmailAddress } from './email-address';
import { PhoneNumber } from './phone-number';

/** What a client sends to create or change a contact: the API and the web forms validate with these. */

const nameOrEmailMessage = { message: 'Give the contact a name or an email address.', path: ['firstName'] };

const contactFields = {
  firstName: optionalText(100),
  lastName: optionalText(100),
  email: EmailAddress,
  phone: PhoneNumber,
  jobTitle: optionalText(120),
  companyId: RecordId,
  ownerId: MemberId,
};

export const ContactInput = z
  .strictObject({
    firstName: z.optional(contactFields.firstName),
    lastName: z.optional(contactFields.lastName),
    email: z.optional(contactFields.email),
    phone: z.optional(contactFields.phone),
    jobTitle: z.optional(contactFields.jobTitle),
    companyId: z.optional(contactFields.companyId),
    ownerId: z.optional(contactFields.ownerId),
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
    ownerId: z.optional(z.nullable(contactFields.ownerId)),
    tags: z.optional(Tags),
    customFields: z.optional(CustomFieldChanges),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type ContactPatch = z.output<typeof ContactPatch>;
