import { Button, Paper, Skeleton, Stack } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ApiError } from '../api/api-error';
import { ListEmpty, LoadError } from './list-states';

export function DetailSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading">
      <Skeleton height={14} width={120} />
      <Skeleton height={32} width="40%" />
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Skeleton height={12} width="60%" />
          <Skeleton height={12} width="50%" />
          <Skeleton height={12} width="70%" />
        </Stack>
      </Paper>
    </Stack>
  );
}

/** A record that failed to load: "not found" gets its own page, anything else a retry. */
export function DetailError({
  error,
  what,
  backTo,
  onRetry,
}: {
  error: unknown;
  what: string;
  backTo: string;
  onRetry(): void;
}) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <ListEmpty
        icon={<IconMoodEmpty />}
        title={`This ${what} does not exist`}
        description="It may have been deleted, or the link is wrong."
        action={
          <Button component={Link} to={backTo} variant="default">
            Back to the list
          </Button>
        }
      />
    );
  }
  return <LoadError error={error} onRetry={onRetry} />;
}
