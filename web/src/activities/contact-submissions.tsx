import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconForms } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { FormSubmittedEntry as ContactActivity } from '../../../shared/activities/timeline-entry';
import { ListEmpty } from '../records/list-states';
import { PagedListStates } from '../records/paged-list-states';
import classes from '../records/record-list.module.css';
import { useCursorPages } from '../records/use-cursor-pages';
import { formatDateTime } from '../ui/format';
import { contactActivitiesQuery } from './activity-queries';
import { consentLabel, extraFieldLines, sourceOf } from './submission-summary';

function Submission({ activity }: { activity: ContactActivity }) {
  const source = sourceOf(activity);
  const consent = consentLabel(activity);
  const lines = extraFieldLines(activity.fields);
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{activity.formName}</Text>
          <Text size="sm" c="dimmed">
            <time dateTime={activity.occurredAt}>{formatDateTime(activity.occurredAt)}</time>
          </Text>
        </Group>
        <Group gap="xs">
          {source && (
            <Badge variant="light" color="gray" tt="none">
              {source}
            </Badge>
          )}
          {consent && (
            <Badge
              variant="light"
              color={activity.consent?.status === 'confirmed' ? 'teal' : 'yellow'}
              tt="none"
            >
              {consent}
            </Badge>
          )}
        </Group>
        {activity.pageUrl && (
          <Text size="sm" c="dimmed" truncate>
            From{' '}
            <Anchor href={activity.pageUrl} target="_blank" rel="noreferrer noopener" size="sm">
              {activity.pageUrl}
            </Anchor>
          </Text>
        )}
        {lines.map((line) => (
          <Text key={line} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {line}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/** The forms a contact posted, newest first: where they came from, what they agreed to. */
export function ContactSubmissions({ contactId }: { contactId: string }) {
  const titleId = useId();
  const pages = useCursorPages('submissionCursors');
  const list = useQuery(contactActivitiesQuery(contactId, { cursor: pages.cursor }));
  return (
    <Stack component="section" aria-labelledby={titleId} gap="md">
      <Title order={2} size="h4" id={titleId}>
        Form submissions
      </Title>
      <PagedListStates
        query={list}
        pages={pages}
        label="Form submissions"
        skeletonRows={2}
        empty={
          <ListEmpty
            icon={<IconForms />}
            title="No form submissions"
            description="When this contact fills in one of your forms, it shows here with where they came from."
          />
        }
      >
        {(page) => (
          <Stack gap="xs" component="ul" className={classes.list} aria-label="Form submissions">
            {page.items
              .flatMap((entry) => (entry.type === 'form.submitted' ? [entry] : []))
              .map((activity) => (
                <li key={activity.id}>
                  <Submission activity={activity} />
                </li>
              ))}
          </Stack>
        )}
      </PagedListStates>
    </Stack>
  );
}
