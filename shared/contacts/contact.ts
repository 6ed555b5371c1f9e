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

/** At most this many contacts in one `?ids=` read: BatchGetItem's limit, so one request reads them all. */
export const maxContactIdsPerRead = 100;

/** `?ids=A,B,C`: contacts to read by id, in this order, each once (a repeated id counts once). */
export const ContactIds = z.pipe(
  // bounded before it is split, so a huge parameter costs no more than a long one
  z.string().check(z.minLength(1), z.maxLength(4096)),
  z.pipe(
    z.transform((text: string) => [...new Set(text.split(',').map((id) => id.trim()))]),
    z
      .array(RecordId)
      .check(z.maxLength(maxContactIdsPerRead, `Ask for at most ${maxContactIdsPerRead} contacts at once.`)),
  ),
);

/** The filters `ids` replaces: a read by id is one BatchGetItem, which neither filters nor pages. */
const filtersBesideIds = ['tag', 'q', 'email', 'companyId', 'ownerId', 'cursor'] as const;

export const ContactListQuery = z
  .strictObject({
    ...listQueryShape,
    email: z.optional(EmailAddress),
    /** The contacts linked to one company. */
    companyId: z.optional(RecordId),
    /** The contacts one member owns ("my contacts": the caller's own id), newest first. */
    ownerId: z.optional(MemberId),
    /** The contacts with these ids (at most 100), in the order asked; ids not found are left out. */
    ids: z.optional(ContactIds),
  })
  .check(
    z.refine(
      (query) => query.ids === undefined || filtersBesideIds.every((name) => query[name] === undefined),
      {
        message: `Read contacts by ids alone, without ${filtersBesideIds.join(', ')}.`,
        path: ['ids'],
      },
    ),
  );
export type ContactListQuery = z.output<typeof ContactListQuery>;

export const ContactPage = z.object({ items: z.array(Contact), nextCursor: z.optional(z.string()) });
