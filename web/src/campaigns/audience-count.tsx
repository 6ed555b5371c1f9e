import { Alert, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type Audience, skipReasons } from '../../../shared/campaigns/campaign';
import { messageOf } from '../api/api-error';
import { skipReasonLabels } from './campaign-format';
import { audienceCountQuery } from './campaign-queries';

/** Who the audience reaches now, and who it does not and why: asked again as the audience changes. */
export function AudienceCountPanel({ audience }: { audience: Audience | undefined }) {
  const count = useQuery(audienceCountQuery(audience));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Audience count" aria-live="polite">
      {!audience ? (
        <Text size="sm" c="dimmed">
          Choose at least one list to see who will receive the campaign.
        </Text>
      ) : count.isPending ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">Counting…</Text>
        </Group>
      ) : count.isError ? (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {messageOf(count.error)}
        </Alert>
      ) : (
        <Stack gap="xs" style={{ opacity: count.isPlaceholderData ? 0.6 : 1 }}>
          <Group gap="xs" align="baseline">
            <Text size="xl" fw={700} data-testid="audience-recipients">
              {count.data.recipients}
            </Text>
            <Text size="sm">of {count.data.contacts} contacts will receive it</Text>
            {count.isFetching && <Loader size="xs" aria-label="Counting again" />}
          </Group>
          <Table verticalSpacing={2} horizontalSpacing="xs" fz="sm" aria-label="Skipped contacts by reason">
            <Table.Tbody>
              {skipReasons.map((reason) => (
                <Table.Tr key={reason}>
                  <Table.Td>{skipReasonLabels[reason]}</Table.Td>
                  <Table.Td ta="right">{count.data.skippedBy[reason] ?? 0}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            Only contacts subscribed to marketing email receive campaigns; a contact on two lists gets one
            message.
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
