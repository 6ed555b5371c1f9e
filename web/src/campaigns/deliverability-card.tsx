import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { Deliverability } from '../../../shared/email/email-settings';
import { LoadError } from '../records/list-states';
import { formatRate, percentOf } from './campaign-format';
import { deliverabilityQuery } from './campaign-queries';

type Level = Deliverability['bounceStatus'];
const colors: Record<Level, string> = { ok: 'green', warning: 'yellow', over: 'red' };

function RateGauge({
  label,
  count,
  rate,
  threshold,
  status,
}: {
  label: string;
  count: number;
  rate: number;
  threshold: number;
  status: Level;
}) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="sm" c={status === 'ok' ? undefined : colors[status]} fw={status === 'ok' ? 400 : 700}>
          {formatRate(rate)} ({count})
        </Text>
      </Group>
      <Progress
        value={percentOf(rate, threshold)}
        color={colors[status]}
        aria-label={`${label}: ${formatRate(rate)} of SES's ${formatRate(threshold)} review threshold`}
      />
      <Text size="xs" c="dimmed">
        SES reviews the account at {formatRate(threshold)}
      </Text>
    </Stack>
  );
}

/**
 * The workspace's bounce and complaint rates over the last days against SES's review thresholds (5 % and
 * 0.1 %): a warning from 80 % of a threshold, before SES acts, and an alarm once over.
 */
export function DeliverabilityCard({ deliverability }: { deliverability: Deliverability }) {
  const d = deliverability;
  const worst: Level =
    d.bounceStatus === 'over' || d.complaintStatus === 'over'
      ? 'over'
      : d.bounceStatus === 'warning' || d.complaintStatus === 'warning'
        ? 'warning'
        : 'ok';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Deliverability">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={600}>Deliverability, last {d.windowDays} days</Text>
          <Text size="sm" c="dimmed">
            {d.sent} sent
          </Text>
        </Group>
        {worst !== 'ok' && (
          <Alert
            color={colors[worst]}
            icon={<IconAlertTriangle />}
            role="alert"
            title={worst === 'over' ? 'Over an SES review threshold' : 'Close to an SES review threshold'}
          >
            {worst === 'over'
              ? 'SES may pause sending for the whole deployment. Stop campaigns to the lists that bounce or complain and clean them before sending again.'
              : 'Bounces or complaints are near the rate at which SES reviews the account. Check the lists of the latest campaigns before the next send.'}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <RateGauge
            label="Bounce rate"
            count={d.bounces}
            rate={d.bounceRate}
            threshold={d.thresholds.bounceRate}
            status={d.bounceStatus}
          />
          <RateGauge
            label="Complaint rate"
            count={d.complaints}
            rate={d.complaintRate}
            threshold={d.thresholds.complaintRate}
            status={d.complaintStatus}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

export function WorkspaceDeliverability() {
  const query = useQuery(deliverabilityQuery());
  if (query.isPending) return null;
  if (query.isError) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  return <DeliverabilityCard deliverability={query.data} />;
}
