import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import type * as z from 'zod/mini';
import {
  type RelatedKind,
  type Task,
  TaskInput,
  type TaskPatch,
  TaskPriority,
} from '../../../shared/tasks/task';
import { ApiError } from '../api/api-error';
import { useSessionState } from '../auth/session-store';
import { CompanyPicker } from '../companies/company-picker';
import { ContactPicker } from '../contacts/contact-picker';
import { DealPicker } from '../deals/deal-picker';
import { focusFirstError, formErrorsFromFields, formErrorsOf, formLevel } from '../records/form-errors';
import { FormAlert } from '../records/form-footer';
import { showSaveError } from '../records/form-problem';
import { MemberPicker } from '../team/member-picker';
import { NewRecordButton, type NewRecordButtonProps } from '../ui/new-record-button';
import { useToast } from '../ui/toaster';
import { isoFromLocalInput, localInputFromIso, priorityLabels } from './task-format';
import { useCreateTask, useDeleteTask, useUpdateTask } from './task-queries';

interface TaskValues {
  title: string;
  notes: string;
  due: string;
  priority: z.output<typeof TaskPriority>;
  assigneeId: string | null;
  relatedKind: 'none' | RelatedKind;
  relatedId: string | null;
}

const formPaths = new Set(['title', 'notes', 'due', 'priority', 'assigneeId', 'relatedId']);
const renames = { dueAt: 'due', 'related.id': 'relatedId', related: 'relatedId' };
const isTaskPath = (path: string) => formPaths.has(path);

const relatedOf = (values: TaskValues) =>
  values.relatedKind !== 'none' && values.relatedId
    ? { kind: values.relatedKind, id: values.relatedId }
    : undefined;

function inputOf(values: TaskValues): z.input<typeof TaskInput> {
  const notes = values.notes.trim();
  const dueAt = isoFromLocalInput(values.due);
  const related = relatedOf(values);
  return {
    title: values.title,
    ...(notes ? { notes } : {}),
    ...(dueAt ? { dueAt } : {}),
    priority: values.priority,
    ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
    ...(related ? { related } : {}),
  };
}

function validate(values: TaskValues) {
  const errors: Record<string, string> = {};
  if (values.relatedKind !== 'none' && !values.relatedId)
    errors.relatedId = `Pick a ${values.relatedKind}, or none.`;
  if (values.due && !isoFromLocalInput(values.due)) errors.due = 'Give a date and time.';
  const parsed = TaskInput.safeParse(inputOf(values));
  return parsed.success ? errors : { ...formErrorsOf(parsed.error, renames, isTaskPath), ...errors };
}

/** What changed, as a patch: cleared fields are sent as null. */
function patchOf(task: Task, values: TaskValues): z.input<typeof TaskPatch> {
  const input = inputOf(values);
  const patch: Record<string, unknown> = {};
  if (input.title.trim() !== task.title) patch.title = input.title;
  if ((input.notes ?? null) !== (task.notes ?? null)) patch.notes = input.notes ?? null;
  if ((input.dueAt ?? null) !== (task.dueAt ?? null)) patch.dueAt = input.dueAt ?? null;
  if (input.priority !== task.priority) patch.priority = input.priority;
  if (input.assigneeId && input.assigneeId !== task.assigneeId) patch.assigneeId = input.assigneeId;
  if (JSON.stringify(input.related ?? null) !== JSON.stringify(task.related ?? null))
    patch.related = input.related ?? null;
  return patch;
}

export interface TaskFormProps {
  task?: Task;
  /** A new task's record (from a contact's or company's page). */
  related?: { kind: RelatedKind; id: string };
  onDone(saved: Task | undefined): void;
}

/** Title, due date and time, priority, assignee, notes and related record of a new or existing task. */
export function TaskForm({ task, related, onDone }: TaskFormProps) {
  const toast = useToast();
  const me = useSessionState().session?.user;
  const create = useCreateTask();
  const update = useUpdateTask();
  const remove = useDeleteTask();
  const form = useForm<TaskValues>({
    initialValues: {
      title: task?.title ?? '',
      notes: task?.notes ?? '',
      due: localInputFromIso(task?.dueAt),
      priority: task?.priority ?? 'normal',
      assigneeId: task?.assigneeId ?? me?.userId ?? null,
      relatedKind: task?.related?.kind ?? related?.kind ?? 'none',
      relatedId: task?.related?.id ?? related?.id ?? null,
    },
    validate,
  });
  const submit = form.onSubmit(
    async (values) => {
      try {
        if (task) {
          const patch = patchOf(task, values);
          if (Object.keys(patch).length === 0) return onDone(task);
          const saved = await update.mutateAsync({ task, patch });
          toast(`${saved.title} saved`);
          onDone(saved);
        } else {
          const saved = await create.mutateAsync(inputOf(values));
          toast(`${saved.title} created`);
          onDone(saved);
        }
      } catch (error) {
        if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
          const errors = formErrorsFromFields(error.fields, { renames, known: isTaskPath });
          form.setErrors(errors);
          focusFirstError(form, errors);
        } else showSaveError(form, error, isTaskPath);
      }
    },
    (errors) => focusFirstError(form, errors),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={task ? `Edit ${task.title}` : 'New task'}>
      <Stack gap="md">
        <FormAlert message={form.errors[formLevel]} />
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput label="Due" type="datetime-local" {...form.getInputProps('due')} />
          <Select
            label="Priority"
            allowDeselect={false}
            data={TaskPriority.options.map((value) => ({ value, label: priorityLabels[value] }))}
            {...form.getInputProps('priority')}
          />
        </SimpleGrid>
        <MemberPicker
          label="Assignee"
          offerMe
          withEmail
          clearable={false}
          allowDeselect={false}
          nothingFoundMessage="No member found"
          value={form.values.assigneeId}
          onChange={(value) => form.setFieldValue('assigneeId', value)}
          error={form.errors.assigneeId}
        />
        <Stack gap={6}>
          <SegmentedControl
            aria-label="Related record"
            // four kinds fit a phone's dialog only at full width with short labels
            fullWidth
            data={[
              { value: 'none', label: 'None' },
              { value: 'contact', label: 'Contact' },
              { value: 'company', label: 'Company' },
              { value: 'deal', label: 'Deal' },
            ]}
            value={form.values.relatedKind}
            onChange={(value) => {
              form.setFieldValue('relatedKind', value as TaskValues['relatedKind']);
              form.setFieldValue('relatedId', null);
            }}
          />
          {form.values.relatedKind === 'contact' && (
            <ContactPicker
              label="Related contact"
              value={form.values.relatedId}
              onChange={(value) => form.setFieldValue('relatedId', value)}
              error={form.errors.relatedId}
            />
          )}
          {form.values.relatedKind === 'deal' && (
            <DealPicker
              label="Related deal"
              value={form.values.relatedId}
              onChange={(value) => form.setFieldValue('relatedId', value)}
              error={form.errors.relatedId}
            />
          )}
          {form.values.relatedKind === 'company' && (
            <CompanyPicker
              label="Related company"
              value={form.values.relatedId}
              onChange={(value) => form.setFieldValue('relatedId', value)}
              error={form.errors.relatedId}
            />
          )}
        </Stack>
        <Textarea label="Notes" autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
        <Group justify="flex-end" gap="sm">
          {task && (
            <Button
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={async () => {
                try {
                  await remove.mutateAsync(task.id);
                  toast(`${task.title} deleted`);
                  onDone(undefined);
                } catch (error) {
                  showSaveError(form, error, isTaskPath);
                }
              }}
            >
              Delete
            </Button>
          )}
          <Button type="submit" loading={form.submitting}>
            {task ? 'Save changes' : 'Create task'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "New task": a dialog with the task form; from a record's page, about that record. */
export function NewTaskButton({
  related,
  variant,
}: {
  related?: TaskFormProps['related'];
  variant?: NewRecordButtonProps['variant'];
}) {
  return (
    <NewRecordButton label="New task" variant={variant}>
      {(close) => <TaskForm related={related} onDone={close} />}
    </NewRecordButton>
  );
}

export function EditTaskButton({ task }: { task: Task }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPencil size={14} />}
        onClick={open}
        aria-label={`Edit ${task.title}`}
      >
        Edit
      </Button>
      <Modal opened={opened} onClose={close} title="Edit task" centered>
        <TaskForm key={task.version} task={task} onDone={close} />
      </Modal>
    </>
  );
}
