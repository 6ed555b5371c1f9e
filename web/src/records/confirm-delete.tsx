import { Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ConfirmAction } from './confirm-action';

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
  return (
    <ConfirmAction
      label="Delete"
      icon={<IconTrash size={16} />}
      title={`Delete this ${what}?`}
      confirmLabel={`Delete ${what}`}
      onConfirm={() => onConfirm()}
      pending={pending}
      error={error}
    >
      <Text>
        <Text span fw={600}>
          {name}
        </Text>{' '}
        will be deleted for everyone in the workspace. This cannot be undone.
      </Text>
      {consequence}
    </ConfirmAction>
  );
}
