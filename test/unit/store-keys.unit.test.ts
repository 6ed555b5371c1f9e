import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { crmTable } from '../../shared/store/table';

const ws = 'acme-1';
const id = '01J9ZK3T5Q8W6N4M2P0R7S9V1X';
const companyId = '01J9ZK3T5Q8W6N4M2P0R7S9V2Y';

/** Golden key strings: changing one orphans every item already stored under it. */
const golden = {
  workspacePrefix: [keys.workspacePrefix(ws), 'WS#acme-1#'],
  record: [keys.record(ws, 'CONTACT', id), { pk: `WS#acme-1#CONTACT#${id}`, sk: 'CONTACT' }],
  recordCollection: [keys.recordCollection(ws, 'COMPANY', id), { gsi1pk: 'WS#acme-1#COMPANIES', gsi1sk: id }],
  recordCollectionPartition: [keys.recordCollectionPartition(ws, 'CONTACT'), 'WS#acme-1#CONTACTS'],
  recordName: [
    keys.recordName(ws, 'CONTACT', 'zoe unal', id),
    { gsi2pk: 'WS#acme-1#CONTACT_NAMES', gsi2sk: `zoe unal#${id}` },
  ],
  recordNamePartition: [keys.recordNamePartition(ws, 'COMPANY'), 'WS#acme-1#COMPANY_NAMES'],
  recordTag: [
    keys.recordTag(ws, 'CONTACT', id, 'vip'),
    { pk: `WS#acme-1#CONTACT#${id}`, sk: 'TAG#vip', gsi1pk: 'WS#acme-1#CONTACT_TAG#vip', gsi1sk: id },
  ],
  recordTagPartition: [keys.recordTagPartition(ws, 'COMPANY', 'vip'), 'WS#acme-1#COMPANY_TAG#vip'],
  contactEmail: [
    keys.contactEmail(ws, 'zoe@example.com'),
    { pk: 'WS#acme-1#CONTACT_EMAIL#zoe@example.com', sk: 'UNIQUE' },
  ],
  companyContact: [
    keys.companyContact(ws, companyId, id),
    { gsi3pk: `WS#acme-1#COMPANY#${companyId}#CONTACTS`, gsi3sk: id },
  ],
  companyContactsPartition: [
    keys.companyContactsPartition(ws, companyId),
    `WS#acme-1#COMPANY#${companyId}#CONTACTS`,
  ],
  outbox: [keys.outbox(ws, id), { pk: `WS#acme-1#OUTBOX#${id}`, sk: 'OUTBOX' }],
  fieldDefinition: [
    keys.fieldDefinition(ws, 'contact', 'tier'),
    { pk: 'WS#acme-1#SETTINGS', sk: 'FIELD#contact#tier' },
  ],
  fieldDefinitionsPrefix: [
    keys.fieldDefinitionsPrefix(ws, 'company'),
    { pk: 'WS#acme-1#SETTINGS', skPrefix: 'FIELD#company#' },
  ],
} satisfies Record<keyof typeof keys, [unknown, unknown]>;

describe('table keys', () => {
  it('has a golden string for every key builder', () => {
    expect(Object.keys(golden).sort()).toEqual(Object.keys(keys).sort());
  });

  it.each(Object.entries(golden))('%s builds its golden key', (_name, [built, expected]) => {
    expect(built).toEqual(expected);
  });

  it('lists every field definition of a workspace without an entity', () => {
    expect(keys.fieldDefinitionsPrefix(ws)).toEqual({ pk: 'WS#acme-1#SETTINGS', skPrefix: 'FIELD#' });
  });

  it('starts every partition key with the workspace prefix', () => {
    const partitionKeys = Object.values(golden).flatMap(([built]) =>
      typeof built === 'string'
        ? [built]
        : Object.entries(built as Record<string, string>)
            .filter(([name]) => name.endsWith('pk'))
            .map(([, value]) => value),
    );
    expect(partitionKeys.length).toBeGreaterThan(10);
    for (const key of partitionKeys) expect(key.startsWith(keys.workspacePrefix(ws))).toBe(true);
  });

  it('gives each access pattern of a kind its own partition', () => {
    const partitions = [
      keys.record(ws, 'CONTACT', id).pk,
      keys.recordCollectionPartition(ws, 'CONTACT'),
      keys.recordCollectionPartition(ws, 'COMPANY'),
      keys.recordNamePartition(ws, 'CONTACT'),
      keys.recordTagPartition(ws, 'CONTACT', 'vip'),
      keys.contactEmail(ws, 'zoe@example.com').pk,
      keys.companyContactsPartition(ws, companyId),
      keys.fieldDefinition(ws, 'contact', 'tier').pk,
      keys.outbox(ws, id).pk,
    ];
    expect(new Set(partitions).size).toBe(partitions.length);
  });

  it('names the physical key attributes the builders fill', () => {
    const indexAttributes = Object.values(crmTable.indexes).flatMap((index) => [
      index.partitionKey,
      index.sortKey,
    ]);
    expect(indexAttributes).toEqual(['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk']);
    expect([crmTable.partitionKey, crmTable.sortKey]).toEqual(['pk', 'sk']);
  });
});
