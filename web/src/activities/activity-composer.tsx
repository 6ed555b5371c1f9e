import { Paper, Tabs } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCalendarEvent, IconMail, IconNote, IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import type { ActivityType } from '../../../shared/activities/activity';
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
 * The Ticket tab (web/src/tickets/new-ticket-form.tsx, `NewTicketForm({ contactId, onDone })`) joins
 * contacts' composers where marked below.
 */
export function ActivityComposer({ owner }: { owner: TimelineOwner }) {
  const [open, setOpen] = useState<ActivityType | null>(null);
  // a new form (fresh values) each time a tab opens
  const [round, setRound] = useState(0);
  const log = useLogActivity(owner);
  const toast = useToast();
  const show = (type: ActivityType | null) => {
    setOpen(type);
    setRound((value) => value + 1);
  };
  // Mantine's hotkeys ignore keys typed in inputs, textareas and selects
  useHotkeys([['n', () => show('note')]]);
  return (
    <Paper withBorder radius="md" p="sm">
      <Tabs
        value={open}
        onChange={(value) => show((value as ActivityType | null) ?? null)}
        keepMounted={false}
        aria-label="Log an activity"
      >
        <Tabs.List grow>
          {tabs.map(({ type, label, icon: Icon }) => (
            <Tabs.Tab key={type} value={type} leftSection={<Icon size={16} />}>
              {label}
            </Tabs.Tab>
          ))}
          {/* TICKET TAB: at merge, for contacts, add <Tabs.Tab value="ticket"> and a panel with
              <NewTicketForm contactId={owner.id} onDone={() => show(null)} /> (web/src/tickets/new-ticket-form.tsx) */}
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
      </Tabs>
    </Paper>
  );
}
