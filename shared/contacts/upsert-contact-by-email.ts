import type { Deps } from '../platform/deps';
import { AppError, ConflictError } from '../platform/errors';
import type { Contact } from './contact';
import type { ContactInput } from './contact-input';
import { createContact } from './create-contact';
import { findContactByEmail } from './find-contact-by-email';
import { updateContact } from './update-contact';

/** Writers racing on one new email settle within a few rounds; jitter spreads them out. */
const maxAttempts = 10;

export interface UpsertResult {
  contact: Contact;
  created: boolean;
}

/**
 * The contact that owns `input.email`, created if there is none. An existing contact keeps what it has:
 * only its empty fields are filled, tags are added and custom fields merged (webhooks and forms must not
 * overwrite what a person typed). Two concurrent calls for one email both end on the same contact.
 */
export async function upsertContactByEmail(
  deps: Deps,
  workspaceId: string,
  input: ContactInput & { email: string },
): Promise<UpsertResult> {
  for (let attempt = 1; ; attempt++) {
    const existing = await findContactByEmail(deps, workspaceId, input.email);
    try {
      if (!existing) return { contact: await createContact(deps, workspaceId, input), created: true };
      const patch = fillGaps(existing, input);
      if (Object.keys(patch).length === 0) return { contact: existing, created: false };
      return {
        contact: await updateContact(deps, workspaceId, existing.id, patch, existing.version),
        created: false,
      };
    } catch (error) {
      // another writer created or changed this contact in between: read again and retry
      const raced =
        error instanceof ConflictError ||
        (error instanceof AppError && error.statusCode === 404 && existing !== undefined);
      if (!raced || attempt >= maxAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * attempt));
    }
  }
}

function fillGaps(existing: Contact, input: ContactInput): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of ['firstName', 'lastName', 'phone', 'jobTitle', 'companyId'] as const) {
    if (input[field] !== undefined && existing[field] === undefined) patch[field] = input[field];
  }
  const tags = [...new Set([...existing.tags, ...(input.tags ?? [])])];
  if (tags.length !== existing.tags.length) patch.tags = tags.slice(0, 25);
  const customFields = Object.entries(input.customFields ?? {}).filter(
    ([key, value]) => value !== null && existing.customFields[key] === undefined,
  );
  if (customFields.length) patch.customFields = Object.fromEntries(customFields);
  return patch;
}
