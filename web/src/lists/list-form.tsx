import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { type ContactList, ListInput } from '../../../shared/lists/list';
import { focusFirstError, formErrorsOf, formLevel } from '../records/form-errors';
import { FormAlert } from '../records/form-footer';
import { showSaveError } from '../records/form-problem';
import { useToast } from '../ui/toaster';
import { lists } from './list-queries';

interface ListValues {
  name: string;
  description: string;
}

const isListPath = (path: string) => path === 'name' || path === 'description';

function validate(values: ListValues) {
  const parsed = ListInput.safeParse({ name: values.name, description: values.description });
  return parsed.success ? {} : formErrorsOf(parsed.error, undefined, isListPath);
}

/** Name and description of a new list, or of an existing one (sent as a change over its version). */
function ListForm({ list, onDone }: { list?: ContactList; onDone(saved: ContactList): void }) {
  const toast = useToast();
  const create = lists.useCreate();
  const update = lists.useUpdate(list?.id ?? '');
  const form = useForm<ListValues>({
    initialValues: { name: list?.name ?? '', description: list?.description ?? '' },
    validate,
  });
  const submit = form.onSubmit(
    async (values) => {
      try {
        const description = values.description.trim();
        const saved = list
          ? await update.mutateAsync({
              version: list.version,
              patch: { name: values.name, description: description === '' ? null : description },
            })
          : await create.mutateAsync({ name: values.name, ...(description ? { description } : {}) });
        // the wording of every record page: a new record is created, a changed one saved
        toast(list ? `${saved.name} saved` : `${saved.name} created`);
        onDone(saved);
      } catch (error) {
        showSaveError(form, error, isListPath);
      }
    },
    (errors) => focusFirstError(form, errors),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={list ? `Edit ${list.name}` : 'New list'}>
      <Stack gap="md">
        <FormAlert message={form.errors[formLevel]} />
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label="Description"
          description="What the list is for, for your team"
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end" gap="sm">
          <Button type="submit" loading={form.submitting}>
            {list ? 'Save changes' : 'Create list'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "New list": a dialog, then the new list's page. */
export function NewListButton() {
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open}>
        New list
      </Button>
      <Modal opened={opened} onClose={close} title="New list" centered>
        <ListForm
          onDone={(saved) => {
            close();
            navigate(`/lists/${saved.id}`);
          }}
        />
      </Modal>
    </>
  );
}

export function EditListButton({ list }: { list: ContactList }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={open}>
        Edit
      </Button>
      <Modal opened={opened} onClose={close} title="Edit list" centered>
        <ListForm key={list.version} list={list} onDone={close} />
      </Modal>
    </>
  );
}
