import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { IconGripVertical, IconTrash } from '@tabler/icons-react';

/** A stage as the editor holds it: `key` tells rows apart (a new stage has no `id` yet). */
export interface StageRow {
  key: string;
  id?: string;
  name: string;
  probability: number | string;
}

function StageRowEditor({
  row,
  index,
  onChange,
  onRemove,
  canRemove,
  errors,
}: {
  row: StageRow;
  index: number;
  onChange(row: StageRow): void;
  onRemove(): void;
  canRemove: boolean;
  errors: { name?: string; probability?: string };
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: row.key });
  const label = row.name.trim() || `Stage ${index + 1}`;
  return (
    <Group
      ref={setNodeRef}
      gap="xs"
      wrap="nowrap"
      align="flex-start"
      role="listitem"
      aria-label={label}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : undefined,
        background: 'var(--mantine-color-body)',
      }}
    >
      <ActionIcon
        ref={setActivatorNodeRef}
        variant="subtle"
        color="gray"
        mt={4}
        aria-label={`Reorder ${label}`}
        style={{ cursor: 'grab', touchAction: 'none' }}
        {...attributes}
        {...listeners}
      >
        <IconGripVertical size={18} />
      </ActionIcon>
      <TextInput
        aria-label={`Name of stage ${index + 1}`}
        flex="1 1 auto"
        miw={0}
        value={row.name}
        error={errors.name}
        onChange={(event) => onChange({ ...row, name: event.currentTarget.value })}
      />
      <NumberInput
        aria-label={`Probability of ${label}`}
        w={96}
        min={0}
        max={100}
        allowDecimal={false}
        suffix=" %"
        value={row.probability}
        error={errors.probability}
        onChange={(value) => onChange({ ...row, probability: value })}
      />
      <ActionIcon
        variant="subtle"
        color="red"
        mt={4}
        aria-label={`Remove ${label}`}
        disabled={!canRemove}
        onClick={onRemove}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/**
 * A pipeline's stages in order, each with its name and win probability; dragged by its handle (or, with the
 * handle focused, Space and the arrow keys) to reorder.
 */
export function StageListEditor({
  rows,
  onChange,
  errors,
}: {
  rows: StageRow[];
  onChange(rows: StageRow[]): void;
  errors: Record<string, string>;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const nameOf = (id: string | number) => rows.find((row) => row.key === id)?.name || 'The stage';
  const placeOf = (id: string | number) => rows.findIndex((row) => row.key === id) + 1;
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = rows.findIndex((row) => row.key === active.id);
    const to = rows.findIndex((row) => row.key === over.id);
    if (from >= 0 && to >= 0) onChange(arrayMove(rows, from, to));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: {
          onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, at place ${placeOf(active.id)}.`,
          onDragOver: ({ active, over }) =>
            over
              ? `${nameOf(active.id)} is at place ${placeOf(over.id)}.`
              : `${nameOf(active.id)} is outside the list.`,
          onDragEnd: ({ active, over }) =>
            over
              ? `${nameOf(active.id)} dropped at place ${placeOf(over.id)}.`
              : `${nameOf(active.id)} put back.`,
          onDragCancel: ({ active }) => `Reordering ${nameOf(active.id)} was cancelled.`,
        },
      }}
    >
      <SortableContext items={rows.map((row) => row.key)} strategy={verticalListSortingStrategy}>
        <Stack gap="xs" role="list" aria-label="Stages">
          {rows.map((row, index) => (
            <StageRowEditor
              key={row.key}
              row={row}
              index={index}
              canRemove={rows.length > 1}
              errors={{
                name: errors[`stages.${index}.name`],
                probability: errors[`stages.${index}.probability`],
              }}
              onChange={(next) =>
                onChange(rows.map((candidate) => (candidate.key === row.key ? next : candidate)))
              }
              onRemove={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
            />
          ))}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}
