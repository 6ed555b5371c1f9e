import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { isId } from '../platform/ids';
import { recordKeys } from '../records/record-keys';
import { getRecordItem } from '../records/record-store';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import type { TimelineOwnerKind } from './activities-keys';
import type { Activity, ActivityEdit, ActivityInput } from './activity';
import { ActivityLogged } from './activity-events';
import { entryIdAt } from './entry-id';
import { renderMarkdown } from './render-markdown';
import { timelineEntryPut } from './timeline-item';

/** The record a timeline belongs to, as a route names it. */
export interface TimelineOwner {
  kind: TimelineOwnerKind;
  id: string;
}

export const notFoundOf = (owner: TimelineOwner) =>
  new NotFoundError(owner.kind === 'CONTACT' ? 'contact.not_found' : 'company.not_found');

type Content = ActivityEdit;
type Rendered<C extends Content> = C extends { type: 'note' | 'email' }
  ? C & { bodyHtml: string }
  : C & { notesHtml?: string };

/** An activity's content with its texts rendered to safe HTML beside the markdown. */
export function renderedContent(content: Content): Rendered<Content> {
  switch (content.type) {
    case 'note':
    case 'email':
      return { ...content, bodyHtml: renderMarkdown(content.body) };
    case 'call':
    case 'meeting': {
      const { notes, ...rest } = content;
      return notes ? { ...rest, notes, notesHtml: renderMarkdown(notes) } : rest;
    }
  }
}

/**
 * Logs an activity on a contact (then also on the timeline of the company it belongs to) or a company.
 * Primary course:
 * 1. read the record (404 when it is not in the caller's workspace);
 * 2. the entry: its id carries when it happened (now, or a meeting's start, when not given), its texts
 *    rendered to safe HTML, its author the caller;
 * 3. one transaction: the entry, a check that the record still exists, and activity.logged in the outbox.
 */
export async function logActivity(
  { store, clock }: Deps,
  workspaceId: string,
  owner: TimelineOwner,
  auth: Pick<AuthContext, 'userId'>,
  input: ActivityInput,
): Promise<Activity> {
  if (!isId(owner.id)) throw notFoundOf(owner);
  const record = await getRecordItem(store, workspaceId, owner.kind, owner.id);
  if (!record) throw notFoundOf(owner);
  const now = clock();
  const { occurredAt: given, ...content } = { occurredAt: undefined, ...input };
  const occurredAt = new Date(
    given ?? (content.type === 'meeting' ? content.startsAt : now.toISOString()),
  ).toISOString();
  const companyId =
    owner.kind === 'COMPANY' ? owner.id : typeof record.companyId === 'string' ? record.companyId : undefined;
  const activity = {
    id: entryIdAt(occurredAt),
    ...(owner.kind === 'CONTACT' ? { contactId: owner.id } : {}),
    ...(companyId ? { companyId } : {}),
    occurredAt,
    recordedAt: now.toISOString(),
    authorId: auth.userId,
    version: 1,
    ...renderedContent(content as Content),
  } as Activity;
  const items = [
    timelineEntryPut(store.tableName, workspaceId, activity),
    {
      ConditionCheck: {
        TableName: store.tableName,
        Key: recordKeys.record(workspaceId, owner.kind, owner.id),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    ...outboxWrite(
      store.tableName,
      workspaceId,
      [
        pendingEvent(ActivityLogged, {
          activityId: activity.id,
          type: activity.type,
          ...(activity.contactId ? { contactId: activity.contactId } : {}),
          ...(activity.companyId ? { companyId: activity.companyId } : {}),
          authorId: activity.authorId,
        }),
      ],
      now,
    ),
  ];
  try {
    await writeTransaction(store, items);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 1)) throw notFoundOf(owner);
    throw error;
  }
  return activity;
}
