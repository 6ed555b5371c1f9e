import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud';
import { ContactCreated } from '../../shared/contacts/contact-events';
import { createContact } from '../../shared/contacts/create-contact';
import { crmEventSource } from '../../shared/events/domain-event';
import { createDocumentClient } from '../../shared/platform/aws-clients';
import { runWithContext } from '../../shared/platform/invocation-context';

/**
 * The whole path of a domain event in the local cloud: API write -> outbox item in the same transaction ->
 * table stream -> the manifest's stream function -> PutEvents on the local EventBridge.
 * This file runs its own local cloud so it can look at the bus.
 */
let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, tableName: 'seed-crm-events-test' });
});
afterAll(async () => {
  await cloud?.stop();
});

async function drained(): Promise<void> {
  for (const poller of cloud.streamPollers) await poller.drain();
  await cloud.eventBus.settled();
}

describe('domain events reach EventBridge', () => {
  it('publishes contact.created and tag.added once each, with the workspace, after a contact is created', async () => {
    const { token } = (await (
      await fetch(`${cloud.url}/api/local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspaceId: 'events', email: 'ann@example.com', roles: ['admin'] }),
      })
    ).json()) as { token: string };
    const response = await fetch(`${cloud.url}/api/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Ada', email: 'ada@example.com', tags: ['vip'] }),
    });
    expect(response.status).toBe(201);
    const contact = (await response.json()) as { id: string };

    await drained();
    const crmEvents = cloud.eventBus
      .published()
      .filter((published) => published.event.source === crmEventSource);
    expect(crmEvents.map((published) => published.event['detail-type']).sort()).toEqual([
      'contact.created',
      'tag.added',
    ]);
    const created = crmEvents.find((published) => published.event['detail-type'] === 'contact.created');
    expect(ContactCreated.detail.parse(created?.event.detail)).toMatchObject({
      workspaceId: 'events',
      contact: { id: contact.id, email: 'ada@example.com' },
    });

    // nothing more arrives later: each event is published once
    await drained();
    expect(
      cloud.eventBus.published().filter((published) => published.event.source === crmEventSource),
    ).toHaveLength(2);
  });

  it('keeps the correlation id of the request that wrote an event in the event it publishes', async () => {
    const store = {
      client: createDocumentClient({ ...process.env, DYNAMODB_ENDPOINT: cloud.dynamoDbEndpoint }),
      tableName: cloud.tableName,
    };
    const contact = await runWithContext({ correlationId: 'corr-from-request', functionName: 'Test' }, () =>
      createContact({ store, clock: () => new Date() }, 'events-corr', {
        firstName: 'Grace',
        email: 'g@example.com',
      }),
    );
    await drained();
    const published = cloud.eventBus
      .published()
      .find(
        (entry) =>
          entry.event['detail-type'] === 'contact.created' &&
          (entry.event.detail as { contact?: { id?: string } }).contact?.id === contact.id,
      );
    expect(ContactCreated.detail.parse(published?.event.detail)).toMatchObject({
      workspaceId: 'events-corr',
      correlationId: 'corr-from-request',
    });
  });
});
