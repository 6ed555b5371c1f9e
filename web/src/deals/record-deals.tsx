import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DetailSection } from '../records/detail-section';
import { ListSkeleton, LoadError } from '../records/list-states';
import { formatCalendarDate } from '../ui/format';
import { NewDealButton } from './deal-form';
import { dealListQuery, pipelinesQuery } from './deal-queries';
import { formatMoney } from './money-format';

const statusColors = { open: 'blue', won: 'teal', lost: 'gray' } as const;

/** A contact's or company's deals (one Query of the API), with "New deal" about it. */
export function RecordDeals({ kind, id }: { kind: 'contact' | 'company'; id: string }) {
  const query = useQuery(
    dealListQuery({ ...(kind === 'contact' ? { contactId: id } : { companyId: id }), limit: 50 }),
  );
  const pipelines = useQuery(pipelinesQuery());
  const stageName = (pipelineId: string, stageId: string) =>
    pipelines.data
      ?.find((pipeline) => pipeline.id === pipelineId)
      ?.stages.find((stage) => stage.id === stageId)?.name;
  return (
    <DetailSection title="Deals">
      <Stack gap="sm">
        <Group justify="flex-end">
          <NewDealButton
            variant="default"
            {...(kind === 'contact' ? { primaryContactId: id } : { companyId: id })}
          />
        </Group>
        {query.isPending ? (
          <ListSkeleton rows={2} />
        ) : query.isError ? (
          <LoadError error={query.error} onRetry={() => query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No deals.
          </Text>
        ) : (
          <Stack
            gap="xs"
            component="ul"
            aria-label={`Deals of this ${kind}`}
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {query.data.items.map((deal) => (
              <Group component="li" key={deal.id} justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={0} miw={0}>
                  <Anchor
                    component={Link}
                    to={`/deals/${deal.id}`}
                    size="sm"
                    fw={600}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {deal.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {deal.status === 'open' ? (stageName(deal.pipelineId, deal.stageId) ?? 'Open') : ''}
                    {deal.expectedCloseDate && deal.status === 'open'
                      ? ` · closes ${formatCalendarDate(deal.expectedCloseDate)}`
                      : ''}
                  </Text>
                </Stack>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {formatMoney(deal.amount, deal.currency)}
                  </Text>
                  <Badge variant="light" color={statusColors[deal.status]}>
                    {deal.status === 'open' ? 'Open' : deal.status === 'won' ? 'Won' : 'Lost'}
                  </Badge>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        {query.data?.nextCursor && (
          <Text size="xs" c="dimmed">
            The first 50 deals are shown.
          </Text>
        )}
      </Stack>
    </DetailSection>
  );
}
