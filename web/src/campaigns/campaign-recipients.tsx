import { Badge, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type Campaign,
  type CampaignRecipient,
  type RecipientStatus,
  RecipientStatus as RecipientStatusSchema,
} from '../../../shared/campaigns/campaign';
import { emailSettingsQuery } from '../email-settings/email-settings-queries';
import { CursorPager } from '../records/cursor-pager';
import { ListSkeleton, LoadError } from '../records/list-states';
import { useCursorPages } from '../records/use-cursor-pages';
import { formatInZone, skipReasonLabels } from './campaign-format';
import { campaignRecipientsQuery } from './campaign-queries';

const recipientStatusLabels: Record<RecipientStatus, { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'gray' },
  sending: { label: 'Sending', color: 'blue' },
  sent: { label: 'Sent', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  skipped: { label: 'Skipped', color: 'yellow' },
};

/** The furthest thing that happened to the message, for the table's last column. */
/** What happened last to a recipient's mail, at a time in the workspace's zone (as the page says elsewhere). */
function latestOf(recipient: CampaignRecipient, timeZone: string | undefined): string {
  if (recipient.skipReason) return skipReasonLabels[recipient.skipReason];
  if (recipient.failure) return recipient.failure;
  const steps: [string | undefined, string][] = [
    [recipient.unsubscribedAt, 'Unsubscribed'],
    [recipient.complainedAt, 'Marked as spam'],
    [recipient.bouncedAt, 'Bounced'],
    [recipient.clickedAt, 'Clicked'],
    [recipient.openedAt, 'Opened'],
    [recipient.deliveredAt, 'Delivered'],
    [recipient.sentAt, 'Sent'],
  ];
  const [at, what] = steps.find(([at]) => at !== undefined) ?? [undefined, '—'];
  return at ? `${what} ${formatInZone(at, timeZone)}` : what;
}

function StatusBadge({ status }: { status: RecipientStatus }) {
  const { label, color } = recipientStatusLabels[status];
  return (
    <Badge variant="light" color={color} tt="none" size="sm">
      {label}
    </Badge>
  );
}

/** The campaign's send records, a page at a time, by status. */
export function CampaignRecipients({ campaign }: { campaign: Campaign }) {
  const [status, setStatus] = useState<RecipientStatus | undefined>();
  const pages = useCursorPages('recipients');
  const query = useQuery(campaignRecipientsQuery(campaign, { cursor: pages.cursor, status }));
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const timeZone = useQuery(emailSettingsQuery()).data?.timeZone;
  return (
    <Stack gap="sm" component="section" aria-label="Recipients">
      <Title order={2} size="h4">
        Recipients
      </Title>
      <Select
        label="Status"
        w={{ base: '100%', xs: 220 }}
        placeholder="Every status"
        clearable
        data={RecipientStatusSchema.options.map((value) => ({
          value,
          label: recipientStatusLabels[value].label,
        }))}
        value={status ?? null}
        onChange={(value) => {
          setStatus(value ? (value as RecipientStatus) : undefined);
          pages.first();
        }}
      />
      {query.isPending ? (
        <ListSkeleton rows={3} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} onRestart={pages.first} />
      ) : query.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No recipient{status ? ` ${recipientStatusLabels[status].label.toLowerCase()}` : ''} yet.
        </Text>
      ) : isPhone ? (
        <Stack gap="xs" aria-label="Recipients by status">
          {query.data.items.map((recipient) => (
            <Paper key={recipient.contactId} withBorder radius="md" p="xs">
              <Text size="sm" component={Link} to={`/contacts/${recipient.contactId}`} fw={600}>
                {recipient.email ?? 'An erased contact'}
              </Text>
              <Text size="xs" c="dimmed" component="div">
                <StatusBadge status={recipient.status} /> {latestOf(recipient, timeZone)}
              </Text>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing="xs" horizontalSpacing="sm" fz="sm" aria-label="Recipients by status">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Recipient</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Latest</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((recipient) => (
                <Table.Tr key={recipient.contactId}>
                  <Table.Td>
                    <Text size="sm" component={Link} to={`/contacts/${recipient.contactId}`} c="blue">
                      {recipient.email ?? 'An erased contact'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={recipient.status} />
                  </Table.Td>
                  <Table.Td>{latestOf(recipient, timeZone)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {query.data && (
        <CursorPager
          pages={pages}
          nextCursor={query.data.nextCursor}
          loading={query.isFetching}
          label="Recipients"
        />
      )}
    </Stack>
  );
}
