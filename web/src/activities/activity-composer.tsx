import { Paper, Tabs } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCalendarEvent, IconMail, IconNote, IconPhone, IconTicket } from '@tabler/icons-react';
import { useState } from 'react';
import type { ActivityType } from '../../../shared/activities/activity';
import { NewTicketForm } from '../tickets/new-ticket-form';
import { useToast } from '../ui/toaster';
import { ActivityForm } from './activity-form';
import { activityBodyOf, emptyActivityValues } from './activity-form-values';
import { type TimelineOwner, useLogActivity } from './timeline-queries';

const tabs: { type: ActivityType; label: string; icon: typeof IconNote }[] = [
  { type: 'note', label: 'Note', icon: IconNote },
  { type: 'call', label: 'Call', icon: IconPhone },
  { type: 'meeting', label: 'Meeting', icon: IconCalendarEvent },
  { type: 'email', label: 'Email', icon: IconMail },
];

/**
 * Logs an activity on the timeline: a tab per type opens its form; `n` (outside a field) opens a note.
 * On a contact, a Ticket tab opens a support ticket for it (web/src/tickets/new-ticket-form.tsx).
 */
export function ActivityComposer({ owner }: { owner: TimelineOwner }) {
  const [open, setOpen] = useState<ActivityType | 'ticket' | null>(null);
  // a new form (fresh values) each time a tab opens
  const [round, setRound] = useState(0);
  const log = useLogActivity(owner);
  const toast = useToast();
  const show = (type: ActivityType | 'ticket' | null) => {
    setOpen(type);
    setRound((value) => value + 1);
  };
  // Mantine's hotkeys ignore keys typed in inputs, textareas and selects
  useHotkeys([['n', () => show('note')]]);
  return (
    <Paper withBorder radius="md" p="sm">
      <Tabs
        value={open}
        onChange={(value) => show((value as ActivityType | 'ticket' | null) ?? null)}
        keepMounted={false}
        aria-label="Log an activity"
      >
        <Tabs.List grow>
          {tabs.map(({ type, label, icon: Icon }) => (
            <Tabs.Tab key={type} value={type} leftSection={<Icon size={16} />}>
              {label}
            </Tabs.Tab>
          ))}
          {owner.kind === 'contact' && (
            <Tabs.Tab value="ticket" leftSection={<IconTicket size={16} />}>
              Ticket
            </Tabs.Tab>
          )}
        </Tabs.List>
        {tabs.map(({ type, label }) => (
          <Tabs.Panel key={type} value={type} pt="sm">
            <ActivityForm
              key={round}
              initial={emptyActivityValues(type)}
              submitLabel={`Log ${label.toLowerCase()}`}
              onCancel={() => show(null)}
              onSubmit={async (values) => {
                await log.mutateAsync(activityBodyOf(values));
                toast(`${label} logged`);
                show(null);
              }}
            />
          </Tabs.Panel>
        ))}
        {owner.kind === 'contact' && (
          <Tabs.Panel value="ticket" pt="sm">
            <NewTicketForm key={round} contactId={owner.id} onDone={() => show(null)} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Paper>
  );
}
