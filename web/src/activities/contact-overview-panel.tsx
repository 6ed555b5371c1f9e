import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { OpenWorkEntry } from '../../../shared/activities/open-work';
import { DetailSection } from '../records/detail-section';
import { ListSkeleton, LoadError } from '../records/list-states';
import classes from '../records/record-list.module.css';
import { formatCalendarDate, formatDateTime } from '../ui/format';
import { contactOverviewQuery } from './timeline-queries';

function OpenWorkList({ items, label, none }: { items: OpenWorkEntry[]; label: string; none: string }) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {none}
      </Text>
    );
  return (
    <Stack gap={6} component="ul" className={classes.list} aria-label={label}>
      {items.map((item) => (
        <li key={item.id}>
          {/* the title on its own line(s), what it is and when it is due below: nothing is cut on a narrow card */}
          {item.kind === 'deal' ? (
            <Anchor component={Link} to={`/deals/${item.id}`} size="sm" lineClamp={2}>
              {item.title}
            </Anchor>
          ) : (
            <Text size="sm" lineClamp={2}>
              {item.title}
            </Text>
          )}
          <Group gap={6} wrap="wrap">
            {item.status && (
              <Badge size="xs" variant="light" tt="none">
                {item.status}
              </Badge>
            )}
            {item.dueAt && (
              <Text size="xs" c="dimmed">
                {/* a deal's expected close is a calendar date, not a time */}
                {item.kind === 'deal'
                  ? `closes ${formatCalendarDate(item.dueAt)}`
                  : `due ${formatDateTime(item.dueAt)}`}
              </Text>
            )}
          </Group>
        </li>
      ))}
    </Stack>
  );
}

/** A contact's open tasks, tickets and deals, from the one-request overview. */
export function ContactOverviewPanel({ contactId }: { contactId: string }) {
  const overview = useQuery(contactOverviewQuery(contactId));
  return (
    <DetailSection title="Open work">
      {overview.isPending ? (
        <ListSkeleton rows={2} />
      ) : overview.isError ? (
        <LoadError error={overview.error} onRetry={() => overview.refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Tasks
          </Text>
          <OpenWorkList items={overview.data.openTasks} label="Open tasks" none="No open tasks" />
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Tickets
          </Text>
          <OpenWorkList items={overview.data.openTickets} label="Open tickets" none="No open tickets" />
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Deals
          </Text>
          <OpenWorkList items={overview.data.openDeals} label="Open deals" none="No open deals" />
        </Stack>
      )}
    </DetailSection>
  );
}
