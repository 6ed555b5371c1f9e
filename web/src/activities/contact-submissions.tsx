import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { FormSubmittedEntry as ContactActivity } from '../../../shared/activities/timeline-entry';
import { formatDateTime } from '../ui/format';
import { consentLabel, extraFieldLines, sourceOf } from './submission-summary';

/** A form submission on the timeline: the form, where the person came from, the consent as it stands now. */
export function SubmissionCard({ activity }: { activity: ContactActivity }) {
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
