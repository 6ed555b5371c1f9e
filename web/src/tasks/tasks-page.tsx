import { Stack, Tabs } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { TaskView } from '../../../shared/tasks/task';
import { ListEmpty } from '../records/list-states';
import { PagedListStates } from '../records/paged-list-states';
import { useCursorPages } from '../records/use-cursor-pages';
import { PageHeader } from '../ui/page-header';
import { NewTaskButton } from './task-form';
import { TaskList } from './task-list';
import { taskListQuery } from './task-queries';

const tabs: { view: TaskView; label: string; empty: string }[] = [
  { view: 'mine', label: 'Mine', empty: 'Nothing assigned to you is open. Enjoy it, or create a task.' },
  { view: 'overdue', label: 'Overdue', empty: 'No open task is past its due time.' },
  { view: 'today', label: 'Today', empty: 'No open task is due today.' },
  { view: 'all', label: 'All', empty: 'The team has no open tasks.' },
  { view: 'done', label: 'Done', empty: 'No task has been completed yet.' },
];

const isView = (value: string | null): value is TaskView => tabs.some((tab) => tab.view === value);

function TaskTab({ view, empty }: { view: TaskView; empty: string }) {
  const pages = useCursorPages(`task-cursors-${view}`);
  const query = useQuery(taskListQuery({ view, limit: 25, cursor: pages.cursor }));
  return (
    <PagedListStates
      query={query}
      pages={pages}
      label="Tasks"
      empty={<ListEmpty icon={<IconChecklist />} title="No tasks here" description={empty} />}
    >
      {(page) => <TaskList tasks={page.items} label={`Tasks: ${view}`} />}
    </PagedListStates>
  );
}

/** The team's tasks: mine, overdue, due today (in the user's time zone), all open, and done. */
export function TasksPage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('view');
  const view: TaskView = isView(requested) ? requested : 'mine';
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        title="Tasks"
        description="What the team has to do, by when. Tick a task off when it is done."
        actions={<NewTaskButton />}
      />
      <Tabs
        value={view}
        onChange={(next) => setParams(next && next !== 'mine' ? { view: next } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.view} value={tab.view} px={{ base: 10, sm: 'md' }}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.view} value={tab.view} pt="md">
            <TaskTab view={tab.view} empty={tab.empty} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
