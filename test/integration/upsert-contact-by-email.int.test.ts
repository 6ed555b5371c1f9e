import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { listContacts } from '../../shared/contacts/list-contacts';
import { upsertContactByEmail } from '../../shared/contacts/upsert-contact-by-email';
import { documentClientOf } from '../../shared/store/document-client';
import { newWorkspaceId } from '../support/api-client';

const deps = {
  store: {
    client: documentClientOf(
      new DynamoDBClient({
        endpoint: inject('dynamoDbEndpoint'),
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    ),
    tableName: inject('tableName'),
  },
  clock: () => new Date(),
};

describe('upsert a contact by email (webhooks and forms)', () => {
  it('creates the contact once, then fills only its empty fields and adds tags', async () => {
    const workspaceId = newWorkspaceId();
    const first = await upsertContactByEmail(deps, workspaceId, {
      email: 'ada@example.com',
      firstName: 'Ada',
      tags: ['shop'],
    });
    expect(first.created).toBe(true);

    const second = await upsertContactByEmail(deps, workspaceId, {
      email: 'ada@example.com',
      firstName: 'Augusta',
      lastName: 'Lovelace',
      tags: ['newsletter'],
    });
    expect(second.created).toBe(false);
    expect(second.contact).toMatchObject({
      id: first.contact.id,
      firstName: 'Ada',
      lastName: 'Lovelace',
      tags: ['shop', 'newsletter'],
    });

    const unchanged = await upsertContactByEmail(deps, workspaceId, {
      email: 'ada@example.com',
      firstName: 'Ada',
    });
    expect(unchanged.contact.version).toBe(second.contact.version);
  });

  it('ends on one contact when many deliveries for the same new email arrive at once', async () => {
    const workspaceId = newWorkspaceId();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, at) =>
        upsertContactByEmail(deps, workspaceId, { email: 'burst@example.com', tags: [`order-${at}`] }),
      ),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.contact.id)).size).toBe(1);
    const page = await listContacts(deps, workspaceId, { limit: 25 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.tags.sort()).toEqual(Array.from({ length: 8 }, (_, at) => `order-${at}`).sort());
  });
});
