import * as z from 'zod/mini';
import { Contact } from '../contacts/contact';
import { singleLine } from '../platform/single-line-text';
import { listQueryShape, RecordId, recordMeta } from '../records/record-fields';

/**
 * Lists: named groups a contact joins and leaves (a newsletter, a webinar's guests). Unlike a tag, a list
 * is defined once in the workspace, has members with a join date and a source, and each join and leave
 * is an event (list.joined, list.left) that automations and email campaigns act on.
 */
export const maxListsPerWorkspace = 50;

const listFields = {
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Give the list a name.'),
      z.maxLength(100, 'Keep the name to 100 characters.'),
      singleLine(),
    ),
  description: z.string().check(z.trim(), z.maxLength(500, 'Keep the description to 500 characters.')),
};

export const ListInput = z.strictObject({
  name: listFields.name,
  description: z.optional(listFields.description),
});
export type ListInput = z.output<typeof ListInput>;

/** A change: a field that is sent is set, `null` clears the description, a field left out stays. */
export const ListPatch = z
  .strictObject({
    name: z.optional(listFields.name),
    description: z.optional(z.nullable(listFields.description)),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type ListPatch = z.output<typeof ListPatch>;

export const ContactList = z.object({
  ...recordMeta,
  name: z.string(),
  description: z.optional(z.string()),
});
export type ContactList = z.output<typeof ContactList>;

/** One list as its own route shows it: with the number of its members. */
export const ContactListWithCount = z.extend(ContactList, { memberCount: z.int() });
export type ContactListWithCount = z.output<typeof ContactListWithCount>;

export const ContactListList = z.object({ items: z.array(ContactList) });

export const ListPath = z.object({ listId: z.string() });
export const ListMemberPath = z.object({ listId: z.string(), contactId: z.string() });

/**
 * How a contact came to be on a list (or left it): added by a user, by a form's submission, or by the
 * contact itself on the public email preference page (decision 170), from a link of a campaign.
 */
export const MembershipSource = z.union([
  z.object({ kind: z.literal('user'), userId: z.string() }),
  z.object({ kind: z.literal('form'), formId: z.string() }),
  z.object({ kind: z.literal('preference_page'), campaignId: z.optional(z.string()) }),
]);
export type MembershipSource = z.output<typeof MembershipSource>;

export const ListMembership = z.object({
  listId: z.string(),
  contactId: z.string(),
  joinedAt: z.string(),
  source: MembershipSource,
});
export type ListMembership = z.output<typeof ListMembership>;

/** Adding a member takes no body: the path says everything. */
export const AddListMemberBody = z._default(z.strictObject({}), {});

export const ListMembersQuery = z.strictObject({
  limit: listQueryShape.limit,
  cursor: listQueryShape.cursor,
});
export type ListMembersQuery = z.output<typeof ListMembersQuery>;

export const ListMembersPage = z.object({
  items: z.array(z.object({ contact: Contact, joinedAt: z.string(), source: MembershipSource })),
  nextCursor: z.optional(z.string()),
});
export type ListMembersPage = z.output<typeof ListMembersPage>;

export const ContactListsResponse = z.object({
  items: z.array(
    z.object({
      list: z.pick(ContactList, { id: true, name: true }),
      joinedAt: z.string(),
      source: MembershipSource,
    }),
  ),
});
export type ContactListsResponse = z.output<typeof ContactListsResponse>;

/** The list ids a form adds its contacts to. */
export const ListIds = z.pipe(
  z.array(RecordId).check(z.maxLength(10, 'At most 10 lists.')),
  z.transform((ids) => [...new Set(ids)]),
);
