import { describe, expect, it } from 'vitest';
import { dueState, formatDue, isoFromLocalInput, localInputFromIso } from '../../web/src/tasks/task-format';

describe('how the web app shows a task’s due time', () => {
  const now = new Date(2026, 11, 6, 12, 0); // local noon

  it('says overdue for an open task past due, today for later today, and nothing for done or undated ones', () => {
    expect(dueState({ done: false, dueAt: new Date(2026, 11, 6, 11, 59).toISOString() }, now)).toBe(
      'overdue',
    );
    expect(dueState({ done: false, dueAt: new Date(2026, 11, 6, 23, 30).toISOString() }, now)).toBe('today');
    expect(dueState({ done: false, dueAt: new Date(2026, 11, 7, 0, 0).toISOString() }, now)).toBe('later');
    expect(dueState({ done: true, dueAt: new Date(2026, 11, 1).toISOString() }, now)).toBe('later');
    expect(dueState({ done: false }, now)).toBe('none');
  });

  it('writes today’s due times as "Today, <time>" and others with their date, in the user’s locale', () => {
    expect(formatDue(new Date(2026, 11, 6, 15, 30).toISOString(), now)).toMatch(/^Today, /);
    expect(formatDue(new Date(2026, 11, 24, 15, 30).toISOString(), now)).toContain('2026');
    expect(formatDue('not a time', now)).toBe('not a time');
  });

  it('turns the date-and-time input’s local wall time into an instant and back', () => {
    const iso = isoFromLocalInput('2026-12-24T15:30');
    expect(iso).toBe(new Date(2026, 11, 24, 15, 30).toISOString());
    expect(localInputFromIso(iso)).toBe('2026-12-24T15:30');
    expect(isoFromLocalInput('')).toBeUndefined();
    expect(isoFromLocalInput('someday')).toBeUndefined();
    expect(localInputFromIso(undefined)).toBe('');
  });
});
