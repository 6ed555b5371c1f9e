import * as z from 'zod/mini';
import { listQueryShape, RecordId, recordMeta } from '../records/record-fields';
import { MemberId } from '../team/member-id';
import { EmailAddress } from './email-address';

/**
 * A contact as the API answers it, and the list query: events, lists and pages use these. What a client
 * sends is in contact-input.ts (it validates phone numbers, whose metadata only input needs).
 */

export const Contact = z.object({
  ...recordMeta,
  firstName: z.optional(z.string()),
  lastName: z.optional(z.string()),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  jobTitle: z.optional(z.string()),
  companyId: z.optional(z.string()),
  /** The member who owns the contact (its id, the token's `sub`). */
  ownerId: z.optional(z.string()),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type Contact = z.output<typeof Contact>;

export const ContactListQuery = z.strictObject({
  ...listQueryShape,
  email: z.optional(EmailAddress),
  /** The contacts linked to one company. */
  companyId: z.optional(RecordId),
  /** The contacts one member owns ("my contacts": the caller's own id), newest first. */
  ownerId: z.optional(MemberId),
});
export type ContactListQuery = z.output<typeof ContactListQuery>;

export const ContactPage = z.object({ items: z.array(Contact), nextCursor: z.optional(z.string()) });
