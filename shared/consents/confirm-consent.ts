import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import { releaseConfirmationMailWrite } from '../forms/confirmation-mail-claim';
import { parseFormId } from '../forms/form-id';
import type { FormDefinition } from '../forms/form-item';
import { formsKeys } from '../forms/forms-keys';
import { getFormDefinition } from '../forms/forms-store';
import type { Deps } from '../platform/deps';
import { AppError, NotFoundError } from '../platform/errors';
import { GetCommand } from '../store/document-client';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import { verifyConfirmationToken } from './confirmation-token';
import type { Consent } from './consent';
import { ConsentConfirmed } from './consent-events';

export class ConsentLinkInvalidError extends AppError {
  constructor(detail?: string) {
    super(400, 'consent.link_invalid', { detail });
  }
}

export class ConsentLinkExpiredError extends AppError {
  constructor() {
    super(410, 'consent.link_expired');
  }
}

export interface ConfirmationResult {
  form: FormDefinition;
  consent: Consent;
  /** The link had been followed before: nothing changed this time. */
  alreadyConfirmed: boolean;
}

async function readConsent(deps: Pick<Deps, 'store'>, key: { pk: string; sk: string }) {
  const stored = await deps.store.client.send(
    new GetCommand({ TableName: deps.store.tableName, Key: key, ConsistentRead: true }),
  );
  return stored.Item as (Consent & { pk: string; sk: string; entity: string }) | undefined;
}

function withoutKeys(item: Consent & { pk: string; sk: string; entity: string }): Consent {
  const { pk: _pk, sk: _sk, entity: _entity, ...consent } = item;
  return consent;
}

/**
 * Confirms a double opt-in consent from the signed link in its email. Following the link again is a
 * no-op that still says "confirmed", even once the link has expired. Primary course:
 * 1. the form of the link (its secret signs the token), 404 when it was deleted;
 * 2. the token's signature (400) and the consent it names (404 when its contact was deleted);
 * 3. an expired link for a consent still pending answers 410;
 * 4. one transaction: the consent becomes `confirmed` only if it is still pending, with consent.confirmed
 *    in the outbox.
 */
export async function confirmConsent(
  { store, clock }: Deps,
  formId: string,
  token: string,
  from: { ip?: string; userAgent?: string } = {},
): Promise<ConfirmationResult> {
  const ref = parseFormId(formId);
  if (!ref) throw new NotFoundError('form.not_found');
  const form = await getFormDefinition(store, ref);
  const now = clock();
  const check = verifyConfirmationToken(form.secret, form.id, token, now);
  if (check.status === 'invalid') throw new ConsentLinkInvalidError(`bad confirmation token for ${formId}`);
  const key = formsKeys.contactConsent(ref.workspaceId, check.claims.contactId, check.claims.consentId);
  const stored = await readConsent({ store }, key);
  if (!stored || stored.formId !== form.id) throw new NotFoundError('consent.not_found');
  if (stored.status === 'confirmed') return { form, consent: withoutKeys(stored), alreadyConfirmed: true };
  if (check.status === 'expired') throw new ConsentLinkExpiredError();

  const confirmedAt = now.toISOString();
  const confirmed: Consent = {
    ...withoutKeys(stored),
    status: 'confirmed',
    confirmedAt,
    ...(from.ip ? { confirmedIp: from.ip } : {}),
    ...(from.userAgent ? { confirmedUserAgent: from.userAgent.slice(0, 500) } : {}),
  };
  const names: Record<string, string> = { '#status': 'status', '#confirmedAt': 'confirmedAt' };
  const values: Record<string, unknown> = {
    ':confirmed': 'confirmed',
    ':pending': 'pending',
    ':at': confirmedAt,
  };
  const sets = ['#status = :confirmed', '#confirmedAt = :at'];
  for (const name of ['confirmedIp', 'confirmedUserAgent'] as const) {
    const value = confirmed[name];
    if (value === undefined) continue;
    names[`#${name}`] = name;
    values[`:${name}`] = value;
    sets.push(`#${name} = :${name}`);
  }
  try {
    await writeTransaction(store, [
      {
        Update: {
          TableName: store.tableName,
          Key: key,
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk) AND #status = :pending',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      ...outboxWrite(
        store.tableName,
        ref.workspaceId,
        [
          pendingEvent(ConsentConfirmed, {
            consentId: confirmed.id,
            contactId: confirmed.contactId,
            formId: form.id,
            email: confirmed.email,
            version: confirmed.version,
            doubleOptIn: true,
            confirmedAt,
          }),
        ],
        now,
      ),
      // the address confirmed: its next post of this form may be sent an email again
      releaseConfirmationMailWrite(store.tableName, ref, confirmed.email),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons || !failedAt(reasons, 0)) throw error;
    // confirmed by a second click at the same moment, or the contact was deleted meanwhile
    const again = await readConsent({ store }, key);
    if (again?.status === 'confirmed') return { form, consent: withoutKeys(again), alreadyConfirmed: true };
    throw new NotFoundError('consent.not_found');
  }
  return { form, consent: confirmed, alreadyConfirmed: false };
}
