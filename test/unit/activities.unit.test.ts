import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activitiesKeys } from '../../shared/activities/activities-keys';
import { ActivityEdit, ActivityInput } from '../../shared/activities/activity';
import { entryIdAt, entryIdFor } from '../../shared/activities/entry-id';
import { openWorkAttribute } from '../../shared/activities/open-work';
import { overviewOf } from '../../shared/activities/read-timeline';
import { renderMarkdown } from '../../shared/activities/render-markdown';
import { timelineEntryItem } from '../../shared/activities/timeline-item';
import { recordKeys } from '../../shared/records/record-keys';

describe('markdown of notes, rendered on the server', () => {
  it('escapes raw HTML: script tags and images with handlers arrive as text', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\nhi <img src=x onerror="alert(1)"> <b onclick=x>b</b>',
    );
    expect(html).not.toMatch(/<script|<img|<b /);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('makes no link or image of dangerous addresses, keeps safe links', () => {
    for (const link of [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](vbscript:msgbox(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '![x](javascript:alert(1))',
      '<javascript:alert(1)>',
    ]) {
      const html = renderMarkdown(link);
      // the text may still read "javascript:…"; it is no link and no image
      expect(html, link).not.toMatch(/<a|<img|href|src/i);
    }
    expect(renderMarkdown('[docs](https://example.com/a?b=1)')).toBe(
      '<p><a href="https://example.com/a?b=1">docs</a></p>',
    );
    expect(renderMarkdown('mail [me](mailto:a@example.com)')).toContain('href="mailto:a@example.com"');
  });

  it('renders the markdown people write in notes', () => {
    expect(renderMarkdown('**Ada** wants a _quote_\n\n- one\n- two')).toBe(
      '<p><strong>Ada</strong> wants a <em>quote</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
  });
});

describe('activity bodies', () => {
  it('take each type with its own fields, strictly', () => {
    expect(ActivityInput.safeParse({ type: 'note', body: ' hi ' }).data).toEqual({
      type: 'note',
      body: 'hi',
    });
    expect(ActivityInput.safeParse({ type: 'note', body: 'x', durationSeconds: 3 }).success).toBe(false);
    expect(
      ActivityInput.safeParse({ type: 'call', direction: 'inbound', outcome: 'busy', durationSeconds: 0 })
        .success,
    ).toBe(true);
    expect(
      ActivityInput.safeParse({ type: 'call', direction: 'inbound', outcome: 'busy', durationSeconds: -1 })
        .success,
    ).toBe(false);
    expect(
      ActivityInput.safeParse({ type: 'email', subject: 'Hi\nthere', direction: 'sent', body: 'x' }).success,
    ).toBe(false);
  });

  it('refuse a meeting that does not end after it starts, and times in the future or before 1970', () => {
    const meeting = { type: 'meeting', title: 'Kick-off', startsAt: '2026-01-01T10:00:00Z' };
    expect(ActivityInput.safeParse({ ...meeting, endsAt: '2026-01-01T11:00:00Z' }).success).toBe(true);
    const backwards = ActivityInput.safeParse({ ...meeting, endsAt: '2026-01-01T10:00:00Z' });
    expect(backwards.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['endsAt']);
    expect(ActivityEdit.safeParse({ ...meeting, endsAt: '2025-01-01T10:00:00Z' }).success).toBe(false);
    const tomorrowAndMore = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();
    expect(ActivityInput.safeParse({ type: 'note', body: 'x', occurredAt: tomorrowAndMore }).success).toBe(
      false,
    );
    expect(
      ActivityInput.safeParse({ type: 'note', body: 'x', occurredAt: '1969-12-31T23:59:59Z' }).success,
    ).toBe(false);
  });

  it('keep when it happened out of an edit: it is the entry place on the timeline', () => {
    expect(
      ActivityEdit.safeParse({ type: 'note', body: 'x', occurredAt: '2026-01-01T00:00:00Z' }).success,
    ).toBe(false);
  });
});

describe('entry ids', () => {
  it('carry when it happened, so a newer happening sorts first in the partition', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 46 }), fc.integer({ min: 1, max: 2 ** 30 }), (at, later) => {
        const older = timelineEntryItem('w', {
          id: entryIdAt(new Date(at + later).toISOString()),
          type: 'note',
          contactId: '01JAAAAAAAAAAAAAAAAAAAAAAA',
          occurredAt: '',
          recordedAt: '',
        });
        const newer = timelineEntryItem('w', {
          id: entryIdAt(new Date(at).toISOString()),
          type: 'note',
          contactId: '01JAAAAAAAAAAAAAAAAAAAAAAA',
          occurredAt: '',
          recordedAt: '',
        });
        // `older` happened later: it comes first
        expect(String(older.sk) < String(newer.sk)).toBe(true);
      }),
    );
  });

  it('of an order are the same each time they are made for it', () => {
    const orderId = '01JB0RDER0000000000000000Z';
    const entry = entryIdFor('2025-02-01T00:00:00.000Z', orderId);
    expect(entry).toBe(entryIdFor('2025-02-01T00:00:00.000Z', orderId));
    expect(entry.slice(10)).toBe(orderId.slice(10));
    expect(entry.slice(0, 10)).toBe(entryIdAt('2025-02-01T00:00:00.000Z').slice(0, 10));
  });
});

describe('the overview, from the items of its one Query', () => {
  const workspaceId = 'w';
  const contactId = '01JAAAAAAAAAAAAAAAAAAAAAAA';
  const contactItem = {
    ...recordKeys.record(workspaceId, 'CONTACT', contactId),
    entity: 'contact',
    id: contactId,
    firstName: 'Ada',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  const note = (minute: number) =>
    timelineEntryItem(workspaceId, {
      id: entryIdAt(new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString()),
      type: 'note',
      contactId,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
      recordedAt: '2026-01-01T00:00:00.000Z',
      authorId: 'm',
      version: 1,
      body: `Note ${minute}`,
      bodyHtml: `<p>Note ${minute}</p>`,
    });

  it('assembles the contact, its open work by kind and its newest entries (at most 20)', () => {
    const notes = Array.from({ length: 21 }, (_, minute) => note(minute)).sort((a, b) =>
      String(a.sk).localeCompare(String(b.sk)),
    );
    const openWork = {
      ...activitiesKeys.contactOpenWork(workspaceId, contactId),
      entity: 'openWork',
      [openWorkAttribute('task', 't2')]: {
        kind: 'task',
        id: 't2',
        title: 'Later',
        dueAt: '2026-03-01',
        updatedAt: 'x',
      },
      [openWorkAttribute('task', 't1')]: {
        kind: 'task',
        id: 't1',
        title: 'Sooner',
        dueAt: '2026-02-01',
        updatedAt: 'x',
      },
      [openWorkAttribute('ticket', 'k1')]: {
        kind: 'ticket',
        id: 'k1',
        title: 'Broken',
        status: 'open',
        updatedAt: 'x',
      },
      [openWorkAttribute('deal', 'd1')]: { kind: 'deal', id: 'd1', title: 'Big one', updatedAt: 'x' },
    };
    const overview = overviewOf([contactItem, openWork, ...notes]);
    expect(overview.contact).toMatchObject({ id: contactId, firstName: 'Ada', tags: [], customFields: {} });
    expect(overview.contact).not.toHaveProperty('pk');
    expect(overview.activities.map((entry) => (entry.type === 'note' ? entry.body : ''))).toEqual(
      Array.from({ length: 20 }, (_, at) => `Note ${20 - at}`),
    );
    expect(overview.openTasks.map((task) => task.id)).toEqual(['t1', 't2']);
    expect(overview.openTickets.map((ticket) => ticket.title)).toEqual(['Broken']);
    expect(overview.openDeals.map((deal) => deal.title)).toEqual(['Big one']);
  });

  it('has no open work without the item, and no contact is 404', () => {
    expect(overviewOf([contactItem])).toMatchObject({
      activities: [],
      openTasks: [],
      openTickets: [],
      openDeals: [],
    });
    expect(() => overviewOf([note(1)])).toThrow(
      expect.objectContaining({ statusCode: 404, code: 'contact.not_found' }),
    );
  });

  it('leaves out an entry of a type it does not know', () => {
    const unknown = { ...note(5), type: 'deal.won' };
    expect(overviewOf([contactItem, unknown, note(4)]).activities.map((entry) => entry.type)).toEqual([
      'note',
    ]);
  });
});
