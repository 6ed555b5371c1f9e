import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { memo, useState } from 'react';
import type { BoardColumn as Column, Deal } from '../../../shared/deals/deal';
import type { Stage } from '../../../shared/deals/pipeline';
import { columnDropId } from './board-state';
import { DealCard } from './deal-card';
import { formatMoney } from './money-format';
import { QuickAddDeal } from './quick-add-deal';

/** The sortable frame of a card: it follows the drag, the card inside renders only when its deal changes. */
const SortableCard = memo(function SortableCard({
  deal,
  stages,
  onMoveTo,
}: {
  deal: Deal;
  stages: readonly Stage[];
  onMoveTo(deal: Deal, stageId: string): void;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: deal.id,
  });
  return (
    <Box
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-roledescription="Deal card"
      aria-label={`${deal.name}, ${formatMoney(deal.amount, deal.currency)}`}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        opacity: isDragging ? 0.4 : undefined,
        touchAction: 'manipulation',
        cursor: 'grab',
        // a press that drags selects no text (a copy of the deal's name is on its page)
        userSelect: 'none',
        borderRadius: 4,
      }}
    >
      <DealCard deal={deal} stages={stages} onMoveTo={onMoveTo} />
    </Box>
  );
});

function ColumnTotals({ column }: { column: Column }) {
  return (
    <Stack gap={0}>
      {column.totals.sums.length === 0 ? (
        <Text size="xs" c="dimmed">
          No amount
        </Text>
      ) : (
        column.totals.sums.map((sum) => (
          <Text size="xs" key={sum.currency}>
            <Text span fw={600} inherit>
              {formatMoney(sum.amount, sum.currency)}
            </Text>{' '}
            <Text span c="dimmed" inherit>
              · weighted {formatMoney(sum.weighted, sum.currency)}
            </Text>
          </Text>
        ))
      )}
    </Stack>
  );
}

export interface BoardColumnProps {
  column: Column;
  stages: readonly Stage[];
  pipelineId: string;
  /** Whether a dragged card is over this column (highlighted). */
  isOver: boolean;
  loadingMore: boolean;
  onLoadMore(stageId: string, cursor: string): void;
  onMoveTo(deal: Deal, stageId: string): void;
  onAdd(column: Column, name: string, amount: string, at: 'top' | 'bottom'): Promise<boolean>;
  /** On a phone the column fills the width. */
  fullWidth?: boolean;
}

/** One stage: its name, count, sum and weighted sum, its cards by position, "Load more" and quick add. */
export const BoardColumnView = memo(function BoardColumnView({
  column,
  stages,
  isOver,
  loadingMore,
  onLoadMore,
  onMoveTo,
  onAdd,
  fullWidth = false,
}: BoardColumnProps) {
  const { setNodeRef } = useDroppable({ id: columnDropId(column.stageId) });
  const [adding, setAdding] = useState<'top' | 'bottom' | undefined>();
  const ids = column.cards.map((card) => card.id);
  return (
    <Paper
      component="section"
      aria-label={`Stage ${column.name}`}
      withBorder
      radius="md"
      p="xs"
      bg={isOver ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-default-hover)'}
      w={fullWidth ? '100%' : 280}
      miw={fullWidth ? undefined : 280}
      style={{ display: 'flex', flexDirection: 'column', alignSelf: 'flex-start' }}
    >
      <Stack gap={4} mb="xs" px={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} size="h6" lineClamp={1}>
            {column.name}
          </Title>
          <Group gap={4} wrap="nowrap">
            <Badge variant="light" color="gray" aria-label={`${column.totals.count} deals`}>
              {column.totals.count}
            </Badge>
            <Text size="xs" c="dimmed">
              {column.probability} %
            </Text>
          </Group>
        </Group>
        <ColumnTotals column={column} />
        {adding === 'top' ? (
          <QuickAddDeal
            stageName={column.name}
            onAdd={(name, amount) => onAdd(column, name, amount, 'top')}
            onClose={() => setAdding(undefined)}
          />
        ) : (
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconPlus size={14} />}
            justify="flex-start"
            aria-label={`Add a deal at the top of ${column.name}`}
            onClick={() => setAdding('top')}
          >
            Add at top
          </Button>
        )}
      </Stack>
      <SortableContext id={column.stageId} items={ids} strategy={verticalListSortingStrategy}>
        <Stack
          ref={setNodeRef}
          gap={6}
          mih={64}
          role="list"
          aria-label={`Deals in ${column.name}`}
          data-stage-id={column.stageId}
        >
          {column.cards.map((card) => (
            <Box role="listitem" key={card.id}>
              <SortableCard deal={card} stages={stages} onMoveTo={onMoveTo} />
            </Box>
          ))}
          {column.cards.length === 0 && (
            <Text size="xs" c="dimmed" ta="center" py="md">
              No deals. Drop one here.
            </Text>
          )}
        </Stack>
      </SortableContext>
      {column.nextCursor && (
        <Button
          variant="default"
          size="xs"
          mt="xs"
          loading={loadingMore}
          onClick={() => column.nextCursor && onLoadMore(column.stageId, column.nextCursor)}
        >
          Load more
        </Button>
      )}
      <Box mt="xs">
        {adding === 'bottom' ? (
          <QuickAddDeal
            stageName={column.name}
            onAdd={(name, amount) => onAdd(column, name, amount, 'bottom')}
            onClose={() => setAdding(undefined)}
          />
        ) : (
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconPlus size={14} />}
            aria-label={`Add a deal at the bottom of ${column.name}`}
            onClick={() => setAdding('bottom')}
          >
            Add deal
          </Button>
        )}
      </Box>
    </Paper>
  );
});
