import { describe, expect, inject, it } from 'vitest';
import { createContact } from '../../shared/contacts/create-contact';
import { getContact } from '../../shared/contacts/get-contact';
import { listContacts } from '../../shared/contacts/list-contacts';
import { newWorkspaceId } from '../support/api-client';
import { countingStore } from '../support/counting-store';

/** Counts the requests a real client sends to the test table's DynamoDB Local. */
const countingTestStore = () => countingStore(inject('dynamoDbEndpoint'), inject('tableName'));

describe('what a read costs', () => {
  it('reads one contact with exactly one GetItem, and a page of a list with one Query', async () => {
    const { store, sent } = countingTestStore();
    const workspaceId = newWorkspaceId();
    const contact = await createContact({ store, clock: () => new Date() }, workspaceId, {
      firstName: 'Ada',
      email: 'ada@example.com',
      tags: ['vip'],
    });

    sent.length = 0;
    expect(await getContact({ store }, workspaceId, contact.id)).toEqual(contact);
    expect(sent).toEqual(['GetItemCommand']);

    sent.length = 0;
    const page = await listContacts({ store }, workspaceId, { limit: 25, q: 'ad' });
    expect(page.items.map((item) => item.id)).toEqual([contact.id]);
    expect(sent).toEqual(['QueryCommand']);
  });

  it('answers an id that cannot exist without asking DynamoDB', async () => {
    const { store, sent } = countingTestStore();
    await expect(getContact({ store }, newWorkspaceId(), 'not-an-id')).rejects.toMatchObject({
      statusCode: 404,
    });
    expect(sent).toEqual([]);
  });
});
