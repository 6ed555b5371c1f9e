import {
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { BucketTotals, Forecast, PipelineFigures } from '../../../shared/forecast/forecast';
import { ListSkeleton, LoadError } from '../records/list-states';
import { useMemberNames } from '../team/member-name';
import { MemberPicker } from '../team/member-picker';
import { PageHeader } from '../ui/page-header';
import {
  chartSeries,
  currenciesOf,
  formatDays,
  formatMoney,
  formatPercent,
  monthLabel,
  periodChoices,
  periodEndingToday,
} from './forecast-format';
import { forecastQuery } from './forecast-queries';
import { WeightedChart } from './weighted-chart';

/**
 * The sales forecast (docs/metrics.md defines each figure): the weighted pipeline of open deals by expected
 * close month as a chart and a table, per owner and per pipeline; over a period, the win rate, the sales
 * cycle and the time in each stage. Filters (pipeline, owner, period) live in the address.
 */
export function ForecastPage() {
  const [params, setParams] = useSearchParams();
  const pipelineId = params.get('pipelineId') ?? undefined;
  const ownerId = params.get('ownerId') ?? undefined;
  const days = periodChoices.some((choice) => choice.value === params.get('days'))
    ? Number(params.get('days'))
    : 90;
  const period = useMemo(() => periodEndingToday(days, new Date()), [days]);
  const query = useQuery(forecastQuery({ pipelineId, ownerId, ...period }));
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title="Forecast"
        description="What the open deals are worth by the month they should close, weighted by their stage's win probability, and how past deals went."
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Pipeline"
          placeholder="All pipelines"
          clearable
          w={{ base: '100%', xs: 220 }}
          data={(query.data?.pipelines ?? []).map((pipeline) => ({
            value: pipeline.id,
            label: pipeline.name,
          }))}
          value={pipelineId ?? null}
          onChange={(value) => setParam('pipelineId', value)}
        />
        <MemberPicker
          label="Owner"
          placeholder="All owners"
          w={{ base: '100%', xs: 220 }}
          value={ownerId ?? null}
          onChange={(value) => setParam('ownerId', value)}
        />
        <Select
          label="Period"
          w={{ base: '100%', xs: 180 }}
          data={periodChoices.map((choice) => ({ ...choice }))}
          value={String(days)}
          allowDeselect={false}
          onChange={(value) => setParam('days', value === '90' ? null : value)}
        />
      </Group>
      {query.isPending ? (
        <ListSkeleton rows={6} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ForecastFigures forecast={query.data} ownerFiltered={ownerId !== undefined} />
      )}
    </Stack>
  );
}

function ForecastFigures({ forecast, ownerFiltered }: { forecast: Forecast; ownerFiltered: boolean }) {
  const { history, weighted } = forecast;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Figure label="Weighted pipeline, overdue and next 6 months" testId="figure-weighted">
          <Totals bucket={weighted.total} field="weighted" />
        </Figure>
        <Figure label="Win rate" testId="figure-win-rate">
          <Text size="xl" fw={700}>
            {formatPercent(history.overall.winRate.percent)}
          </Text>
          <Text size="sm" c="dimmed">
            {history.overall.winRate.won} won, {history.overall.winRate.lost} lost
          </Text>
        </Figure>
        <Figure label="Average sales cycle" testId="figure-cycle">
          <Text size="xl" fw={700}>
            {formatDays(history.overall.salesCycle.averageMs)}
          </Text>
          <Text size="sm" c="dimmed">
            created to won, {history.overall.salesCycle.won} won
          </Text>
        </Figure>
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Win rate, cycle and time in stage: deals closed and stages left from {forecast.period.from} to{' '}
        {forecast.period.to}. Amounts are per currency, never converted.
      </Text>
      <ByMonth forecast={forecast} />
      <Section title="By owner">
        <TotalsTable
          label="Weighted pipeline by owner"
          header="Owner"
          rows={weighted.byOwner.map((row) => ({
            key: row.ownerId,
            name: <OwnerName ownerId={row.ownerId} />,
            ...row,
          }))}
          empty="No open deal is expected to close in the next six months."
        />
      </Section>
      <Section title="By pipeline">
        <TotalsTable
          label="Weighted pipeline by pipeline"
          header="Pipeline"
          rows={weighted.byPipeline.map((row) => ({
            ...row,
            key: row.pipelineId,
            name: row.name ?? 'A removed pipeline',
          }))}
          empty="The workspace has no pipeline yet."
        />
        <HistoryTable pipelines={history.byPipeline} />
      </Section>
      <Section title="Average time in each stage">
        {ownerFiltered && (
          <Text size="sm" c="dimmed">
            Time in stage is the pipeline's, for every owner: a stage move records who moved the deal, not its
            owner.
          </Text>
        )}
        {history.byPipeline.length === 0 && <Text c="dimmed">No pipeline yet.</Text>}
        {history.byPipeline.map((pipeline) => (
          <StageTimes key={pipeline.pipelineId} pipeline={pipeline} />
        ))}
      </Section>
    </Stack>
  );
}

function Figure({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="sm" c="dimmed" mb={4}>
        {label}
      </Text>
      {children}
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** One line per currency: the weighted (or full) sum; "—" for no deal. */
function Totals({ bucket, field }: { bucket: BucketTotals; field: 'amount' | 'weighted' }) {
  if (bucket.totals.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={0}>
      {bucket.totals.map((total) => (
        <Text
          key={total.currency}
          fw={field === 'weighted' ? 600 : undefined}
          style={{ whiteSpace: 'nowrap' }}
        >
          {formatMoney(total[field], total.currency)}
        </Text>
      ))}
    </Stack>
  );
}

function ByMonth({ forecast }: { forecast: Forecast }) {
  const currencies = currenciesOf(forecast);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const currency = picked && currencies.includes(picked) ? picked : currencies[0];
  const series = useMemo(
    () => (currency ? chartSeries(forecast, currency) : undefined),
    [forecast, currency],
  );
  const { weighted } = forecast;
  const rows: { key: string; label: ReactNode; bucket: BucketTotals }[] = [
    { key: 'overdue', label: 'Overdue', bucket: weighted.overdue },
    ...forecast.months.map((month, at) => ({
      key: month,
      label: monthLabel(month),
      bucket: weighted.byMonth[at] ?? { count: 0, totals: [] },
    })),
  ];
  return (
    <Section title="Weighted pipeline by expected close month">
      {currency && series ? (
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            {currencies.length > 1 && (
              <SegmentedControl
                aria-label="Currency of the chart"
                data={currencies}
                value={currency}
                onChange={setPicked}
                style={{ alignSelf: 'flex-start' }}
              />
            )}
            <WeightedChart {...series} currency={currency} />
          </Stack>
        </Paper>
      ) : (
        <Text c="dimmed">No open deal is expected to close in the next six months.</Text>
      )}
      <Table.ScrollContainer minWidth={320}>
        <Table
          verticalSpacing="xs"
          horizontalSpacing="xs"
          fz="sm"
          aria-label="Weighted pipeline by expected close month"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Expected close</Table.Th>
              <Table.Th ta="right" visibleFrom="xs">
                Deals
              </Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th ta="right">Weighted</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <BucketRow key={row.key} label={row.label} bucket={row.bucket} />
            ))}
            <BucketRow label={<Text fw={700}>Total</Text>} bucket={weighted.total} />
            <BucketRow
              label={
                <Group gap={6}>
                  No close date{' '}
                  <Badge variant="light" size="xs">
                    not in total
                  </Badge>
                </Group>
              }
              bucket={weighted.undated}
            />
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function BucketRow({ label, bucket }: { label: ReactNode; bucket: BucketTotals }) {
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right" visibleFrom="xs">
        {bucket.count}
      </Table.Td>
      <Table.Td ta="right">
        <Totals bucket={bucket} field="amount" />
      </Table.Td>
      <Table.Td ta="right">
        <Totals bucket={bucket} field="weighted" />
      </Table.Td>
    </Table.Tr>
  );
}

function OwnerName({ ownerId }: { ownerId: string }) {
  const nameOf = useMemberNames();
  return <>{nameOf(ownerId) ?? 'A former member'}</>;
}

function TotalsTable({
  label,
  header,
  rows,
  empty,
}: {
  label: string;
  header: string;
  rows: { key: string; name: ReactNode; overdue: BucketTotals; total: BucketTotals }[];
  empty: string;
}) {
  if (rows.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table verticalSpacing="xs" horizontalSpacing="xs" fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{header}</Table.Th>
            <Table.Th ta="right" visibleFrom="xs">
              Deals
            </Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th ta="right">Weighted</Table.Th>
            <Table.Th ta="right" visibleFrom="sm">
              of it overdue
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td ta="right" visibleFrom="xs">
                {row.total.count}
              </Table.Td>
              <Table.Td ta="right">
                <Totals bucket={row.total} field="amount" />
              </Table.Td>
              <Table.Td ta="right">
                <Totals bucket={row.total} field="weighted" />
              </Table.Td>
              <Table.Td ta="right" visibleFrom="sm">
                <Totals bucket={row.overdue} field="weighted" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function HistoryTable({ pipelines }: { pipelines: PipelineFigures[] }) {
  if (pipelines.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table
        verticalSpacing="xs"
        horizontalSpacing="xs"
        fz="sm"
        aria-label="Win rate and sales cycle by pipeline"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Pipeline</Table.Th>
            <Table.Th ta="right">Win rate</Table.Th>
            <Table.Th ta="right">Won / lost</Table.Th>
            <Table.Th ta="right">Average cycle</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pipelines.map((pipeline) => (
            <Table.Tr key={pipeline.pipelineId}>
              <Table.Td>{pipeline.name}</Table.Td>
              <Table.Td ta="right">{formatPercent(pipeline.winRate.percent)}</Table.Td>
              <Table.Td ta="right">
                {pipeline.winRate.won} / {pipeline.winRate.lost}
              </Table.Td>
              <Table.Td ta="right">{formatDays(pipeline.salesCycle.averageMs)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function StageTimes({ pipeline }: { pipeline: PipelineFigures }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text fw={600} mb={4}>
        {pipeline.name}
      </Text>
      <Table
        verticalSpacing={4}
        horizontalSpacing="xs"
        fz="sm"
        aria-label={`Average time in each stage of ${pipeline.name}`}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Stage</Table.Th>
            <Table.Th ta="right">Left</Table.Th>
            <Table.Th ta="right">Average time</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pipeline.stages.map((stage) => (
            <Table.Tr key={stage.stageId}>
              <Table.Td>
                {stage.name ?? (
                  <Text component="span" c="dimmed" fs="italic">
                    A removed stage
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{stage.exits}</Table.Td>
              <Table.Td ta="right">{formatDays(stage.averageMs)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
