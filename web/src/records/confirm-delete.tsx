import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertCircle, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { messageOf } from '../api/api-error';

/** A delete button that asks first; the dialog stays open with the error if deleting fails. */
export function ConfirmDelete({
  what,
  name,
  consequence,
  onConfirm,
  pending,
  error,
}: {
  what: string;
  name: string;
  consequence?: ReactNode;
  onConfirm(): void;
  pending: boolean;
  error: unknown;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={open}>
        Delete
      </Button>
      <Modal opened={opened} onClose={close} title={`Delete this ${what}?`} centered>
        <Stack gap="md">
          <Text>
            <Text span fw={600}>
              {name}
            </Text>{' '}
            will be deleted for everyone in the workspace. This cannot be undone.
          </Text>
          {consequence}
          {error ? (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {messageOf(error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={pending} onClick={onConfirm}>
              Delete {what}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
