import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** An "Edit" button and its dialog; the form inside closes it when saved or cancelled. */
export function EditDialog({ title, children }: { title: string; children(close: () => void): ReactNode }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconPencil size={16} />} onClick={open}>
        Edit
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered size="lg">
        {children(close)}
      </Modal>
    </>
  );
}
