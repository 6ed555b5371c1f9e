import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { CursorPages } from './use-cursor-pages';

export function CursorPager({
  pages,
  nextCursor,
  loading,
  label,
}: {
  pages: CursorPages;
  nextCursor: string | undefined;
  loading: boolean;
  label: string;
}) {
  if (!pages.hasPrevious && !nextCursor) return null;
  return (
    <Group component="nav" aria-label={`${label} pages`} justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        Page {pages.pageNumber}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          size="sm"
          leftSection={<IconChevronLeft size={16} />}
          disabled={!pages.hasPrevious || loading}
          onClick={pages.previous}
        >
          Previous
        </Button>
        <Button
          variant="default"
          size="sm"
          rightSection={<IconChevronRight size={16} />}
          disabled={!nextCursor || loading}
          onClick={() => nextCursor && pages.next(nextCursor)}
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
