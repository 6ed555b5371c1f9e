import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { AppError, ConflictError, NotFoundError } from '../platform/errors';
import { isId } from '../platform/ids';
import { withoutKeys } from '../records/record-store';
import { GetCommand } from '../store/document-client';
import { deleteItems, queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { activitiesKeys } from './activities-keys';
import { Activity, type ActivityEdit, ActivityRevision, type ActivityRevisions } from './activity';
import { renderedContent, type TimelineOwner } from './log-activity';
import { timelineEntryItem } from './timeline-item';

/** The most revisions removed in the transaction that deletes an activity (the rest follow in batches). */
const revisionsInDeleteTransaction = 99;

/**
 * An activity logged on the record, read strongly consistent. Entries that are not activities (a form
 * submission, an order) cannot be changed through these routes: not found, like another workspace's.
 */
async function readActivity(
  store: Store,
  workspaceId: string,
  owner: TimelineOwner,
  activityId: string,
): Promise<Activity> {
  if (!isId(owner.id) || !isId(activityId)) throw new NotFoundError('activity.not_found');
  const { Item } = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: activitiesKeys.timelineEntry(workspaceId, owner.kind, owner.id, activityId),
      ConsistentRead: true,
    }),
  );
  const parsed = Item ? Activity.safeParse(withoutKeys(Item)) : undefined;
  if (!parsed?.success) throw new NotFoundError('activity.not_found');
  return parsed.data;
}

/** Its author may change or delete an activity, and so may an admin; anyone else is refused (403). */
function mayChange(activity: Activity, auth: Pick<AuthContext, 'userId' | 'roles'>): void {
  if (activity.authorId !== auth.userId && !auth.roles.includes('admin'))
    throw new AppError(403, 'activity.not_author');
}

/**
 * Changes an activity over the version the client saw (If-Match). Primary course:
 * 1. read it (404), check the version (409) and that the caller wrote it or is an admin (403);
 * 2. one transaction: the activity with its new content (version + 1, editedAt/editedBy; when it happened
 *    and who logged it stay), written over the version read, and a revision item with what it said until
 *    now (`REVISION#<id>#<time>`, outside the overview's range), kept for audit.
 */
export async function editActivity(
  { store, clock }: Deps,
  workspaceId: string,
  owner: TimelineOwner,
  activityId: string,
  auth: Pick<AuthContext, 'userId' | 'roles'>,
  edit: ActivityEdit,
  expectedVersion: number,
): Promise<Activity> {
  const current = await readActivity(store, workspaceId, owner, activityId);
  if (current.version !== expectedVersion) throw new ConflictError('activity.version_conflict');
  mayChange(current, auth);
  const now = clock().toISOString();
  const next = {
    id: current.id,
    ...(current.contactId ? { contactId: current.contactId } : {}),
    ...(current.companyId ? { companyId: current.companyId } : {}),
    occurredAt: current.occurredAt,
    recordedAt: current.recordedAt,
    authorId: current.authorId,
    version: current.version + 1,
    editedAt: now,
    editedBy: auth.userId,
    ...renderedContent(edit),
  } as Activity;
  const revision: ActivityRevision = {
    activityId: current.id,
    version: current.version,
    replacedAt: now,
    replacedBy: auth.userId,
    content: current,
  };
  const items: TransactItem[] = [
    {
      Put: {
        TableName: store.tableName,
        Item: timelineEntryItem(workspaceId, next),
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    },
    {
      Put: {
        TableName: store.tableName,
        Item: {
          ...activitiesKeys.activityRevision(workspaceId, owner.kind, owner.id, current.id, now),
          entity: 'activityRevision',
          ...revision,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  try {
    await writeTransaction(store, items);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && (failedAt(reasons, 0) || failedAt(reasons, 1)))
      throw new ConflictError('activity.version_conflict');
    throw error;
  }
  return next;
}

/** An activity's revisions, newest first. */
function revisionItems(store: Store, workspaceId: string, owner: TimelineOwner, activityId: string) {
  return queryAllWithPrefix(
    store,
    activitiesKeys.activityRevisionsPrefix(workspaceId, owner.kind, owner.id, activityId),
    { newestFirst: true },
  );
}

/** The earlier contents of an activity, newest first (404 when the activity does not exist). */
export async function listActivityRevisions(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  owner: TimelineOwner,
  activityId: string,
): Promise<ActivityRevisions> {
  const [, items] = await Promise.all([
    readActivity(store, workspaceId, owner, activityId),
    isId(activityId) ? revisionItems(store, workspaceId, owner, activityId) : [],
  ]);
  return { items: items.map((item) => ActivityRevision.parse(withoutKeys(item))) };
}

/**
 * Deletes an activity and its revisions: whoever deletes it (its author or an admin) means it gone, and a
 * note logged on the wrong person must not live on in its history. One transaction removes the activity
 * (as read) with its first 99 revisions; more than that (rare) follow in batches, and a crash in between
 * leaves revisions of a deleted activity that nothing shows and erasing the contact removes.
 */
export async function deleteActivity(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  owner: TimelineOwner,
  activityId: string,
  auth: Pick<AuthContext, 'userId' | 'roles'>,
): Promise<void> {
  const current = await readActivity(store, workspaceId, owner, activityId);
  mayChange(current, auth);
  const revisions = await revisionItems(store, workspaceId, owner, activityId);
  const keyOf = (item: Record<string, unknown>) => ({ pk: String(item.pk), sk: String(item.sk) });
  const first = revisions.slice(0, revisionsInDeleteTransaction);
  try {
    await writeTransaction(store, [
      {
        Delete: {
          TableName: store.tableName,
          Key: activitiesKeys.timelineEntry(workspaceId, owner.kind, owner.id, activityId),
          ConditionExpression: 'attribute_exists(pk) AND #version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': current.version },
        },
      },
      ...first.map((item) => ({ Delete: { TableName: store.tableName, Key: keyOf(item) } })),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) throw new ConflictError('activity.version_conflict');
    throw error;
  }
  await deleteItems(store, revisions.slice(revisionsInDeleteTransaction).map(keyOf));
}
