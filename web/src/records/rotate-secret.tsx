import { Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useToast } from '../ui/toaster';
import { ConfirmAction } from './confirm-action';

/** "Rotate secret", after a dialog that says what happens to the previous secret. */
export function RotateSecret<Rotated>({
  rotate,
  onRotated,
  children,
}: {
  rotate: UseMutationResult<Rotated, Error, void>;
  onRotated?(rotated: Rotated): void;
  /** What the rotation means for the receiving side. */
  children: ReactNode;
}) {
  const toast = useToast();
  return (
    <ConfirmAction
      label="Rotate secret"
      icon={<IconRefresh size={16} />}
      color="orange"
      variant="default"
      title="Rotate the signing secret?"
      confirmLabel="Rotate secret"
      pending={rotate.isPending}
      error={rotate.error}
      onConfirm={(close) =>
        rotate.mutate(undefined, {
          onSuccess: (rotated) => {
            onRotated?.(rotated);
            toast('New signing secret made');
            close();
          },
        })
      }
    >
      <Text size="sm">{children}</Text>
    </ConfirmAction>
  );
}
