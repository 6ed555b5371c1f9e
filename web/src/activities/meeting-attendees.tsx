import { Anchor, Pill, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { Attendee } from '../../../shared/activities/activity';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import { ContactPicker } from '../contacts/contact-picker';
import { contactQuery } from '../contacts/contact-queries';
import { MemberName } from '../team/member-name';
import { MemberPicker } from '../team/member-picker';
import type { PickedAttendee } from './activity-form-values';

const keyOf = (attendee: Attendee) =>
  attendee.kind === 'member'
    ? `member:${attendee.memberId}`
    : attendee.kind === 'contact'
      ? `contact:${attendee.contactId}`
      : `email:${attendee.email}`;

/** A contact's name, read once per contact and shared by every place that shows it. */
function ContactName({ contactId, link }: { contactId: string; link: boolean }) {
  const { data, isPending, isError } = useQuery({ ...contactQuery(contactId), staleTime: 5 * 60_000 });
  if (isPending) return <>…</>;
  if (isError) return <>A deleted contact</>;
  const name = contactDisplayName(data) || data.id;
  if (!link) return <>{name}</>;
  return (
    <Anchor component={Link} to={`/contacts/${data.id}`} inherit>
      {name}
    </Anchor>
  );
}

/** Who an attendee is, by name: a member's name or email, a contact's name (linked), an address. */
export function AttendeeName({ attendee, link = true }: { attendee: Attendee; link?: boolean }) {
  switch (attendee.kind) {
    case 'member':
      return <MemberName memberId={attendee.memberId} />;
    case 'contact':
      return <ContactName contactId={attendee.contactId} link={link} />;
    case 'email':
      return <>{attendee.email}</>;
  }
}

/** A logged meeting's attendees, by name, for the timeline. */
export function AttendeeList({ attendees }: { attendees: readonly Attendee[] }) {
  if (attendees.length === 0) return null;
  return (
    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
      {attendees.length === 1 ? 'Attendee: ' : 'Attendees: '}
      {attendees.map((attendee, at) => (
        <Fragment key={keyOf(attendee)}>
          {at > 0 && ', '}
          <AttendeeName attendee={attendee} />
        </Fragment>
      ))}
    </Text>
  );
}

/**
 * Members and contacts a meeting is with: a picker for each, and the picked ones as pills that a click on
 * their × removes. Picking someone already there changes nothing.
 */
export function AttendeePickers({
  value,
  onChange,
}: {
  value: readonly PickedAttendee[];
  onChange(next: PickedAttendee[]): void;
}) {
  // the pickers only add: each returns to empty once it has added someone (a new key remounts it)
  const [round, setRound] = useState(0);
  const add = (attendee: PickedAttendee) => {
    if (!value.some((known) => keyOf(known) === keyOf(attendee))) onChange([...value, attendee]);
    setRound((n) => n + 1);
  };
  const members = value.flatMap((attendee) => (attendee.kind === 'member' ? [attendee.memberId] : []));
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <MemberPicker
          key={`member-${round}`}
          label="Add a team member"
          value={null}
          exclude={members}
          onChange={(memberId) => memberId && add({ kind: 'member', memberId })}
        />
        <ContactPicker
          key={`contact-${round}`}
          label="Add a contact"
          value={null}
          onChange={(contactId) => contactId && add({ kind: 'contact', contactId })}
        />
      </SimpleGrid>
      {value.length > 0 && (
        <Pill.Group role="group" aria-label="Attendees">
          {value.map((attendee) => (
            <Pill
              key={keyOf(attendee)}
              withRemoveButton
              onRemove={() => onChange(value.filter((known) => keyOf(known) !== keyOf(attendee)))}
              // Mantine hides the × from assistive technology and the keyboard (it expects a typed input beside it)
              removeButtonProps={{ 'aria-label': 'Remove attendee', 'aria-hidden': false, tabIndex: 0 }}
              maw="100%"
            >
              <AttendeeName attendee={attendee} link={false} />
            </Pill>
          ))}
        </Pill.Group>
      )}
    </Stack>
  );
}
