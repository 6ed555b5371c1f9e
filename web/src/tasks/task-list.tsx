import { Anchor, Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBuildingSkyscraper, IconLayoutKanban, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import type { RelatedRecord, Task } from '../../../shared/tasks/task';
import { ApiError, messageOf } from '../api/api-error';
import { companyQuery } from '../companies/company-queries';
import { contactQuery } from '../contacts/contact-queries';
import { dealQuery } from '../deals/deal-queries';
import { useMemberNames } from '../team/member-name';
import { useToast } from '../ui/toaster';
import { EditTaskButton } from './task-form';
import { dueState, formatDue, priorityColors, priorityLabels } from './task-format';
import { useToggleTask } from './task-queries';

/** The record a task is about, named and linked (its name is read once and cached). */
function RelatedLink({ related }: { related: RelatedRecord }) {
  const contact = useQuery({
    ...contactQuery(related.id),
    enabled: related.kind === 'contact',
    staleTime: 300_000,
  });
  const company = useQuery({
    ...companyQuery(related.id),
    enabled: related.kind === 'company',
    staleTime: 300_000,
  });
  const deal = useQuery({ ...dealQuery(related.id), enabled: related.kind === 'deal', staleTime: 300_000 });
  const name =
    related.kind === 'contact'
      ? contact.data && contactDisplayName(contact.data)
      : related.kind === 'company'
        ? company.data?.name
        : deal.data?.name;
  const Icon = { contact: IconUser, company: IconBuildingSkyscraper, deal: IconLayoutKanban }[related.kind];
  return (
    <Anchor
      component={Link}
      to={`/${{ contact: 'contacts', company: 'companies', deal: 'deals' }[related.kind]}/${related.id}`}
      size="sm"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minWidth: 0 }}
    >
      <Icon size={14} aria-hidden />
      <Text span inherit truncate>
        {name ?? { contact: 'Contact', company: 'Company', deal: 'Deal' }[related.kind]}
      </Text>
    </Anchor>
  );
}

function TaskRow({ task, showRelated }: { task: Task; showRelated: boolean }) {
  const toast = useToast();
  const toggle = useToggleTask();
  const assigneeName = useMemberNames();
  const due = dueState(task);
  const assignee = assigneeName(task.assigneeId);
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-task-id={task.id}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Checkbox
          mt={2}
          aria-label={task.done ? `Reopen ${task.title}` : `Complete ${task.title}`}
          checked={task.done}
          disabled={toggle.isPending}
          onChange={(event) => {
            const done = event.currentTarget.checked;
            toggle.mutate(
              { task, done },
              {
                onSuccess: () => toast(done ? `${task.title} done` : `${task.title} reopened`),
                // a field's message says more than "some fields are not valid" (a reopened task's assignee left)
                onError: (error) =>
                  toast((error instanceof ApiError && Object.values(error.fields)[0]) || messageOf(error), {
                    tone: 'warning',
                  }),
              },
            );
          }}
        />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text
            fw={500}
            size="sm"
            td={task.done ? 'line-through' : undefined}
            c={task.done ? 'dimmed' : undefined}
            style={{ overflowWrap: 'anywhere' }}
          >
            {task.title}
          </Text>
          <Group gap="xs" wrap="wrap" style={{ rowGap: 4 }}>
            {task.dueAt && (
              <Text
                size="xs"
                c={due === 'overdue' ? 'red' : 'dimmed'}
                fw={due === 'overdue' ? 600 : undefined}
                style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
              >
                {due === 'overdue' && <IconAlertTriangle size={12} aria-hidden />}
                <time dateTime={task.dueAt}>{formatDue(task.dueAt)}</time>
                {due === 'overdue' && ' · overdue'}
              </Text>
            )}
            <Badge size="xs" variant="light" color={priorityColors[task.priority]}>
              {priorityLabels[task.priority]}
            </Badge>
            {assignee && (
              <Text size="xs" c="dimmed">
                {assignee}
              </Text>
            )}
            {showRelated && task.related && <RelatedLink related={task.related} />}
          </Group>
        </Stack>
        <EditTaskButton task={task} />
      </Group>
    </Paper>
  );
}

/** Tasks as rows: a checkbox completes (or reopens) one at once, and goes back if the API refuses. */
export function TaskList({
  tasks,
  label,
  showRelated = true,
}: {
  tasks: Task[];
  label: string;
  showRelated?: boolean;
}) {
  return (
    <Stack component="ul" aria-label={label} gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {tasks.map((task) => (
        <TaskRow key={task.id} task={task} showRelated={showRelated} />
      ))}
    </Stack>
  );
}
