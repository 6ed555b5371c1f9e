import { formsKeys } from '../forms/forms-keys';
import { SubmissionActivity } from '../forms/submission-activity';
import { Order } from '../orders/order';
import { orderTimelineEntry } from '../orders/record-order';
import { recordKeys } from '../records/record-keys';
import { withoutKeys } from '../records/record-store';
import { GetCommand } from '../store/document-client';
import { scanEntitiesPages } from '../store/queries';
import type { Store } from '../store/store';
import { cancellationReasons, writeTransaction } from '../store/transactions';
import { timelineEntryItem, timelineEntryPut } from './timeline-item';

type Item = Record<string, unknown>;

export interface TimelineMigration {
  /** Form submissions moved from `ACTIVITY#<id>` onto the timeline. */
  submissionsMoved: number;
  /** Orders that got their timeline entry. */
  ordersAdded: number;
  /** Orders whose contact is gone, or whose entry was there already. */
  ordersSkipped: number;
}

/** The company a contact belongs to now (read once per contact). */
function companiesOf(store: Store) {
  const known = new Map<string, string | undefined>();
  return async (workspaceId: string, contactId: string): Promise<string | undefined> => {
    const key = `${workspaceId}/${contactId}`;
    if (!known.has(key)) {
      const { Item } = await store.client.send(
        new GetCommand({
          TableName: store.tableName,
          Key: recordKeys.record(workspaceId, 'CONTACT', contactId),
          ConsistentRead: true,
          ProjectionExpression: 'companyId',
        }),
      );
      known.set(key, typeof Item?.companyId === 'string' ? Item.companyId : undefined);
    }
    return known.get(key);
  };
}

/** The workspace of an item, from its partition key `WS#<workspaceId>#...`. */
const workspaceOf = (item: Item) => String(item.pk).split('#')[1] as string;

/**
 * One-off, with the deploy of decision 150: moves the form submissions written under `ACTIVITY#<id>` onto
 * the timeline (`CONTACT#TIMELINE#<turned id>`, same id, same index of the form's submissions) and adds an
 * `order.placed` entry for each order filed under a contact. Each item moves in a transaction of its own
 * (the new entry and the old item's removal), so the migration can stop anywhere and run again: what moved
 * is no longer found, an order's entry has a stable id and is not written twice. A Scan of the whole table,
 * which only a one-off may do.
 */
export async function migrateTimeline(store: Store, now: Date = new Date()): Promise<TimelineMigration> {
  const result: TimelineMigration = { submissionsMoved: 0, ordersAdded: 0, ordersSkipped: 0 };
  const companyOf = companiesOf(store);
  for await (const page of scanEntitiesPages(store, ['activity', 'order'])) {
    for (const item of page) {
      const workspaceId = workspaceOf(item);
      if (item.entity === 'activity' && String(item.sk).startsWith('ACTIVITY#')) {
        const submission = SubmissionActivity.parse(withoutKeys(item));
        const companyId = await companyOf(workspaceId, submission.contactId);
        const formKey = String(submission.formId).split('.')[1] ?? '';
        await writeTransaction(store, [
          {
            Put: {
              TableName: store.tableName,
              Item: {
                ...timelineEntryItem(workspaceId, { ...submission, ...(companyId ? { companyId } : {}) }),
                ...formsKeys.formSubmission(workspaceId, formKey, submission.id),
              },
            },
          },
          { Delete: { TableName: store.tableName, Key: { pk: item.pk, sk: item.sk } } },
        ]);
        result.submissionsMoved++;
      }
      if (item.entity === 'order' && typeof item.contactId === 'string') {
        const order = Order.parse(withoutKeys(item));
        const contactId = item.contactId;
        const companyId = await companyOf(workspaceId, contactId);
        try {
          await writeTransaction(store, [
            timelineEntryPut(
              store.tableName,
              workspaceId,
              orderTimelineEntry({ ...order, contactId }, companyId, now.toISOString()),
            ),
            {
              ConditionCheck: {
                TableName: store.tableName,
                Key: recordKeys.record(workspaceId, 'CONTACT', contactId),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
          ]);
          result.ordersAdded++;
        } catch (error) {
          if (!cancellationReasons(error)?.some((reason) => reason.code === 'ConditionalCheckFailed'))
            throw error;
          result.ordersSkipped++;
        }
      }
    }
  }
  return result;
}
