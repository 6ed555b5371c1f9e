import { ConflictError, NotFoundError, ValidationError } from '../platform/errors';
import { type CancellationReason, failedAt } from '../store/transactions';

/** Turns a cancelled contact transaction into the error the client should see; anything else is rethrown. */
export function throwContactWriteFailure(
  error: unknown,
  reasons: CancellationReason[] | undefined,
  at: { versionIndex: number; emailIndex: number; companyIndex: number },
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
  if (failedAt(reasons, at.versionIndex)) {
    throw reasons[at.versionIndex]?.item
      ? new ConflictError('contact.version_conflict')
      : new NotFoundError('contact.not_found');
  }
  throw error;
}
