import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dealsRoutes } from '../../../shared/deals/deals-routes';
import {
  defaultPipelineStages,
  LostReasonsInput,
  type Pipeline,
  PipelineInput,
  PipelinePatch,
} from '../../../shared/deals/pipeline';
import { fieldErrorsOf } from '../../../shared/platform/validation';
import { ApiError, messageOf } from '../api/api-error';
import { useCan } from '../auth/permissions';
import { ConfirmDelete } from '../records/confirm-delete';
import { ListSkeleton, LoadError } from '../records/list-states';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import {
  lostReasonsQuery,
  pipelinesQuery,
  useCreatePipeline,
  useDeletePipeline,
  usePutLostReasons,
  useUpdatePipeline,
} from './deal-queries';
import { StageListEditor, type StageRow } from './stage-list-editor';

let nextRowKey = 1;
const newRowKey = () => `new-${nextRowKey++}`;

const rowsOf = (pipeline: Pipeline): StageRow[] =>
  pipeline.stages.map((stage) => ({ key: stage.id, ...stage }));

const stagesOf = (rows: StageRow[]) =>
  rows.map((row) => ({
    ...(row.id ? { id: row.id } : {}),
    name: row.name,
    probability: typeof row.probability === 'number' ? row.probability : Number.NaN,
  }));

/** The stages a refused save named as still holding deals (`moveDealsTo.<stageId>`). */
function stagesHoldingDeals(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'pipeline.stage_not_empty') return [];
  return Object.keys(error.fields)
    .filter((path) => path.startsWith('moveDealsTo.'))
    .map((path) => path.slice('moveDealsTo.'.length));
}

/** Asks where the deals of each removed stage go, among the stages kept. */
function MoveDealsDialog({
  pipeline,
  removedIds,
  keptRows,
  onMove,
  onCancel,
  pending,
}: {
  pipeline: Pipeline;
  removedIds: string[];
  keptRows: StageRow[];
  onMove(moves: Record<string, string>): void;
  onCancel(): void;
  pending: boolean;
}) {
  const targets = keptRows
    .filter((row) => row.id)
    .map((row) => ({ value: row.id as string, label: row.name }));
  const [moves, setMoves] = useState<Record<string, string>>(() =>
    Object.fromEntries(removedIds.map((id) => [id, targets[0]?.value ?? ''])),
  );
  const nameOf = (id: string) => pipeline.stages.find((stage) => stage.id === id)?.name ?? 'A stage';
  return (
    <Modal opened onClose={onCancel} title="Move the deals of removed stages" centered>
      <Stack gap="md">
        <Text size="sm">
          {removedIds.length === 1 ? 'A stage you removed still holds' : 'Stages you removed still hold'} open
          deals. Say where they go; then the stage is removed.
        </Text>
        {removedIds.map((id) => (
          <Select
            key={id}
            label={`Deals in ${nameOf(id)} move to`}
            allowDeselect={false}
            data={targets}
            value={moves[id] || null}
            onChange={(value) => value && setMoves((current) => ({ ...current, [id]: value }))}
          />
        ))}
        {targets.length === 0 && (
          <Alert color="orange">Keep at least one of the existing stages to move the deals to.</Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button
            loading={pending}
            disabled={targets.length === 0 || removedIds.some((id) => !moves[id])}
            onClick={() => onMove(moves)}
          >
            Move deals and save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PipelineEditor({ pipeline, canManage }: { pipeline: Pipeline; canManage: boolean }) {
  const toast = useToast();
  const update = useUpdatePipeline();
  const remove = useDeletePipeline();
  const [name, setName] = useState(pipeline.name);
  const [rows, setRows] = useState<StageRow[]>(() => rowsOf(pipeline));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [holding, setHolding] = useState<string[]>([]);

  const save = async (moveDealsTo?: Record<string, string>) => {
    setProblem(undefined);
    const patch = {
      ...(name.trim() !== pipeline.name ? { name } : {}),
      stages: stagesOf(rows),
      ...(moveDealsTo ? { moveDealsTo } : {}),
    };
    const parsed = PipelinePatch.safeParse(patch);
    if (!parsed.success) {
      const fields = fieldErrorsOf(parsed.error);
      setErrors(fields);
      setProblem(fields.stages ?? fields.name ?? fields[''] ?? 'Check the stages marked below.');
      return;
    }
    setErrors({});
    try {
      await update.mutateAsync({ pipeline, patch });
      setHolding([]);
      toast(`${name.trim()} saved`);
    } catch (error) {
      const stages = stagesHoldingDeals(error);
      if (stages.length > 0) return setHolding(stages);
      setHolding([]);
      setProblem(messageOf(error));
    }
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-label={`Pipeline ${pipeline.name}`}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <TextInput
            label="Pipeline name"
            flex="1 1 240px"
            maw={420}
            value={name}
            error={errors.name}
            disabled={!canManage}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          {canManage && !pipeline.isDefault && (
            <ConfirmDelete
              what="pipeline"
              name={pipeline.name}
              consequence={<Text size="sm">A pipeline that still holds deals cannot be deleted.</Text>}
              pending={remove.isPending}
              error={remove.error}
              onConfirm={() =>
                remove.mutate(pipeline.id, { onSuccess: () => toast(`${pipeline.name} deleted`) })
              }
            />
          )}
        </Group>
        <Stack gap={4}>
          <Title order={3} size="h6">
            Stages
          </Title>
          <Text size="xs" c="dimmed">
            In the order deals move through them, each with its win probability. Drag a stage by its handle to
            reorder (or focus the handle, press Space and use the arrow keys).
          </Text>
        </Stack>
        {problem && (
          <Alert color="red" role="alert" title="Not saved">
            {problem}
          </Alert>
        )}
        <StageListEditor rows={rows} onChange={setRows} errors={errors} />
        {canManage && (
          <Group justify="space-between" wrap="wrap">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                setRows((current) => [...current, { key: newRowKey(), name: '', probability: 50 }])
              }
            >
              Add stage
            </Button>
            <Group gap="sm">
              <Button
                variant="subtle"
                onClick={() => {
                  setName(pipeline.name);
                  setRows(rowsOf(pipeline));
                  setErrors({});
                  setProblem(undefined);
                }}
              >
                Undo changes
              </Button>
              <Button loading={update.isPending} onClick={() => void save()}>
                Save pipeline
              </Button>
            </Group>
          </Group>
        )}
        {holding.length > 0 && (
          <MoveDealsDialog
            pipeline={pipeline}
            removedIds={holding}
            keptRows={rows}
            pending={update.isPending}
            onCancel={() => setHolding([])}
            onMove={(moves) => void save(moves)}
          />
        )}
      </Stack>
    </Paper>
  );
}

function NewPipelineButton({ onCreated }: { onCreated(pipeline: Pipeline): void }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const create = useCreatePipeline();
  const toast = useToast();
  const submit = async () => {
    const input = { name, stages: defaultPipelineStages };
    const parsed = PipelineInput.safeParse(input);
    if (!parsed.success) return setError(fieldErrorsOf(parsed.error).name ?? 'Give the pipeline a name.');
    try {
      const created = await create.mutateAsync(input);
      toast(`${created.name} created`);
      setName('');
      close();
      onCreated(created);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open}>
        New pipeline
      </Button>
      <Modal opened={opened} onClose={close} title="New pipeline" centered>
        <Stack
          gap="md"
          component="form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <TextInput
            label="Name"
            data-autofocus
            value={name}
            error={error}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Text size="xs" c="dimmed">
            It starts with the usual stages ({defaultPipelineStages.map((stage) => stage.name).join(', ')});
            rename, reorder or remove them after.
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Create pipeline
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function LostReasonsEditor({ canManage }: { canManage: boolean }) {
  const toast = useToast();
  const query = useQuery(lostReasonsQuery());
  const put = usePutLostReasons();
  const [text, setText] = useState<string>();
  const [error, setError] = useState<string>();
  if (query.isPending) return <ListSkeleton rows={2} />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  const shown = text ?? query.data.reasons.join('\n');
  const save = async () => {
    const reasons = shown
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const parsed = LostReasonsInput.safeParse({ reasons });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the reasons.');
    setError(undefined);
    try {
      await put.mutateAsync({ reasons: parsed.data.reasons, version: query.data.version });
      setText(undefined);
      toast('Lost reasons saved');
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label="Lost reasons">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Lost reasons
        </Title>
        <Text size="sm" c="dimmed">
          A deal marked lost names one of these. One reason a line.
        </Text>
        <Textarea
          aria-label="Lost reasons, one a line"
          autosize
          minRows={4}
          maxRows={14}
          value={shown}
          error={error}
          disabled={!canManage}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        {canManage && (
          <Group justify="flex-end">
            <Button loading={put.isPending} disabled={text === undefined} onClick={() => void save()}>
              Save reasons
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function PipelinesSettingsPage() {
  const pipelines = useQuery(pipelinesQuery());
  const canManage = useCan(dealsRoutes.UpdatePipeline);
  const canKeepReasons = useCan(dealsRoutes.PutLostReasons);
  const [selected, setSelected] = useState<string | null>(null);
  const list = pipelines.data ?? [];
  const pipeline =
    list.find((candidate) => candidate.id === selected) ??
    list.find((candidate) => candidate.isDefault) ??
    list[0];
  return (
    <Stack gap="lg" maw={880}>
      <PageHeader
        title="Pipelines"
        description="Your sales processes: their stages in order, each with a win probability, and why deals are lost."
        actions={
          canManage ? <NewPipelineButton onCreated={(created) => setSelected(created.id)} /> : undefined
        }
      />
      {pipelines.isPending ? (
        <ListSkeleton rows={4} />
      ) : pipelines.isError ? (
        <LoadError error={pipelines.error} onRetry={() => pipelines.refetch()} />
      ) : (
        <>
          <Select
            label="Pipeline"
            maw={420}
            allowDeselect={false}
            data={list.map((candidate) => ({
              value: candidate.id,
              label: `${candidate.name}${candidate.isDefault ? ' (default)' : ''}`,
            }))}
            value={pipeline?.id ?? null}
            onChange={setSelected}
          />
          {pipeline && (
            <PipelineEditor
              key={`${pipeline.id}:${pipeline.version}`}
              pipeline={pipeline}
              canManage={canManage}
            />
          )}
        </>
      )}
      <LostReasonsEditor canManage={canKeepReasons} />
    </Stack>
  );
}
