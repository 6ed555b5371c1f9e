import {
  type Announcements,
  closestCorners,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  type DropAnimation,
  defaultDropAnimation,
  defaultDropAnimationSideEffects,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconSettings, IconTag } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { positionAt, topPosition } from '../../../shared/deals/board-position';
import type { Board, BoardColumn, Deal } from '../../../shared/deals/deal';
import type { Pipeline } from '../../../shared/deals/pipeline';
import { Tag } from '../../../shared/records/record-fields';
import { messageOf } from '../api/api-error';
import { ListSkeleton, LoadError } from '../records/list-states';
import { MemberPicker } from '../team/member-picker';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { BoardColumnView } from './board-column';
import { CardKeyboardSensor, CardPointerSensor } from './board-sensors';
import { dropTarget, findCard } from './board-state';
import { DealCard } from './deal-card';
import { NewDealButton } from './deal-form';
import {
  type BoardFilters,
  boardQuery,
  dealKeys,
  pipelinesQuery,
  useCreateDeal,
  useLoadMore,
  useMoveDeal,
} from './deal-queries';

const lastPipelineKey = 'seed-crm.deals.pipeline';

/**
 * dnd-kit's drop animation (its card copy flies to the card's place for 250 ms), with the copy letting the
 * pointer through: it flies over the next cards of the column it left, and a press there right after a drop
 * would land on the copy (no drag, a text selection across the board) instead of on the card under it.
 */
const hideDroppedCard = defaultDropAnimationSideEffects({ styles: { active: { opacity: '0' } } });
const dropAnimation: DropAnimation = {
  ...defaultDropAnimation,
  sideEffects: (parameters) => {
    parameters.dragOverlay.node.style.pointerEvents = 'none';
    return hideDroppedCard(parameters);
  },
};

function rememberedPipeline(): string | null {
  try {
    return localStorage.getItem(lastPipelineKey);
  } catch {
    return null;
  }
}

/** The pipeline shown: the one in the address, else the last used, else the workspace's default. */
function pickPipeline(pipelines: readonly Pipeline[], wanted: string | null): Pipeline | undefined {
  return (
    pipelines.find((pipeline) => pipeline.id === wanted) ??
    pipelines.find((pipeline) => pipeline.id === rememberedPipeline()) ??
    pipelines.find((pipeline) => pipeline.isDefault) ??
    pipelines[0]
  );
}

/** The currency a quick add uses: the one most of the board's sums are in, else euros. */
function boardCurrency(board: Board): string {
  const counts = new Map<string, number>();
  for (const column of board.columns)
    for (const sum of column.totals.sums) counts.set(sum.currency, (counts.get(sum.currency) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'EUR';
}

export function DealsBoardPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const pipelines = useQuery(pipelinesQuery());
  const pipeline = pickPipeline(pipelines.data ?? [], searchParams.get('pipeline'));
  const ownerId = searchParams.get('owner') ?? undefined;
  const tag = searchParams.get('tag') ?? undefined;
  const setParam = (name: string, value: string | undefined) =>
    setSearchParams(
      (params) => {
        if (value) params.set(name, value);
        else params.delete(name);
        return params;
      },
      { replace: true },
    );
  const shownPipelineId = pipeline?.id;
  useEffect(() => {
    if (!shownPipelineId) return;
    try {
      localStorage.setItem(lastPipelineKey, shownPipelineId);
    } catch {
      // a browser that keeps nothing still shows the pipeline picked
    }
  }, [shownPipelineId]);
  const choosePipeline = (id: string) => setParam('pipeline', id);

  return (
    <Stack gap="md">
      <PageHeader
        title="Deals"
        description={
          pipeline
            ? `${pipeline.name}: drag a card to move it (Space picks up a focused card), or use its menu.`
            : undefined
        }
        actions={
          <>
            <Button
              component={Link}
              to="/settings/pipelines"
              variant="default"
              leftSection={<IconSettings size={16} />}
            >
              Pipelines
            </Button>
            {pipeline && <NewDealButton pipelineId={pipeline.id} />}
          </>
        }
      />
      {pipelines.isPending ? (
        <ListSkeleton rows={4} />
      ) : pipelines.isError ? (
        <LoadError error={pipelines.error} onRetry={() => pipelines.refetch()} />
      ) : !pipeline ? (
        <Text c="dimmed">No pipeline yet.</Text>
      ) : (
        <>
          <BoardFiltersBar
            pipelines={pipelines.data}
            pipelineId={pipeline.id}
            onPipeline={choosePipeline}
            ownerId={ownerId}
            onOwner={(id) => setParam('owner', id)}
            tag={tag}
            onTag={(value) => setParam('tag', value)}
          />
          <PipelineBoard pipelineId={pipeline.id} filters={{ ownerId, tag }} />
        </>
      )}
    </Stack>
  );
}

function BoardFiltersBar({
  pipelines,
  pipelineId,
  onPipeline,
  ownerId,
  onOwner,
  tag,
  onTag,
}: {
  pipelines: readonly Pipeline[];
  pipelineId: string;
  onPipeline(id: string): void;
  ownerId: string | undefined;
  onOwner(id: string | undefined): void;
  tag: string | undefined;
  onTag(tag: string | undefined): void;
}) {
  const [tagInput, setTagInput] = useState(tag ?? '');
  const [tagError, setTagError] = useState<string>();
  const applyTag = () => {
    if (!tagInput.trim()) {
      setTagError(undefined);
      return onTag(undefined);
    }
    const parsed = Tag.safeParse(tagInput);
    if (!parsed.success) return setTagError(parsed.error.issues[0]?.message ?? 'This tag is not valid.');
    setTagError(undefined);
    onTag(parsed.data);
  };
  return (
    <Group gap="sm" wrap="wrap" align="flex-start" role="search" aria-label="Board filters">
      <Select
        aria-label="Pipeline"
        flex="1 1 200px"
        maw={{ base: '100%', sm: 320 }}
        allowDeselect={false}
        data={pipelines.map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))}
        value={pipelineId}
        onChange={(value) => value && onPipeline(value)}
      />
      <MemberPicker
        label="Owner"
        aria-label="Filter by owner"
        labelProps={{ style: { display: 'none' } }}
        placeholder="Any owner"
        offerMe
        flex="1 1 200px"
        maw={{ base: '100%', sm: 320 }}
        value={ownerId ?? null}
        onChange={(value) => onOwner(value ?? undefined)}
      />
      <TextInput
        aria-label="Filter by tag"
        placeholder="Filter by tag"
        flex="1 1 160px"
        maw={{ base: '100%', sm: 240 }}
        leftSection={<IconTag size={16} />}
        value={tagInput}
        error={tagError}
        onChange={(event) => setTagInput(event.currentTarget.value)}
        onBlur={applyTag}
        onKeyDown={(event) => event.key === 'Enter' && applyTag()}
      />
    </Group>
  );
}

/** The names screen readers hear while a card is dragged with the keyboard or the pointer. */
function announcementsFor(board: Board | undefined): Announcements {
  const nameOf = (id: string | number) => findCard(board, String(id))?.name ?? 'The deal';
  const placeOf = (overId: string | number) => {
    if (!board) return undefined;
    const target = dropTarget(board, String(overId));
    const column = board.columns.find((candidate) => candidate.stageId === target?.stageId);
    return target && column ? `${column.name}, position ${target.index + 1}` : undefined;
  };
  return {
    onDragStart: ({ active }) =>
      `Picked up ${nameOf(active.id)}. Use the arrow keys to move it, Space to drop.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${nameOf(active.id)} is over ${placeOf(over.id) ?? 'a stage'}.`
        : `${nameOf(active.id)} is over no stage.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${nameOf(active.id)} dropped in ${placeOf(over.id) ?? 'a stage'}.`
        : `${nameOf(active.id)} put back.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled; it is back in its place.`,
  };
}

function PipelineBoard({ pipelineId, filters }: { pipelineId: string; filters: BoardFilters }) {
  const toast = useToast();
  const phone = useMediaQuery('(max-width: 48em)');
  const query = useQuery(boardQuery(pipelineId, filters));
  const boardKey = dealKeys.board(pipelineId, filters);
  const [refusal, setRefusal] = useState<string>();
  const move = useMoveDeal(
    boardKey,
    useCallback((deal: Deal, message: string) => setRefusal(`${deal.name} was not moved: ${message}`), []),
  );
  const loadMore = useLoadMore(boardKey);
  const create = useCreateDeal(boardKey);
  const [activeId, setActiveId] = useState<string>();
  const [overStageId, setOverStageId] = useState<string>();
  const [phoneStageId, setPhoneStageId] = useState<string>();
  const sensors = useSensors(
    useSensor(CardPointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(CardKeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const board = query.data;
  // the callbacks cards and columns get read the board when called, so a move does not make them new
  const boardRef = useRef(board);
  boardRef.current = board;
  const announcements = useMemo(() => announcementsFor(board), [board]);

  const moveMutate = move.mutate;
  const moveTo = useCallback(
    (deal: Deal, stageId: string) => {
      setRefusal(undefined);
      const column = boardRef.current?.columns.find((candidate) => candidate.stageId === stageId);
      moveMutate({ dealId: deal.id, toStageId: stageId, position: topPosition(column?.cards ?? []) });
    },
    [moveMutate],
  );
  const loadMoreMutate = loadMore.mutate;
  const onLoadMore = useCallback(
    (stageId: string, cursor: string) =>
      loadMoreMutate(
        { stageId, cursor },
        { onError: (error) => setRefusal(`More deals could not be loaded: ${messageOf(error)}`) },
      ),
    [loadMoreMutate],
  );
  const createAsync = create.mutateAsync;
  const onAdd = useCallback(
    async (column: BoardColumn, name: string, amount: string, at: 'top' | 'bottom') => {
      const current = boardRef.current;
      if (!current) return false;
      try {
        await createAsync({
          name,
          amount,
          currency: boardCurrency(current),
          pipelineId,
          stageId: column.stageId,
          ...(at === 'top' ? { position: topPosition(column.cards) } : {}),
        });
        toast(`${name} added to ${column.name}`);
        return true;
      } catch (error) {
        setRefusal(`${name} was not added: ${messageOf(error)}`);
        return false;
      }
    },
    [createAsync, pipelineId, toast],
  );

  if (query.isPending) return <ListSkeleton rows={4} />;
  if (query.isError || !board) return <LoadError error={query.error} onRetry={() => query.refetch()} />;

  const onDragStart = ({ active }: DragStartEvent) => {
    setRefusal(undefined);
    setActiveId(String(active.id));
  };
  const onDragOver = ({ over }: DragOverEvent) =>
    setOverStageId(over ? dropTarget(board, String(over.id))?.stageId : undefined);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(undefined);
    setOverStageId(undefined);
    const card = findCard(board, String(active.id));
    const target = over ? dropTarget(board, String(over.id)) : undefined;
    if (!card || !target) return;
    const column = board.columns.find((candidate) => candidate.stageId === target.stageId);
    if (!column) return;
    const from = column.cards.findIndex((candidate) => candidate.id === card.id);
    if (from === target.index && card.stageId === target.stageId) return;
    move.mutate({
      dealId: card.id,
      toStageId: target.stageId,
      position: positionAt(column.cards, target.index, card.id),
    });
  };
  const activeCard = activeId ? findCard(board, activeId) : undefined;
  const shownStageId =
    board.columns.find((column) => column.stageId === phoneStageId)?.stageId ?? board.columns[0]?.stageId;
  const columns = phone ? board.columns.filter((column) => column.stageId === shownStageId) : board.columns;

  return (
    <Stack gap="sm">
      {refusal && (
        <Alert
          color="red"
          title="Not moved"
          withCloseButton
          onClose={() => setRefusal(undefined)}
          role="alert"
        >
          {refusal}
        </Alert>
      )}
      {phone && (
        <Select
          label="Stage"
          allowDeselect={false}
          data={board.columns.map((column) => ({
            value: column.stageId,
            label: `${column.name} (${column.totals.count})`,
          }))}
          value={shownStageId ?? null}
          onChange={(value) => value && setPhoneStageId(value)}
        />
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              'To move a deal, press Space or Enter to pick it up, the arrow keys to move it between and within stages, Space or Enter to drop it, Escape to cancel.',
          },
        }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          setActiveId(undefined);
          setOverStageId(undefined);
        }}
      >
        <Group
          gap="sm"
          wrap="nowrap"
          align="flex-start"
          style={{ overflowX: 'auto', paddingBottom: 8 }}
          aria-label={`Board of ${board.pipeline.name}`}
          role="region"
        >
          {columns.map((column) => (
            <BoardColumnView
              key={column.stageId}
              column={column}
              stages={board.pipeline.stages}
              pipelineId={pipelineId}
              isOver={overStageId === column.stageId}
              loadingMore={loadMore.isPending && loadMore.variables?.stageId === column.stageId}
              onLoadMore={onLoadMore}
              onMoveTo={moveTo}
              onAdd={onAdd}
              fullWidth={Boolean(phone)}
            />
          ))}
        </Group>
        <DragOverlay dropAnimation={dropAnimation}>
          {activeCard ? (
            <div style={{ cursor: 'grabbing', width: 264, userSelect: 'none' }}>
              <DealCard deal={activeCard} stages={board.pipeline.stages} />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      {board.columns.length > 0 && (
        <Text size="xs" c="dimmed">
          Totals count every open deal of a stage
          {filters.ownerId || filters.tag ? ', whatever the filters' : ''}.
        </Text>
      )}
    </Stack>
  );
}
