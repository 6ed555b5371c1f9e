import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud';
import type { Activity } from '../../shared/activities/activity';
import { eventBusFromEnv } from '../../shared/events/event-publisher';
import { newWorkspaceId } from '../support/api-client';
import { localCloudClient } from '../support/local-cloud-client';

/**
 * Activities' background work in a local cloud of its own, wired from the registry as in AWS: company.deleted
 * from the outbox reaches DeleteCompanyTimeline, which deletes the company's own timeline and its revisions.
 */
let cloud: LocalCloud;
let client: ReturnType<typeof localCloudClient>;
const workspaceId = newWorkspaceId('activities-bg');

beforeAll(async () => {
  cloud = await startLocalCloud({
    port: 0,
    inMemory: true,
    quiet: true,
    tableName: 'seed-crm-activities-bg-test',
  });
  client = localCloudClient(cloud);
});
afterAll(async () => {
  await cloud?.stop();
});

describe('a deleted company', () => {
  it("loses its own timeline entries and their revisions once company.deleted is delivered, however often; its contacts' entries stay", async () => {
    const api = await client.apiAs(workspaceId);
    const company = (await api<{ id: string }>('POST', '/api/companies', { name: 'Short-lived GmbH' })).body;
    const ada = (
      await api<{ id: string }>('POST', '/api/contacts', { firstName: 'Ada', companyId: company.id })
    ).body;
    await client.drained();
    const contactNote = await api<Activity>('POST', `/api/contacts/${ada.id}/activities`, {
      type: 'note',
      body: 'Ada likes espresso',
    });
    expect(contactNote.status, JSON.stringify(contactNote.body)).toBe(201);
    const notes: Activity[] = [];
    for (const body of ['Kick-off', 'Renewal']) {
      const note = await api<Activity>('POST', `/api/companies/${company.id}/activities`, {
        type: 'note',
        body,
      });
      expect(note.status, JSON.stringify(note.body)).toBe(201);
      notes.push(note.body);
    }
    const edited = await api(
      'PATCH',
      `/api/companies/${company.id}/activities/${notes[0]?.id}`,
      { type: 'note', body: 'Kick-off in March' },
      { 'if-match': '"1"' },
    );
    expect(edited.status).toBe(200);
    await client.drained();
    const ofCompany = async () =>
      (await client.itemsOf(workspaceId)).filter((item) => String(item.pk).includes(company.id));
    expect((await ofCompany()).map((item) => item.entity).sort()).toEqual(
      ['activityRevision', 'company', 'timelineEntry', 'timelineEntry'].sort(),
    );

    expect((await api('DELETE', `/api/companies/${company.id}`)).status).toBe(204);
    await client.drained();
    expect(await ofCompany()).toEqual([]);
    const deliveries = cloud.eventBus
      .published()
      .filter((entry) => entry.event['detail-type'] === 'company.deleted');
    expect(deliveries.map((entry) => entry.matchedRules)).toEqual([
      expect.arrayContaining(['DeleteCompanyTimelineRule']),
    ]);

    // delivered again (as a new event, so the dedupe does not stop it): nothing left to delete, no failure
    const bus = eventBusFromEnv({ ...process.env, EVENTBRIDGE_ENDPOINT: cloud.eventBridgeEndpoint });
    await bus.client.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: 'crm',
            DetailType: 'company.deleted',
            Detail: JSON.stringify({
              eventId: '01J9ZK3T5Q8W6N4M2P0R7S9V1Y',
              eventVersion: 1,
              workspaceId,
              occurredAt: new Date().toISOString(),
              companyId: company.id,
            }),
            EventBusName: bus.busName,
          },
        ],
      }),
    );
    await client.drained();
    expect(await ofCompany()).toEqual([]);
    expect(cloud.eventBus.deadLetters()).toEqual([]);

    // the contact's own entry stays with the contact
    const timeline = await api<{ items: { id: string }[] }>('GET', `/api/contacts/${ada.id}/activities`);
    expect(timeline.body.items.map((entry) => entry.id)).toContain(contactNote.body.id);
  });
});
