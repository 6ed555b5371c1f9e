import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkOf } from '../../shared/activities/open-work';
import type { Board, Deal, DealHistoryEntry } from '../../shared/deals/deal';
import { clearDeletedCompany, reassignMemberDeals } from '../../shared/deals/deal-housekeeping';
import type { Pipeline } from '../../shared/deals/pipeline';
import type { OutboxEvent } from '../../shared/events/outbox';
import { GetCommand } from '../../shared/store/document-client';
import { keys } from '../../shared/store/keys';
import { type Api, apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { seedMember } from '../support/team-members';

/** Pipelines, deals and the board through the API, with what each write leaves in the table. */
const table = testTable();

async function outboxEventsOf(workspaceId: string, detailType: string) {
  const items = await table.itemsOf(workspaceId);
  return items
    .filter((item) => item.sk === 'OUTBOX')
    .flatMap((item) => item.events as OutboxEvent[])
    .filter((event) => event.detailType === detailType);
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

describe('pipelines', () => {
  let api: Api;
  let workspaceId: string;

  beforeAll(async () => {
    workspaceId = newWorkspaceId('pipelines');
    api = await apiAs(workspaceId);
    await seedMember(workspaceId);
  });

  it('gives a new workspace one default pipeline, once, however many ask at once', async () => {
    const lists = await Promise.all([1, 2, 3].map(() => api<{ items: Pipeline[] }>('GET', '/api/pipelines')));
    for (const list of lists) expect(list.status).toBe(200);
    const ids = new Set(lists.flatMap((list) => list.body.items.map((pipeline) => pipeline.id)));
    expect(ids.size).toBe(1);
    const [pipeline] = lists[0]?.body.items ?? [];
    expect(pipeline).toMatchObject({ name: 'Sales', isDefault: true, version: 1 });
    expect(pipeline?.stages.map((stage) => stage.probability)).toEqual([10, 25, 50, 75, 90]);
  });

  it('creates, reads, renames and reorders a pipeline, and deletes it while empty', async () => {
    const created = await api<Pipeline>('POST', '/api/pipelines', {
      name: 'Renewals',
      stages: [
        { name: 'Due', probability: 60 },
        { name: 'Quoted', probability: 80 },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.isDefault).toBe(false);
    const [due, quoted] = created.body.stages;
    const patched = await api<Pipeline>(
      'PATCH',
      `/api/pipelines/${created.body.id}`,
      {
        name: 'Renewals 2027',
        stages: [
          { id: quoted?.id, name: 'Quoted', probability: 85 },
          { id: due?.id, name: 'Due soon', probability: 60 },
          { name: 'Signed', probability: 95 },
        ],
      },
      ifMatch(1),
    );
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.stages.map((stage) => stage.name)).toEqual(['Quoted', 'Due soon', 'Signed']);
    expect(patched.body.version).toBe(2);
    const stale = await api('PATCH', `/api/pipelines/${created.body.id}`, { name: 'Again' }, ifMatch(1));
    expect(stale.status).toBe(409);
    const read = await api<Pipeline>('GET', `/api/pipelines/${created.body.id}`);
    expect(read.body).toEqual(patched.body);
    expect((await api('DELETE', `/api/pipelines/${created.body.id}`)).status).toBe(204);
    expect((await api('GET', `/api/pipelines/${created.body.id}`)).status).toBe(404);
  });

  it('refuses to delete the default pipeline', async () => {
    const list = await api<{ items: Pipeline[] }>('GET', '/api/pipelines');
    const reply = await api<{ error: { code: string } }>(
      'DELETE',
      `/api/pipelines/${list.body.items[0]?.id}`,
    );
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('pipeline.is_default');
  });
});

describe('deals', () => {
  let api: Api;
  let workspaceId: string;
  let me: string;
  let pipeline: Pipeline;
  let contactId: string;
  let otherContactId: string;
  let companyId: string;

  beforeAll(async () => {
    workspaceId = newWorkspaceId('deals');
    api = await apiAs(workspaceId);
    me = await seedMember(workspaceId);
    pipeline = (await api<{ items: Pipeline[] }>('GET', '/api/pipelines')).body.items[0] as Pipeline;
    companyId = (await api<{ id: string }>('POST', '/api/companies', { name: 'Kaffeerösterei Nord' })).body
      .id;
    contactId = (
      await api<{ id: string }>('POST', '/api/contacts', {
        firstName: 'Ada',
        email: 'ada@example.com',
        companyId,
      })
    ).body.id;
    otherContactId = (
      await api<{ id: string }>('POST', '/api/contacts', { firstName: 'Bo', email: 'bo@example.com' })
    ).body.id;
  });

  const stage = (at: number) => pipeline.stages[at]?.id as string;

  it('creates a deal in the first stage of the default pipeline, owned by the caller', async () => {
    const created = await api<Deal>('POST', '/api/deals', {
      name: 'Espresso machines',
      amount: '1250.50',
      currency: 'EUR',
      expectedCloseDate: '2027-03-31',
      primaryContactId: contactId,
      contactIds: [otherContactId],
      companyId,
      tags: ['Big'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      pipelineId: pipeline.id,
      stageId: stage(0),
      status: 'open',
      ownerId: me,
      amount: '1250.50',
      contactIds: [otherContactId],
      tags: ['big'],
      version: 1,
    });
    const read = await api<Deal>('GET', `/api/deals/${created.body.id}`);
    expect(read.body).toEqual(created.body);
    const [event] = await outboxEventsOf(workspaceId, 'deal.created');
    expect(event?.detail).toMatchObject({
      deal: { id: created.body.id, amount: '1250.50' },
      contactId,
      actorId: me,
    });
  });

  it('keeps amounts exact decimals: no float ever rounds a sum', async () => {
    const board = await api<Board>('GET', `/api/pipelines/${pipeline.id}/board`);
    expect(board.status).toBe(200);
    const first = board.body.columns[0];
    expect(first?.totals).toEqual({
      count: 1,
      sums: [{ currency: 'EUR', amount: '1250.50', weighted: '125.05' }],
    });
    expect(first?.cards.map((card) => card.name)).toEqual(['Espresso machines']);
    const second = await api<Deal>('POST', '/api/deals', {
      name: 'Grinders',
      amount: '0.1',
      currency: 'EUR',
    });
    const third = await api<Deal>('POST', '/api/deals', { name: 'Filters', amount: '0.2', currency: 'EUR' });
    expect([second.status, third.status]).toEqual([201, 201]);
    const after = await api<Board>('GET', `/api/pipelines/${pipeline.id}/board`);
    expect(after.body.columns[0]?.totals.sums).toEqual([
      { currency: 'EUR', amount: '1250.80', weighted: '125.08' },
    ]);
    expect(after.body.columns[0]?.cards.map((card) => card.name)).toEqual([
      'Espresso machines',
      'Grinders',
      'Filters',
    ]);
  });

  it('moves a deal between stages with its history, counters, timeline and events', async () => {
    const list = await api<{ items: Deal[] }>('GET', `/api/deals?contactId=${contactId}`);
    const deal = list.body.items[0] as Deal;
    const moved = await api<Deal>(
      'PATCH',
      `/api/deals/${deal.id}`,
      { stageId: stage(2) },
      ifMatch(deal.version),
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ stageId: stage(2), version: 2 });
    const history = await api<{ items: DealHistoryEntry[] }>('GET', `/api/deals/${deal.id}/history`);
    expect(history.body.items.map((entry) => entry.kind)).toEqual(['created', 'stage']);
    expect(history.body.items[1]).toMatchObject({ fromStageId: stage(0), toStageId: stage(2), by: me });
    expect(history.body.items[1]?.timeInStageMs).toBeGreaterThanOrEqual(0);
    const board = await api<Board>('GET', `/api/pipelines/${pipeline.id}/board`);
    expect(board.body.columns[0]?.totals.count).toBe(2);
    expect(board.body.columns[2]?.totals).toEqual({
      count: 1,
      sums: [{ currency: 'EUR', amount: '1250.50', weighted: '625.25' }],
    });
    const [changed] = await outboxEventsOf(workspaceId, 'deal.stage_changed');
    expect(changed?.detail).toMatchObject({ fromStageId: stage(0), toStageId: stage(2), contactId });
    const timeline = await api<{ items: { type: string }[] }>('GET', `/api/contacts/${contactId}/activities`);
    expect(timeline.body.items.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['deal.created', 'deal.stage_changed']),
    );
    const companyTimeline = await api<{ items: { type: string }[] }>(
      'GET',
      `/api/companies/${companyId}/activities`,
    );
    expect(companyTimeline.body.items.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['deal.created', 'deal.stage_changed']),
    );
    const overview = await api<{ openDeals: { id: string; status?: string }[] }>(
      'GET',
      `/api/contacts/${contactId}/overview`,
    );
    expect(overview.body.openDeals).toEqual([
      expect.objectContaining({ id: deal.id, status: pipeline.stages[2]?.name }),
    ]);
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.tableName,
        Key: keys.contactOpenWork(workspaceId, otherContactId),
        ConsistentRead: true,
      }),
    );
    expect(openWorkOf(Item).deal).toEqual([
      expect.objectContaining({
        id: deal.id,
        title: 'Espresso machines',
        status: pipeline.stages[2]?.name,
        dueAt: '2027-03-31',
      }),
    ]);
    const stale = await api<{ error: { code: string } }>(
      'PATCH',
      `/api/deals/${deal.id}`,
      { stageId: stage(1) },
      ifMatch(1),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('deal.version_conflict');
  });

  it('loses a deal only for a reason of the list, wins and reopens it', async () => {
    const deal = (await api<{ items: Deal[] }>('GET', `/api/deals?contactId=${contactId}`)).body
      .items[0] as Deal;
    const unknown = await api<{ error: { code: string } }>(
      'PATCH',
      `/api/deals/${deal.id}`,
      { status: 'lost', lostReason: 'Bad weather' },
      ifMatch(deal.version),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('deal.unknown_lost_reason');
    const lost = await api<Deal>(
      'PATCH',
      `/api/deals/${deal.id}`,
      { status: 'lost', lostReason: 'Price' },
      ifMatch(deal.version),
    );
    expect(lost.status, JSON.stringify(lost.body)).toBe(200);
    expect(lost.body).toMatchObject({ status: 'lost', lostReason: 'Price', closedAt: expect.any(String) });
    const reopened = await api<Deal>(
      'PATCH',
      `/api/deals/${deal.id}`,
      { status: 'open' },
      ifMatch(lost.body.version),
    );
    expect(reopened.body).toMatchObject({ status: 'open', stageId: stage(2) });
    expect(reopened.body).not.toHaveProperty('lostReason');
    const won = await api<Deal>(
      'PATCH',
      `/api/deals/${deal.id}`,
      { status: 'won' },
      ifMatch(reopened.body.version),
    );
    expect(won.body.status).toBe('won');
    const history = await api<{ items: DealHistoryEntry[] }>('GET', `/api/deals/${deal.id}/history`);
    expect(history.body.items.map((entry) => entry.kind)).toEqual([
      'created',
      'stage',
      'lost',
      'reopened',
      'won',
    ]);
    const board = await api<Board>('GET', `/api/pipelines/${pipeline.id}/board`);
    expect(board.body.columns[2]?.totals).toEqual({ count: 0, sums: [] });
    const won2 = await api<{ items: Deal[] }>('GET', '/api/deals?status=won');
    expect(won2.body.items.map((item) => item.id)).toEqual([deal.id]);
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.tableName,
        Key: keys.contactOpenWork(workspaceId, contactId),
        ConsistentRead: true,
      }),
    );
    expect(openWorkOf(Item).deal).toEqual([]);
  });

  it('keeps amount and close-date changes in the history', async () => {
    const created = await api<Deal>('POST', '/api/deals', { name: 'Cups', amount: '10', currency: 'USD' });
    const changed = await api<Deal>(
      'PATCH',
      `/api/deals/${created.body.id}`,
      { amount: '12.5', expectedCloseDate: '2027-01-15' },
      ifMatch(1),
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const tooPrecise = await api<{ error: { fields: Record<string, string> } }>(
      'PATCH',
      `/api/deals/${created.body.id}`,
      { amount: '1.555' },
      ifMatch(2),
    );
    expect(tooPrecise.status).toBe(400);
    expect(Object.keys(tooPrecise.body.error.fields)).toEqual(['amount']);
    const history = await api<{ items: DealHistoryEntry[] }>('GET', `/api/deals/${created.body.id}/history`);
    expect(history.body.items.slice(1)).toEqual([
      expect.objectContaining({ kind: 'amount', from: '10 USD', to: '12.5 USD' }),
      expect.objectContaining({ kind: 'closeDate', to: '2027-01-15' }),
    ]);
    const [updated] = await outboxEventsOf(workspaceId, 'deal.updated');
    expect(updated?.detail).toMatchObject({ changedFields: ['amount', 'expectedCloseDate'] });
  });

  it('deletes a deal with its history and takes it off the counters', async () => {
    const created = await api<Deal>('POST', '/api/deals', {
      name: 'Tampers',
      amount: '99',
      currency: 'EUR',
      stageId: stage(3),
    });
    expect((await api('DELETE', `/api/deals/${created.body.id}`)).status).toBe(204);
    expect((await api('GET', `/api/deals/${created.body.id}`)).status).toBe(404);
    const board = await api<Board>('GET', `/api/pipelines/${pipeline.id}/board`);
    expect(board.body.columns[3]?.totals.count).toBe(0);
    const items = await table.itemsOf(workspaceId);
    expect(items.filter((item) => String(item.pk).includes(created.body.id))).toEqual([]);
  });
});

describe('deals everywhere they belong', () => {
  let api: Api;
  let workspaceId: string;
  let me: string;
  let colleague: string;
  let companyId: string;
  let contactId: string;
  const store = { client: table.client, tableName: table.tableName };
  const deps = { store, clock: () => new Date() };

  beforeAll(async () => {
    workspaceId = newWorkspaceId('deals-around');
    api = await apiAs(workspaceId);
    me = await seedMember(workspaceId);
    colleague = await seedMember(workspaceId, { email: 'grace@example.com', roles: ['sales'] });
    companyId = (await api<{ id: string }>('POST', '/api/companies', { name: 'Rösterei Süd' })).body.id;
    contactId = (
      await api<{ id: string }>('POST', '/api/contacts', { firstName: 'Cem', email: 'cem@example.com' })
    ).body.id;
  });

  it("lists an owner's, a company's and a contact's deals, and finds deals by name", async () => {
    const mine = await api<Deal>('POST', '/api/deals', {
      name: 'Roaster service',
      currency: 'EUR',
      companyId,
    });
    const theirs = await api<Deal>('POST', '/api/deals', {
      name: 'Cold brew kegs',
      currency: 'EUR',
      ownerId: colleague,
      primaryContactId: contactId,
    });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    const byOwner = await api<{ items: Deal[] }>('GET', `/api/deals?ownerId=${colleague}`);
    expect(byOwner.body.items.map((deal) => deal.id)).toEqual([theirs.body.id]);
    const byCompany = await api<{ items: Deal[] }>('GET', `/api/deals?companyId=${companyId}`);
    expect(byCompany.body.items.map((deal) => deal.id)).toEqual([mine.body.id]);
    const byContact = await api<{ items: Deal[] }>('GET', `/api/deals?contactId=${contactId}`);
    expect(byContact.body.items).toEqual([theirs.body]);
    const byName = await api<{ items: Deal[] }>('GET', '/api/deals?q=brew');
    expect(byName.body.items.map((deal) => deal.id)).toEqual([theirs.body.id]);
    const twoFilters = await api('GET', `/api/deals?ownerId=${me}&companyId=${companyId}`);
    expect(twoFilters.status).toBe(400);
  });

  it("narrows the board's cards by owner and tag, not its totals", async () => {
    const [pipeline] = (await api<{ items: Pipeline[] }>('GET', '/api/pipelines')).body.items;
    const tagged = await api<Deal>('POST', '/api/deals', {
      name: 'Tagged',
      currency: 'EUR',
      amount: '3',
      tags: ['fair'],
    });
    expect(tagged.status).toBe(201);
    const byTag = await api<Board>('GET', `/api/pipelines/${pipeline?.id}/board?tag=fair`);
    expect(byTag.body.columns[0]?.cards.map((card) => card.name)).toEqual(['Tagged']);
    expect(byTag.body.columns[0]?.totals.count).toBeGreaterThan(1);
    const byOwner = await api<Board>('GET', `/api/pipelines/${pipeline?.id}/board?ownerId=${colleague}`);
    expect(byOwner.body.columns[0]?.cards.map((card) => card.name)).toEqual(['Cold brew kegs']);
    const pagedWithoutStage = await api('GET', `/api/pipelines/${pipeline?.id}/board?cursor=abc`);
    expect(pagedWithoutStage.status).toBe(400);
  });

  it('takes only an active member as owner, and contacts and companies of the workspace', async () => {
    const stranger = await api<{ error: { fields: Record<string, string> } }>('POST', '/api/deals', {
      name: 'Nobody’s',
      currency: 'EUR',
      ownerId: 'not-a-member',
    });
    expect(stranger.status).toBe(400);
    expect(Object.keys(stranger.body.error.fields)).toEqual(['ownerId']);
    const missing = await api<{ error: { fields: Record<string, string> } }>('POST', '/api/deals', {
      name: 'Ghost',
      currency: 'EUR',
      contactIds: ['01J9ZK3T5Q8W6N4M2P0R7S9V1X'],
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields)).toEqual(['contactIds']);
  });

  it('validates and keeps custom fields defined for deals', async () => {
    const field = await api('POST', '/api/settings/fields', {
      entity: 'deal',
      key: 'source',
      label: 'Source',
      type: 'select',
      options: ['fair', 'web'],
    });
    expect(field.status, JSON.stringify(field.body)).toBe(201);
    const created = await api<Deal>('POST', '/api/deals', {
      name: 'Fair lead',
      currency: 'EUR',
      customFields: { source: 'fair' },
    });
    expect(created.body.customFields).toEqual({ source: 'fair' });
    const wrong = await api(
      'PATCH',
      `/api/deals/${created.body.id}`,
      { customFields: { source: 'tv' } },
      ifMatch(1),
    );
    expect(wrong.status).toBe(400);
    const unknown = await api('POST', '/api/deals', {
      name: 'X',
      currency: 'EUR',
      customFields: { nope: 'x' },
    });
    expect(unknown.status).toBe(400);
    const cleared = await api<Deal>(
      'PATCH',
      `/api/deals/${created.body.id}`,
      { customFields: { source: null } },
      ifMatch(1),
    );
    expect(cleared.body).not.toHaveProperty('customFields');
  });

  it('has tasks about a deal, which must exist', async () => {
    const deal = await api<Deal>('POST', '/api/deals', { name: 'Task target', currency: 'EUR' });
    const task = await api('POST', '/api/tasks', {
      title: 'Send the quote',
      related: { kind: 'deal', id: deal.body.id },
    });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    const tasks = await api<{ items: { title: string }[] }>('GET', `/api/tasks?dealId=${deal.body.id}`);
    expect(tasks.body.items.map((item) => item.title)).toEqual(['Send the quote']);
    const none = await api<{ error: { fields: Record<string, string> } }>('POST', '/api/tasks', {
      title: 'Orphan',
      related: { kind: 'deal', id: '01J9ZK3T5Q8W6N4M2P0R7S9V1X' },
    });
    expect(none.status).toBe(400);
    expect(Object.keys(none.body.error.fields)).toEqual(['related.id']);
  });

  it("keeps the admin's lost reasons, and moves a deal to another pipeline", async () => {
    const put = await api<{ reasons: string[]; version: number }>('PUT', '/api/settings/deal-lost-reasons', {
      reasons: ['Too early', 'Price'],
    });
    expect(put.status).toBe(201);
    expect((await api('GET', '/api/settings/deal-lost-reasons')).body).toEqual({
      reasons: ['Too early', 'Price'],
      version: 1,
    });
    const stale = await api('PUT', '/api/settings/deal-lost-reasons', { reasons: ['Other'] }, ifMatch(0));
    expect(stale.status).toBe(409);
    const deal = await api<Deal>('POST', '/api/deals', { name: 'Too soon', currency: 'EUR', amount: '5' });
    const lost = await api<Deal>(
      'PATCH',
      `/api/deals/${deal.body.id}`,
      { status: 'lost', lostReason: 'Too early' },
      ifMatch(1),
    );
    expect(lost.body.lostReason).toBe('Too early');
    const other = await api<Pipeline>('POST', '/api/pipelines', {
      name: 'Partners',
      stages: [
        { name: 'Intro', probability: 20 },
        { name: 'Pilot', probability: 60 },
      ],
    });
    const moving = await api<Deal>('POST', '/api/deals', { name: 'Mover', currency: 'EUR', amount: '100' });
    const moved = await api<Deal>(
      'PATCH',
      `/api/deals/${moving.body.id}`,
      { pipelineId: other.body.id },
      ifMatch(1),
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ pipelineId: other.body.id, stageId: other.body.stages[0]?.id });
    const board = await api<Board>('GET', `/api/pipelines/${other.body.id}/board`);
    expect(board.body.columns[0]?.totals).toEqual({
      count: 1,
      sums: [{ currency: 'EUR', amount: '100.00', weighted: '20.00' }],
    });
    const busy = await api<{ error: { code: string } }>('DELETE', `/api/pipelines/${other.body.id}`);
    expect(busy.body.error.code).toBe('pipeline.not_empty');
  });

  it("hands a deactivated member's deals over, and keeps a deleted company's deals without it", async () => {
    const owned = await Promise.all(
      [1, 2].map((at) =>
        api<Deal>('POST', '/api/deals', {
          name: `Grace ${at}`,
          currency: 'EUR',
          ownerId: colleague,
          companyId,
        }),
      ),
    );
    const change = { memberId: colleague, reassignTo: me, deactivatedBy: me };
    // Cold brew kegs (first test) and these two
    expect(await reassignMemberDeals(deps, workspaceId, change)).toBe(3);
    expect(await reassignMemberDeals(deps, workspaceId, change)).toBe(0);
    for (const deal of owned)
      expect((await api<Deal>('GET', `/api/deals/${deal.body.id}`)).body.ownerId).toBe(me);
    expect((await api<{ items: Deal[] }>('GET', `/api/deals?ownerId=${colleague}`)).body.items).toEqual([]);
    expect((await api('DELETE', `/api/companies/${companyId}`)).status).toBe(204);
    expect(await clearDeletedCompany(deps, workspaceId, companyId)).toBe(3);
    for (const deal of owned) {
      const now = await api<Deal>('GET', `/api/deals/${deal.body.id}`);
      expect(now.body).not.toHaveProperty('companyId');
      expect(now.body.version).toBe(3);
    }
    const updates = (await outboxEventsOf(workspaceId, 'deal.updated')).map(
      (event) => event.detail.changedFields,
    );
    expect(updates).toEqual(expect.arrayContaining([['ownerId'], ['companyId']]));
  });
});
