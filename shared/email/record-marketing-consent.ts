import type { Deps } from '../platform/deps';
import { recordKeys } from '../records/record-keys';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import { consentChangeWrites } from './email-preferences';

/**
 * A confirmed form consent subscribes its contact to marketing mail (source `form`), unless the contact
 * withdrew later than it consented: a consent confirmed before an unsubscribe must not undo it, however late
 * the event comes. Conditioned in the same write, so a withdrawal at the same moment wins. `false` when
 * nothing changed (withdrawn since, or the contact erased).
 */
export async function recordMarketingConsent(
  { store, clock }: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  consent: { contactId: string; consentId: string; formId: string; confirmedAt: string },
): Promise<boolean> {
  try {
    await writeTransaction(store, [
      {
        ConditionCheck: {
          TableName: store.tableName,
          Key: recordKeys.record(workspaceId, 'CONTACT', consent.contactId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      ...consentChangeWrites(
        store.tableName,
        workspaceId,
        consent.contactId,
        {
          marketing: 'subscribed',
          source: 'form',
          note: `Form ${consent.formId}, consent ${consent.consentId}`,
        },
        clock(),
        {
          condition: {
            expression:
              'attribute_not_exists(marketing) OR marketing <> :unsubscribed OR changedAt < :confirmedAt',
            values: { ':unsubscribed': 'unsubscribed', ':confirmedAt': consent.confirmedAt },
          },
        },
      ),
    ]);
    return true;
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && (failedAt(reasons, 0) || failedAt(reasons, 1))) return false;
    throw error;
  }
}
