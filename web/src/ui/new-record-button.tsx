import { Button, Modal, type ModalProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface NewRecordButtonProps {
  /** The button's text and the dialog's title: "New deal". */
  label: string;
  /** Filled in a page's header; default (smaller) in a record page's section. */
  variant?: 'filled' | 'default';
  /** The dialog's width, for a longer form. */
  size?: ModalProps['size'];
  /** The form, given `close` to call when it saved or was cancelled. */
  children(close: () => void): ReactNode;
}

/** A "New …" button and its dialog with the record's form. */
export function NewRecordButton({ label, variant = 'filled', size, children }: NewRecordButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        variant={variant}
        size={variant === 'default' ? 'xs' : 'sm'}
        leftSection={<IconPlus size={16} />}
        onClick={open}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={label} centered size={size}>
        {children(close)}
      </Modal>
    </>
  );
}
