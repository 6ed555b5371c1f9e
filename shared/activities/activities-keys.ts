import { type KeyPair, ws } from '../store/key-parts';
import { newestFirstId } from './newest-first-id';

/** A record a timeline belongs to. */
export type TimelineOwnerKind = 'CONTACT' | 'COMPANY';

/**
 * The builders of the write paths other capabilities share (a timeline entry, a contact's open work) are
 * functions of their own: a Lambda that imports one does not carry the whole object (decision 090).
 */
/** An entry of a record's timeline, in the record's partition; newest first in ascending order. */
export const timelineEntryKey = (
  workspaceId: string,
  kind: TimelineOwnerKind,
  recordId: string,
  entryId: string,
): KeyPair => ({
  pk: `${ws(workspaceId)}#${kind}#${recordId}`,
  sk: `${kind}#TIMELINE#${newestFirstId(entryId)}`,
});

export const timelineOfTypePartition = (
  workspaceId: string,
  kind: TimelineOwnerKind,
  recordId: string,
  type: string,
) => `${ws(workspaceId)}#${kind}#${recordId}#TIMELINE#${type}`;

/** GSI byCollection: a record's timeline entries of one type (`note`, `call`, ...), newest first by id. */
export const timelineOfTypeKey = (
  workspaceId: string,
  kind: TimelineOwnerKind,
  recordId: string,
  type: string,
  entryId: string,
) => ({
  gsi1pk: timelineOfTypePartition(workspaceId, kind, recordId, type),
  gsi1sk: entryId,
});

export const companyTimelinePartition = (workspaceId: string, companyId: string) =>
  `${ws(workspaceId)}#COMPANY#${companyId}#TIMELINE`;

/**
 * GSI byName: a company's whole timeline: its own entries and those of the contacts that belonged to it
 * when the entry was written. Sort key: the entry id (a ULID), read descending.
 */
export const companyTimelineKey = (workspaceId: string, companyId: string, entryId: string) => ({
  gsi2pk: companyTimelinePartition(workspaceId, companyId),
  gsi2sk: entryId,
});

/** One item per contact that sums up its open tasks, tickets and deals (one attribute each). */
export const contactOpenWorkKey = (workspaceId: string, contactId: string): KeyPair => ({
  pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
  sk: 'CONTACT#OPEN_WORK',
});

/**
 * The timeline of contacts and companies, and a contact's open work (decision 150). Built here and nowhere
 * else (keys.ts gathers them); golden tests pin the strings.
 *
 * A contact's partition, in ascending sort-key order, reads:
 *   `CONTACT` (the contact) < `CONTACT#OPEN_WORK` (its open tasks, tickets, deals) < `CONTACT#TIMELINE#<turned id>`
 * (its timeline, newest first), and nothing else sorts in between, so the overview is one Query with
 * `sk BETWEEN 'CONTACT' AND 'CONTACT#TIMELINE#~'` and `Limit 22`.
 */
export const activitiesKeys = {
  timelineEntry: timelineEntryKey,
  timelinePrefix: (workspaceId: string, kind: TimelineOwnerKind, recordId: string) => ({
    pk: `${ws(workspaceId)}#${kind}#${recordId}`,
    skPrefix: `${kind}#TIMELINE#`,
  }),
  timelineOfType: timelineOfTypeKey,
  timelineOfTypePartition,
  companyTimeline: companyTimelineKey,
  companyTimelinePartition,
  /** The earlier texts of an edited activity, kept for audit, in the record's partition (outside the overview). */
  activityRevision: (
    workspaceId: string,
    kind: TimelineOwnerKind,
    recordId: string,
    activityId: string,
    revisedAt: string,
  ): KeyPair => ({
    pk: `${ws(workspaceId)}#${kind}#${recordId}`,
    sk: `REVISION#${activityId}#${revisedAt}`,
  }),
  activityRevisionsPrefix: (
    workspaceId: string,
    kind: TimelineOwnerKind,
    recordId: string,
    activityId: string,
  ) => ({
    pk: `${ws(workspaceId)}#${kind}#${recordId}`,
    skPrefix: `REVISION#${activityId}#`,
  }),
  contactOpenWork: contactOpenWorkKey,
  /** The key range of the overview Query: the contact, its open work, then its timeline newest first. */
  contactOverviewRange: (workspaceId: string, contactId: string) => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    from: 'CONTACT',
    to: 'CONTACT#TIMELINE#~',
  }),
};
