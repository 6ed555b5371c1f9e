import { describe, expect, it } from 'vitest';
import { dueState, formatDuration, formatMinutes } from '../../web/src/tickets/ticket-format';

describe('ticket times on screen', () => {
  it('shows a duration in its two largest units', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(12 * 60 + 5)).toBe('12 min');
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe('3 h 5 min');
    expect(formatDuration(4 * 3600)).toBe('4 h');
    expect(formatDuration(2 * 86_400 + 4 * 3600 + 59)).toBe('2 d 4 h');
    expect(formatDuration(3 * 86_400)).toBe('3 d');
    expect(formatDuration(-5)).toBe('0 s');
  });

  it('shows SLA targets in minutes as people say them', () => {
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(4320)).toBe('3 d');
    expect(formatMinutes(90)).toBe('1 h 30 min');
  });

  it('says how much time is left, or how long a ticket is overdue', () => {
    const now = Date.parse('2026-12-06T14:00:00.000Z');
    expect(dueState('2026-12-06T18:30:00.000Z', now)).toEqual({ overdue: false, text: '4 h 30 min left' });
    expect(dueState('2026-12-06T14:00:00.000Z', now)).toEqual({ overdue: false, text: '0 s left' });
    expect(dueState('2026-12-05T12:00:00.000Z', now)).toEqual({ overdue: true, text: 'Overdue by 1 d 2 h' });
  });
});
