import { describe, expect, it } from 'vitest';
import { ActivityEdit, ActivityInput } from '../../shared/activities/activity';
import {
  activityBodyOf,
  emptyActivityValues,
  isoOf,
  localInputOf,
  valuesOfActivity,
} from '../../web/src/activities/activity-form-values';

const meta = {
  id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
  contactId: '01JAAAAAAAAAAAAAAAAAAAAAAB',
  occurredAt: '2026-11-01T09:00:00.000Z',
  recordedAt: '2026-11-01T09:00:00.000Z',
  authorId: 'm',
  version: 1,
};

describe("the composer's values", () => {
  it('send only the fields of the chosen type, and now when no time is given', () => {
    const values = { ...emptyActivityValues('note'), body: 'Hi', subject: 'left over', minutes: '3' };
    expect(activityBodyOf(values)).toEqual({ type: 'note', body: 'Hi' });
    const call = { ...emptyActivityValues('call'), minutes: '2.5', notes: ' ', outcome: 'busy' as const };
    expect(activityBodyOf(call)).toEqual({
      type: 'call',
      direction: 'outbound',
      outcome: 'busy',
      durationSeconds: 150,
    });
    expect(ActivityInput.safeParse(activityBodyOf(call)).success).toBe(true);
  });

  it('turn a meeting into its times and attendees, keeping the members and contacts it had', () => {
    const meeting = {
      ...emptyActivityValues('meeting'),
      title: 'Kick-off',
      startsAt: '2026-11-20T10:00',
      endsAt: '2026-11-20T11:00',
      attendeeEmails: 'a@example.com, b@example.com;c@example.com',
      pickedAttendees: [{ kind: 'member' as const, memberId: 'm1' }],
    };
    const body = activityBodyOf(meeting, true);
    expect(body).toMatchObject({
      type: 'meeting',
      startsAt: isoOf('2026-11-20T10:00'),
      attendees: [
        { kind: 'member', memberId: 'm1' },
        { kind: 'email', email: 'a@example.com' },
        { kind: 'email', email: 'b@example.com' },
        { kind: 'email', email: 'c@example.com' },
      ],
    });
    expect(ActivityEdit.safeParse(body).success).toBe(true);
  });

  it('leave when it happened out of an edit, and read a logged activity back', () => {
    const note = { ...emptyActivityValues('note'), body: 'x', occurredAt: '2026-11-01T09:00' };
    expect(activityBodyOf(note, true)).toEqual({ type: 'note', body: 'x' });
    expect(activityBodyOf(note)).toEqual({ type: 'note', body: 'x', occurredAt: isoOf('2026-11-01T09:00') });
    const call = valuesOfActivity({
      ...meta,
      type: 'call',
      direction: 'inbound',
      outcome: 'voicemail',
      durationSeconds: 90,
      notes: 'n',
      notesHtml: '<p>n</p>',
    });
    expect(call).toMatchObject({
      type: 'call',
      callDirection: 'inbound',
      outcome: 'voicemail',
      minutes: '1.5',
      notes: 'n',
    });
    expect(activityBodyOf(call, true)).toEqual({
      type: 'call',
      direction: 'inbound',
      outcome: 'voicemail',
      durationSeconds: 90,
      notes: 'n',
    });
  });

  it('round-trip a local date and time through ISO', () => {
    expect(localInputOf(isoOf('2026-03-05T07:09'))).toBe('2026-03-05T07:09');
    expect(localInputOf(undefined)).toBe('');
    expect(isoOf('not a time')).toBe('not a time');
  });
});
