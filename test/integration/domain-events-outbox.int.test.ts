import { describe, expect, it } from 'vitest';
import { ContactCreated, ContactDeleted, ContactUpdated } from '../../shared/contacts/contact-events';
import type { OutboxEvent } from '../../shared/events/outbox';
import { TagAdded, TagRemoved } from '../../shared/records/tag-events';
import { apiAs, newWorkspaceId, testTable } from '../support/api-client';

async function outboxEventsOf(workspaceId: string): Promise<OutboxEvent[]> {
  const items = await testTable().itemsOf(workspaceId);
  return items.filter((item) => item.sk === 'OUTBOX').flatMap((item) => item.events as OutboxEvent[]);
}

describe('domain events are recorded in the same transaction as the change (outbox)', () => {
  it('records contact.created with tag.added, then contact.updated with the changed fields, then contact.deleted', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    const created = await api<{ id: string }>('POST', '/api/contacts', {
      firstName: 'Ada',
      email: 'ada@example.com',
      tags: ['vip'],
    });
    expect(created.status).toBe(201);

    let events = await outboxEventsOf(workspaceId);
    expect(events.map((event) => event.detailType).sort()).toEqual(['contact.created', 'tag.added']);
    const createdEvent = events.find((event) => event.detailType === 'contact.created');
    const detail = ContactCreated.detail.parse(createdEvent?.detail);
    expect(detail).toMatchObject({
      workspaceId,
      eventVersion: 1,
      contact: { id: created.body.id, email: 'ada@example.com' },
    });
    expect(
      TagAdded.detail.parse(events.find((event) => event.detailType === 'tag.added')?.detail),
    ).toMatchObject({
      recordType: 'contact',
      recordId: created.body.id,
      tag: 'vip',
    });

    const updated = await api(
      'PATCH',
      `/api/contacts/${created.body.id}`,
      { lastName: 'Lovelace', tags: ['founder'] },
      { 'if-match': '"1"' },
    );
    expect(updated.status).toBe(200);
    events = await outboxEventsOf(workspaceId);
    const update = ContactUpdated.detail.parse(
      events.find((event) => event.detailType === 'contact.updated')?.detail,
    );
    expect(update.changedFields).toEqual(['lastName', 'tags']);
    expect(
      events
        .filter((event) => event.detailType === 'tag.removed')
        .map((event) => TagRemoved.detail.parse(event.detail).tag),
    ).toEqual(['vip']);

    expect((await api('DELETE', `/api/contacts/${created.body.id}`)).status).toBe(204);
    events = await outboxEventsOf(workspaceId);
    const deleted = events.find((event) => event.detailType === 'contact.deleted');
    expect(ContactDeleted.detail.parse(deleted?.detail).contactId).toBe(created.body.id);
    expect(new Set(events.map((event) => event.detail.eventId)).size).toBe(events.length);
  });

  it('records nothing when the change is refused', async () => {
    const workspaceId = newWorkspaceId();
    const api = await apiAs(workspaceId);
    expect((await api('POST', '/api/contacts', { firstName: 'Ada', email: 'ada@example.com' })).status).toBe(
      201,
    );
    const before = await outboxEventsOf(workspaceId);
    expect((await api('POST', '/api/contacts', { firstName: 'Copy', email: 'ADA@example.com' })).status).toBe(
      409,
    );
    expect(
      (await api('POST', '/api/contacts', { firstName: 'Bad', companyId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }))
        .status,
    ).toBe(400);
    expect(await outboxEventsOf(workspaceId)).toEqual(before);
  });
});
