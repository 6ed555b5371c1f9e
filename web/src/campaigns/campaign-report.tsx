import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Campaign, CampaignReport } from '../../../shared/campaigns/campaign';
import { ListSkeleton, LoadError } from '../records/list-states';
import { formatCount } from '../ui/format';
import { formatRate, personalLinkName } from './campaign-format';
import { campaignReportQuery } from './campaign-queries';
import { ReportChart } from './report-chart';

/** One figure of a campaign, in a box named by `testId` (the report's `report-<label>` by default). */
export function Figure({
  label,
  value,
  detail,
  testId = `report-${label.toLowerCase().replaceAll(' ', '-')}`,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

function Figures({ report }: { report: CampaignReport }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      <Figure
        label="Sent"
        value={report.sent}
        detail={report.failed ? `${report.failed} failed` : undefined}
      />
      <Figure label="Delivered" value={report.delivered} />
      <Figure
        label="Unique opens"
        value={report.uniqueOpens.count}
        detail={`${formatRate(report.uniqueOpens.rate)} of delivered · ${formatCount(report.opens, 'open')} in all`}
      />
      <Figure
        label="Unique clicks"
        value={report.uniqueClicks.count}
        detail={`${formatRate(report.uniqueClicks.rate)} of delivered · ${formatCount(report.clicks, 'click')} in all`}
      />
      <Figure
        label="Bounces"
        value={report.bounces.count}
        detail={`${formatRate(report.bounces.rate)} of sent`}
      />
      <Figure
        label="Complaints"
        value={report.complaints.count}
        detail={`${formatRate(report.complaints.rate)} of sent`}
      />
      <Figure
        label="Unsubscribes"
        value={report.unsubscribes.count}
        detail={`${formatRate(report.unsubscribes.rate)} of sent`}
      />
      <Figure
        label="Not sent"
        value={report.skipped + report.cancelled}
        detail={`${report.skipped} skipped${report.cancelled ? `, ${report.cancelled} cancelled` : ''}`}
      />
    </SimpleGrid>
  );
}

function Links({ links }: { links: CampaignReport['links'] }) {
  if (links.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No link clicked yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table verticalSpacing="xs" horizontalSpacing="xs" fz="sm" aria-label="Clicks per link">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Link</Table.Th>
            <Table.Th ta="right">Clicks</Table.Th>
            <Table.Th ta="right">Unique</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {links.map((link) => (
            <Table.Tr key={link.url}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {personalLinkName(link.url) ?? (
                  <Anchor href={link.url} target="_blank" rel="noopener noreferrer" size="sm">
                    {link.url}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td ta="right">{link.clicks}</Table.Td>
              <Table.Td ta="right">{link.uniqueClicks}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * What the campaign's messages did: sent, delivered, unique opens and clicks with their rates, bounces,
 * complaints and unsubscribes, clicks per link, and a chart over time (its library loaded here only).
 */
export function CampaignReportSection({ campaign, timeZone }: { campaign: Campaign; timeZone?: string }) {
  const report = useQuery(campaignReportQuery(campaign));
  return (
    <Stack gap="md" component="section" aria-label="Report">
      <Title order={2} size="h4">
        Report
      </Title>
      {report.isPending ? (
        <ListSkeleton rows={3} />
      ) : report.isError ? (
        <LoadError error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <>
          <Figures report={report.data} />
          {report.data.overTime.length > 0 && (
            <Paper withBorder radius="md" p="md">
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  Over time{timeZone ? ` (${timeZone})` : ''}
                </Text>
                <ReportChart overTime={report.data.overTime} timeZone={timeZone} />
              </Stack>
            </Paper>
          )}
          <Title order={3} size="h5">
            Clicks per link
          </Title>
          <Links links={report.data.links} />
        </>
      )}
    </Stack>
  );
}
