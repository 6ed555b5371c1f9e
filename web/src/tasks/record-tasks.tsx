import { Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { RelatedKind } from '../../../shared/tasks/task';
import { DetailSection } from '../records/detail-section';
import { ListSkeleton, LoadError } from '../records/list-states';
import { NewTaskButton } from './task-form';
import { TaskList } from './task-list';
import { taskListQuery } from './task-queries';

/** The open tasks of a contact, company or deal (by due time), with "New task" about it. */
export function RecordTasks({ kind, id }: { kind: RelatedKind; id: string }) {
  const query = useQuery(
    taskListQuery({
      ...(kind === 'contact' ? { contactId: id } : kind === 'company' ? { companyId: id } : { dealId: id }),
      view: 'all',
      limit: 50,
    }),
  );
  return (
    <DetailSection title="Tasks">
      <Stack gap="sm">
        <Group justify="flex-end">
          <NewTaskButton related={{ kind, id }} variant="default" />
        </Group>
        {query.isPending ? (
          <ListSkeleton rows={2} />
        ) : query.isError ? (
          <LoadError error={query.error} onRetry={() => query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No open tasks.
          </Text>
        ) : (
          <TaskList tasks={query.data.items} label={`Open tasks of this ${kind}`} showRelated={false} />
        )}
        {query.data?.nextCursor && (
          <Text size="xs" c="dimmed">
            The 50 due first are shown.
          </Text>
        )}
      </Stack>
    </DetailSection>
  );
}
