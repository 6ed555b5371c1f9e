import { collectionNames, type KeyPair, type RecordKind, ws } from '../store/key-parts';

/** A contact or company item; a function of its own so a write path that only checks a record exists imports no more. */
export const recordKey = (workspaceId: string, kind: RecordKind, id: string): KeyPair => ({
  pk: `${ws(workspaceId)}#${kind}#${id}`,
  sk: kind,
});

/**
 * Contacts and companies alike: the record, its collection, name and tag entries.
 * Built here and nowhere else (keys.ts gathers them); golden tests pin the strings.
 */
export const recordKeys = {
  record: recordKey,
  /** GSI byCollection: all records of a kind, newest first (ids are ULIDs). */
  recordCollection: (workspaceId: string, kind: RecordKind, id: string) => ({
    gsi1pk: recordKeys.recordCollectionPartition(workspaceId, kind),
    gsi1sk: id,
  }),
  recordCollectionPartition: (workspaceId: string, kind: RecordKind) =>
    `${ws(workspaceId)}#${collectionNames[kind]}`,
  /** GSI byName: records of a kind by searchable name. */
  recordName: (workspaceId: string, kind: RecordKind, searchableName: string, id: string) => ({
    gsi2pk: `${ws(workspaceId)}#${kind}_NAMES`,
    gsi2sk: `${searchableName}#${id}`,
  }),
  recordNamePartition: (workspaceId: string, kind: RecordKind) => `${ws(workspaceId)}#${kind}_NAMES`,
  /** A tag membership item lives in the record's partition and is indexed by tag. */
  recordTag: (workspaceId: string, kind: RecordKind, id: string, tag: string) => ({
    pk: `${ws(workspaceId)}#${kind}#${id}`,
    sk: `TAG#${tag}`,
    gsi1pk: `${ws(workspaceId)}#${kind}_TAG#${tag}`,
    gsi1sk: id,
  }),
  recordTagPartition: (workspaceId: string, kind: RecordKind, tag: string) =>
    `${ws(workspaceId)}#${kind}_TAG#${tag}`,
};
