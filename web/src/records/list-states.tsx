import { Alert, Button, EmptyState, Group, Paper, Skeleton, Stack } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError, messageOf } from '../api/api-error';

export function LoadError({
  error,
  onRetry,
  onRestart,
}: {
  error: unknown;
  onRetry(): void;
  onRestart?(): void;
}) {
  const badCursor = error instanceof ApiError && error.code === 'request.invalid_cursor';
  return (
    <Alert color="red" icon={<IconAlertCircle />} title="Could not load this" role="alert">
      <Stack gap="sm" align="flex-start">
        {messageOf(error)}
        {badCursor && onRestart ? (
          <Button size="xs" variant="light" color="red" onClick={onRestart}>
            Back to the first page
          </Button>
        ) : (
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconRefresh size={14} />}
            onClick={onRetry}
          >
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function ListSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Paper withBorder radius="md" p="md" aria-busy="true" aria-label="Loading">
      <Stack gap="md">
        {Array.from({ length: rows }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Group key={index} gap="md" wrap="nowrap">
            <Skeleton circle height={32} />
            <Skeleton height={12} width="30%" />
            <Skeleton height={12} width="25%" visibleFrom="sm" />
            <Skeleton height={12} width="20%" visibleFrom="sm" />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

export function ListEmpty({
  icon,
  title,
  description,
  action,
}: {
  icon: ReactNode;
  title: string;
  description: string;
  action?: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" py={48} px="md">
      <EmptyState icon={icon} variant="light" title={title} description={description}>
        {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
