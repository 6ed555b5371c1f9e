import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A save problem that belongs to no single input; a version conflict offers to load the latest record. */
export function FormAlert({ message, onReload }: { message: ReactNode; onReload?: () => void }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle />} title="Not saved" role="alert">
      <Stack gap="sm" align="flex-start">
        {message}
        {onReload && (
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconRefresh size={14} />}
            onClick={onReload}
          >
            Load the latest version
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Cancel and save; cancelling leaves for `cancelTo`, or calls `onCancel` (a form in a dialog). */
export function FormFooter({
  cancelTo,
  onCancel,
  submitLabel,
  submitting,
}: {
  cancelTo?: string;
  onCancel?(): void;
  submitLabel: string;
  submitting: boolean;
}) {
  return (
    <Group justify="flex-end" gap="sm">
      {cancelTo ? (
        <Button variant="default" component={Link} to={cancelTo}>
          Cancel
        </Button>
      ) : (
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      )}
      <Button type="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Group>
  );
}
