/**
 * Every key of the table is built here and nowhere else. Each starts with the workspace id that came
 * from the caller's token, so no query can reach another workspace's items. Golden tests pin the strings.
 */
export type KeyPair = { pk: string; sk: string };

const ws = (workspaceId: string) => `WS#${workspaceId}`;

export type RecordKind = 'CONTACT' | 'COMPANY';

const collectionNames: Record<RecordKind, string> = { CONTACT: 'CONTACTS', COMPANY: 'COMPANIES' };

export const keys = {
  workspacePrefix: (workspaceId: string) => `${ws(workspaceId)}#`,

  record: (workspaceId: string, kind: RecordKind, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#${kind}#${id}`,
    sk: kind,
  }),
  /** GSI byCollection: all records of a kind, newest first (ids are ULIDs). */
  recordCollection: (workspaceId: string, kind: RecordKind, id: string) => ({
    gsi1pk: keys.recordCollectionPartition(workspaceId, kind),
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

  /** Uniqueness guard: at most one contact per email in a workspace. */
  contactEmail: (workspaceId: string, email: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CONTACT_EMAIL#${email}`,
    sk: 'UNIQUE',
  }),
  /** GSI byParent: the contacts linked to a company. */
  companyContact: (workspaceId: string, companyId: string, contactId: string) => ({
    gsi3pk: `${ws(workspaceId)}#COMPANY#${companyId}#CONTACTS`,
    gsi3sk: contactId,
  }),
  companyContactsPartition: (workspaceId: string, companyId: string) =>
    `${ws(workspaceId)}#COMPANY#${companyId}#CONTACTS`,

  /** Transactional outbox: the events of one write, published from the table's stream. */
  outbox: (workspaceId: string, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#OUTBOX#${id}`,
    sk: 'OUTBOX',
  }),

  // --- webhooks: intake and shops ---
  // --- webhooks: forms ---
  // --- outbound webhooks ---

  /** Custom field definitions of a workspace, one partition. */
  fieldDefinition: (workspaceId: string, entity: string, key: string): KeyPair => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    sk: `FIELD#${entity}#${key}`,
  }),
  fieldDefinitionsPrefix: (workspaceId: string, entity?: string) => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    skPrefix: entity ? `FIELD#${entity}#` : 'FIELD#',
  }),
};
