import { Alert, Button, type ButtonProps, Group, Modal, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { messageOf } from '../api/api-error';

/**
 * A button that asks first: its dialog explains what happens, stays open with the error if the action
 * fails, and is closed by the action (`onConfirm(close)`) when the page stays where it is.
 */
export function ConfirmAction({
  label,
  icon,
  color = 'red',
  variant = 'light',
  title,
  confirmLabel,
  onConfirm,
  pending,
  error,
  children,
  buttonProps,
}: {
  label: string;
  icon?: ReactNode;
  color?: string;
  variant?: ButtonProps['variant'];
  title: string;
  confirmLabel: string;
  onConfirm(close: () => void): void;
  pending: boolean;
  error: unknown;
  children: ReactNode;
  buttonProps?: Omit<ButtonProps, 'children'> & { 'aria-label'?: string };
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant={variant} color={color} leftSection={icon} onClick={open} {...buttonProps}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack gap="md">
          {children}
          {error ? (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {messageOf(error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button color={color} loading={pending} onClick={() => onConfirm(close)}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
