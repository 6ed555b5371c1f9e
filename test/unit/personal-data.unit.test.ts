import { describe, expect, it } from 'vitest';
import { personalSubjectOf } from '../../shared/events/event-subject';
import { orderPersonalData } from '../../shared/orders/order-personal-data';
import { orderItem } from '../../shared/orders/record-order';
import { anonymisedItem, type PersonalDataDeclaration } from '../../shared/privacy/personal-data';
import { personalDataDeclarations } from '../../shared/privacy/personal-data-registry';
import { keys } from '../../shared/store/keys';
import { webhookPersonalData } from '../../shared/webhooks/webhook-personal-data';

const ws = 'acme-1';
const contactId = '01J9ZK3T5Q8W6N4M2P0R7S9V1X';
const now = new Date('2026-12-06T09:00:00.000Z');
const declared = (itemType: string): PersonalDataDeclaration => {
  const found = personalDataDeclarations.find((declaration) => declaration.itemType === itemType);
  if (!found) throw new Error(`${itemType} is not declared`);
  return found;
};

describe('personal data declarations', () => {
  it('declare each item type once, each with the attributes that hold the person', () => {
    const types = personalDataDeclarations.map((declaration) => declaration.itemType);
    expect(new Set(types).size).toBe(types.length);
    for (const declaration of personalDataDeclarations)
      expect(declaration.attributes.length).toBeGreaterThan(0);
  });

  it("find a contact's items in its partition by sort key prefixes that never overlap", () => {
    // the contact item and its erasure marker are read by their exact sort keys (GetItem), so a prefix may
    // extend them: the timeline (`CONTACT#TIMELINE#`) sorts right after the contact on purpose (decision 150)
    const exactKeys = ['CONTACT', 'ERASED'];
    const prefixes = [
      'LINK#',
      ...personalDataDeclarations.flatMap((declaration) =>
        declaration.location.kind === 'contactPartition' ? [declaration.location.skPrefix] : [],
      ),
    ];
    for (const prefix of prefixes)
      expect(
        prefixes.filter((other) => other.startsWith(prefix)),
        prefix,
      ).toEqual([prefix]);
    for (const key of exactKeys)
      expect(
        prefixes.filter((prefix) => key.startsWith(prefix)),
        key,
      ).toEqual([]);
  });

  it("find the rest on index partitions of the contact's own, in its workspace", () => {
    for (const declaration of personalDataDeclarations) {
      if (declaration.location.kind !== 'index') continue;
      expect(declaration.location.partition(ws, contactId)).toMatch(
        new RegExp(`^WS#${ws}#CONTACT#${contactId}#[A-Z_]+$`),
      );
    }
  });

  it("find items written before the contact existed on index partitions of its email's hash, never the email", () => {
    const byEmail = personalDataDeclarations.filter(
      (declaration) => declaration.location.kind === 'emailIndex',
    );
    expect(byEmail.map((declaration) => declaration.itemType)).toEqual(['confirmationMail']);
    for (const { location } of byEmail) {
      if (location.kind !== 'emailIndex') continue;
      const partition = location.partition(ws, ' Zoe@Example.com');
      expect(partition).toMatch(new RegExp(`^WS#${ws}#EMAIL#[0-9a-f]{64}#[A-Z_]+$`));
      expect(partition).toBe(location.partition(ws, 'zoe@example.com'));
      expect(partition.toLowerCase()).not.toContain('zoe');
    }
  });
});

describe('anonymising an order', () => {
  const order = orderItem(ws, 'CONN1', {
    id: '01J9ZK3T5Q8W6N4M2P0R7S9V2Y',
    externalId: '5938475629384',
    number: '#1042',
    placedAt: '2025-05-14T08:22:30.000Z',
    currency: 'EUR',
    total: '89.70',
    tax: '14.32',
    lineItems: [
      { name: 'Bio-Kaffee Espresso', sku: 'KAF-ESP-500-B', quantity: 2, unitPrice: '24.90', total: '49.80' },
    ],
    lineItemCount: 1,
    connectionId: `${ws}.CONN1`,
    source: 'shopify',
    contactId,
    email: 'lena.schmidt@example.com',
    createdAt: '2025-05-14T08:22:31.000Z',
  });
  const [orderDeclaration] = orderPersonalData;

  it('keeps amounts, line items, dates and currency, and drops whose it was and its place under the contact', () => {
    const anonymised = anonymisedItem(order, orderDeclaration, now);
    const { email: _email, contactId: _contact, gsi3pk: _gsi3pk, gsi3sk: _gsi3sk, ...kept } = order;
    expect(anonymised).toEqual({ ...kept, anonymisedAt: '2026-12-06T09:00:00.000Z' });
    expect(anonymised).toMatchObject(keys.order(ws, 'CONN1', '5938475629384'));
    expect(JSON.stringify(anonymised)).not.toContain('lena');
    expect(JSON.stringify(anonymised)).not.toContain(contactId);
  });

  it('is the same when done twice (a retried erasure)', () => {
    const once = anonymisedItem(order, orderDeclaration, now);
    expect(anonymisedItem(once, orderDeclaration, now)).toEqual(once);
  });

  it('reaches into maps with dotted paths and leaves what is absent alone', () => {
    const declaration = {
      ...declared('webhookDelivery'),
      attributes: ['customer.email', 'missing.path', 'lastError'],
    };
    expect(
      anonymisedItem(
        { pk: 'p', sk: 's', customer: { email: 'x@example.com', id: 7 }, topic: 't' },
        declaration,
        now,
      ),
    ).toEqual({ pk: 'p', sk: 's', customer: { id: 7 }, topic: 't', anonymisedAt: now.toISOString() });
    expect(webhookPersonalData[0].erasure).toBe('anonymise');
  });
});

describe('the contact an event is about', () => {
  it.each([
    ['contact.created', { contact: { id: contactId, email: 'x@example.com' } }, contactId],
    ['order.placed', { order: {}, contactId }, contactId],
    ['tag.added', { recordType: 'contact', recordId: contactId, tag: 'vip' }, contactId],
    ['tag.added', { recordType: 'company', recordId: contactId, tag: 'vip' }, undefined],
    ['company.deleted', { companyId: contactId }, undefined],
    // the one event about a person that still goes out after its erasure: ids only, filed under nobody
    ['contact.deleted', { contactId }, undefined],
  ])('%s %j is about %s', (type, data, expected) => {
    expect(personalSubjectOf(type, data)).toBe(expected);
  });
});
