import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { Consent } from '../consents/consent';
import { getContact } from '../contacts/get-contact';
import type { Deps } from '../platform/deps';
import { platformKeys } from '../platform/platform-keys';
import { listQueryShape } from '../records/record-fields';
import { withoutKeys } from '../records/record-store';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { batchGetItems } from '../store/queries';
import { formsKeys } from './forms-keys';
import { SubmissionActivity } from './submission-activity';

export const ContactActivitiesQuery = z.strictObject({
  limit: listQueryShape.limit,
  cursor: listQueryShape.cursor,
});
export type ContactActivitiesQuery = z.output<typeof ContactActivitiesQuery>;

/** A form submission on the contact's timeline, with the consent it gave (status as it is now). */
export const ContactActivity = z.extend(SubmissionActivity, { consent: z.optional(Consent) });
export type ContactActivity = z.output<typeof ContactActivity>;

export const ContactActivitiesPage = z.object({
  items: z.array(ContactActivity),
  nextCursor: z.optional(z.string()),
});
export type ContactActivitiesPage = z.output<typeof ContactActivitiesPage>;

/**
 * A contact's form submissions, newest first, each with its consent record: one Query in the contact's
 * partition (F3) and one BatchGet of the consents the page names (F6). Another workspace's contact is 404.
 */
export async function listContactActivities(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  contactId: string,
  query: ContactActivitiesQuery,
): Promise<ContactActivitiesPage> {
  await getContact({ store }, workspaceId, contactId);
  const { pk, skPrefix } = formsKeys.contactActivitiesPrefix(workspaceId, contactId);
  const startKey = decodeCursor(query.cursor, {
    workspacePrefix: platformKeys.workspacePrefix(workspaceId),
    partition: pk,
    sortPrefix: skPrefix,
  });
  const page = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ScanIndexForward: false,
      Limit: query.limit,
      ExclusiveStartKey: startKey,
    }),
  );
  const activities = (page.Items ?? []).map((item) => SubmissionActivity.parse(withoutKeys(item)));
  const consentIds = [...new Set(activities.flatMap((activity) => activity.consentId ?? []))];
  const consentItems =
    consentIds.length > 0
      ? await batchGetItems(
          store,
          consentIds.map((id) => formsKeys.contactConsent(workspaceId, contactId, id)),
        )
      : [];
  const consents = new Map(
    consentItems.map((item) => {
      const consent = Consent.parse(withoutKeys(item));
      return [consent.id, consent] as const;
    }),
  );
  return {
    items: activities.map((activity) => {
      const consent = activity.consentId ? consents.get(activity.consentId) : undefined;
      return consent ? { ...activity, consent } : activity;
    }),
    nextCursor: encodeCursor(page.LastEvaluatedKey),
  };
}
