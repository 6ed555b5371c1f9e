import { ConflictError, NotFoundError, ValidationError } from '../platform/errors';
import { type CancellationReason, failedAt } from '../store/transactions';
import { notAnActiveMember } from '../team/active-member-check';

/** Turns a cancelled contact transaction into the error the client should see; anything else is rethrown. */
export function throwContactWriteFailure(
  error: unknown,
  reasons: CancellationReason[] | undefined,
  at: { versionIndex: number; emailIndex: number; companyIndex: number; ownerIndex?: number },
): never {
  if (!reasons) throw error;
  const email = failedAt(reasons, at.emailIndex);
  if (email) {
    throw new ConflictError('contact.email_exists', {
      existingId: String(email.item?.contactId ?? '') || undefined,
    });
  }
  if (failedAt(reasons, at.companyIndex))
    throw new ValidationError({ companyId: 'There is no company with this id.' });
  if (at.ownerIndex !== undefined && failedAt(reasons, at.ownerIndex)) throw notAnActiveMember('ownerId');
  if (failedAt(reasons, at.versionIndex)) {
    throw reasons[at.versionIndex]?.item
      ? new ConflictError('contact.version_conflict')
      : new NotFoundError('contact.not_found');
  }
  throw error;
}
